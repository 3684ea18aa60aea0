// The Bicep trees of every example and of every golden tree's topology
// (tests/terraform/case-*.topo) through the real Bicep CLI (0.49.2,
// restored by tests/validate/bicep/restore.sh): `bicep build` reports no
// error or warning, `bicep lint` is clean under
// tests/validate/bicep/bicepconfig.json, `bicep format` changes nothing, and
// the resources `bicep snapshot` predicts are the ones the Terraform
// manifest lists. Without the CLI every test here is skipped, saying how to
// restore it.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "compiler/driver/check.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/terraform/emit_terraform.h"
#include "compiler/estate/resource_types.h"

namespace topoc {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kSource = TOPOC_SOURCE_DIR;
const fs::path kConfig = kSource / "tests/validate/bicep/bicepconfig.json";
constexpr const char* kRestore = "tests/validate/bicep/restore.sh build/bicep";

// $TOPOC_BICEP, else the CLI restore.sh put beside this build or in build/.
std::optional<fs::path> bicep_cli() {
  if (const char* env = std::getenv("TOPOC_BICEP"); env && *env) return fs::path(env);
  const fs::path package = "bicep/packages/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep";
  for (const fs::path& dir : {fs::path(TOPOC_BINARY).parent_path(), kSource / "build"}) {
    if (::access((dir / package).c_str(), X_OK) == 0) return dir / package;
  }
  return std::nullopt;
}

#define REQUIRE_BICEP(cli) \
  auto cli = bicep_cli();  \
  if (!cli) GTEST_SKIP() << "Bicep CLI not restored (run `" << kRestore << "`, or set TOPOC_BICEP)"

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr
};

CommandResult run(const std::string& command) {
  CommandResult r;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) r.output.append(buffer, n);
  r.status = ::pclose(pipe);
  return r;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "topoc-bicep-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct Example {
  std::string name;
  emit::FileTree bicep;
  emit::FileTree terraform;
};

// The examples; with `cases`, also the topologies of the golden trees
// (tests/terraform/case-*.topo), which reach settings no example uses.
std::vector<Example> examples(bool cases = false) {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(kSource / "examples")) {
    if (entry.is_regular_file() && entry.path().extension() == ".topo")
      paths.push_back(entry.path());
  }
  if (cases) {
    for (const auto& entry : fs::directory_iterator(kSource / "tests/terraform")) {
      if (entry.is_regular_file() && entry.path().extension() == ".topo")
        paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Example> out;
  for (const fs::path& path : paths) {
    driver::CheckResult result = driver::check_files({path.string()});
    EXPECT_EQ(result.sink.error_count(), 0u) << path;
    if (result.models.empty() || !result.models[0]) continue;
    out.push_back({path.stem().string(), emit::emit_bicep(*result.models[0], {}),
                   emit::emit_terraform(*result.models[0], {})});
  }
  return out;
}

// Writes every example's Bicep tree under `dir`/<example>/, and sets the
// environment variables <env>.bicepparam reads origin host names from.
void write_examples(const fs::path& dir, const std::vector<Example>& all) {
  static const std::regex kVariable(R"(readEnvironmentVariable\('([A-Z0-9_]+)'\))");
  for (const Example& e : all) {
    for (const emit::EmittedFile& f : e.bicep) {
      write(dir / e.name / f.path, f.contents);
      for (std::sregex_iterator it(f.contents.begin(), f.contents.end(), kVariable), end; it != end;
           ++it) {
        std::string variable = (*it)[1].str();
        ::setenv(variable.c_str(), fmt::format("{}.ingress.example.com", variable).c_str(), 1);
      }
    }
  }
}

std::string bicep(const fs::path& cli, const std::string& arguments) {
  return shell_quote(cli.string()) + " " + arguments;
}

// Diagnostics in Bicep's `path(line,col) : Level code: message` form.
std::vector<std::string> diagnostics(const std::string& output) {
  static const std::regex kDiagnostic(R"(\(\d+,\d+\) : (Error|Warning|Info) )");
  std::vector<std::string> out;
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    if (std::regex_search(line, kDiagnostic)) out.push_back(line);
  }
  return out;
}

TEST(BicepCli, EveryExampleBuildsWithoutErrorsOrWarnings) {
  REQUIRE_BICEP(cli);
  TempDir dir;
  auto all = examples(true);
  write_examples(dir.path(), all);
  CommandResult r =
      run(bicep(*cli, fmt::format("build --pattern {} --config {}",
                                  shell_quote((dir.path() / "*/bicep/main.bicep").string()),
                                  shell_quote(kConfig.string()))));
  EXPECT_EQ(0, r.status) << r.output;
  EXPECT_EQ(std::vector<std::string>{}, diagnostics(r.output)) << r.output;
  for (const Example& e : all) {
    EXPECT_TRUE(fs::exists(dir.path() / e.name / "bicep/main.json")) << e.name << " was not built";
  }
}

TEST(BicepCli, EveryFileIsLintClean) {
  REQUIRE_BICEP(cli);
  TempDir dir;
  auto all = examples(true);
  write_examples(dir.path(), all);
  // Modules too: building main.bicep reports only errors of the modules it calls.
  for (const char* pattern : {"*/bicep/**/*.bicep", "*/bicep/*.bicepparam"}) {
    CommandResult r = run(bicep(*cli, fmt::format("lint --pattern {} --config {}",
                                                  shell_quote((dir.path() / pattern).string()),
                                                  shell_quote(kConfig.string()))));
    EXPECT_EQ(0, r.status) << pattern << "\n" << r.output;
    EXPECT_EQ(std::vector<std::string>{}, diagnostics(r.output)) << pattern << "\n" << r.output;
  }
}

TEST(BicepCli, FormatLeavesEveryFileUnchanged) {
  REQUIRE_BICEP(cli);
  TempDir dir;
  auto all = examples(true);
  write_examples(dir.path(), all);
  for (const char* pattern : {"*/bicep/**/*.bicep", "*/bicep/*.bicepparam"}) {
    CommandResult r = run(bicep(
        *cli, fmt::format("format --pattern {}", shell_quote((dir.path() / pattern).string()))));
    EXPECT_EQ(0, r.status) << r.output;
  }
  size_t checked = 0;
  for (const Example& e : all) {
    for (const emit::EmittedFile& f : e.bicep) {
      if (f.path.find(".bicep") == std::string::npos) continue;
      ++checked;
      EXPECT_EQ(f.contents, read(dir.path() / e.name / f.path))
          << e.name << "/" << f.path << " is not as `bicep format` leaves it";
    }
  }
  EXPECT_GT(checked, 0u);
}

// The hostile strings of bicep_emit_test reach ARM exactly as written.
TEST(BicepCli, HostileStringsSurviveTheRoundTrip) {
  REQUIRE_BICEP(cli);
  const std::string owner = "team\n'lead' ${owner} \\ \t\x01 Zürich";
  driver::CheckResult result;
  driver::check_source(result, "hostile.topo", R"(topology "o'brien \\ ${x}" {
  prefix = "hx"
  owner  = "team\n'lead' ${owner} \\ \t\u{1} Zürich"
  boundary "us" { geography = united-states }
  region "us" { location = eastus  address = 10.1.0.0/16  services = [storage] }
  dns "example.com" { record "_v" { txt = ["'v' ${x} \\ \n"] } }
}
)");
  ASSERT_TRUE(!result.models.empty() && result.models[0]);
  ASSERT_EQ(owner, result.models[0]->owner.value);
  TempDir dir;
  for (const emit::EmittedFile& f : emit::emit_bicep(*result.models[0], {}))
    write(dir.path() / f.path, f.contents);
  CommandResult r =
      run(bicep(*cli, fmt::format("build-params {} --stdout",
                                  shell_quote((dir.path() / "bicep/prod.bicepparam").string()))));
  ASSERT_EQ(0, r.status) << r.output;
  json parameters =
      json::parse(json::parse(r.output)["parametersJson"].get<std::string>())["parameters"];
  EXPECT_EQ(owner, parameters["tags"]["value"]["owner"]);
  EXPECT_EQ("o'brien \\ ${x}", parameters["tags"]["value"]["topology"]);
  EXPECT_EQ("'v' ${x} \\ \n",
            parameters["globalDnsSettings"]["value"]["records"][0]["values"][0]);
}

// A resource as both sides describe it: ARM type, name, lower-case location.
using Described = std::tuple<std::string, std::string, std::string>;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::multiset<Described> terraform_side(const emit::FileTree& tree,
                                        std::vector<std::string>& problems) {
  std::multiset<Described> out;
  for (const emit::EmittedFile& f : tree) {
    if (!f.path.ends_with("/topoc.manifest.json")) continue;
    const json manifest = json::parse(f.contents);
    for (const json& r : manifest["resources"]) {
      std::string type = r["type"];
      const auto* pair = estate::find_by_azurerm(type);
      if (!pair) {
        problems.push_back("no ARM type for " + type);
        continue;
      }
      if (pair->parity == estate::Parity::kTerraformOnly) continue;
      std::string name = r["name"].is_string() ? r["name"].get<std::string>() : "";
      if (pair->parity == estate::Parity::kNameFromAzure) name.clear();
      std::string location = r["location"].is_string() ? lower(r["location"]) : "";
      out.insert({std::string(pair->arm), name, location});
    }
  }
  return out;
}

std::multiset<Described> bicep_side(const json& snapshot, std::vector<std::string>& problems) {
  std::map<std::string, const json*> by_id;
  for (const json& r : snapshot["predictedResources"]) by_id[lower(r["id"])] = &r;
  // A child without a location of its own is where its parent is.
  std::function<std::string(const json&)> location_of = [&](const json& r) -> std::string {
    if (r.contains("location")) return lower(r["location"]);
    std::string id = lower(r["id"]);
    for (int segments = 0; segments < 2 && !id.empty(); ++segments) id.resize(id.rfind('/'));
    auto parent = by_id.find(id);
    return parent == by_id.end() ? "" : location_of(*parent->second);
  };
  std::multiset<Described> out;
  for (const json& r : snapshot["predictedResources"]) {
    std::string type = r["type"];
    const auto* pair = estate::find_by_arm(type);
    if (!pair) {
      problems.push_back("no Terraform type for " + type);
      continue;
    }
    if (pair->parity == estate::Parity::kBicepOnly) continue;
    std::string name = r["name"];
    // An object replication policy is one Terraform resource and two ARM
    // ones (docs/parity.md): the destination side, compared, and the source
    // side, named at deployment with the ID Azure gave the first.
    if (lower(type) == "microsoft.storage/storageaccounts/objectreplicationpolicies" &&
        name.starts_with("[")) {
      continue;
    }
    name = name.substr(name.rfind('/') + 1);
    if (pair->parity == estate::Parity::kNameFromAzure) name.clear();
    // A name Azure gives at deployment (an internal Container Apps
    // environment's domain) stays an expression in the snapshot, and so does
    // the full name of a child of it: `[format('{0}/{1}', <parent>, 'link')]`.
    // The manifest leaves the first empty and names the child by its own
    // segment; a child whose segment is no literal (a record set of such a
    // zone, `'*'` inside the format) is left empty there too.
    const std::string& full = r["name"].get_ref<const std::string&>();
    if (full.starts_with("[")) {
      static const std::regex kChild(R"(^\[format\('\{0\}/\{1\}', .*, '([^'*@]+)'\)\]$)");
      std::smatch m;
      name = std::regex_match(full, m, kChild) ? m[1].str() : "";
    }
    std::string location = location_of(r);
    // The link is described where the replica it links to is.
    if (lower(type) == "microsoft.cache/redis/linkedservers") {
      location = lower(r["properties"]["linkedRedisCacheLocation"]);
    }
    out.insert({std::string(pair->arm), name, location});
  }
  return out;
}

std::string describe(const std::multiset<Described>& resources) {
  std::string out;
  for (const auto& [type, name, location] : resources)
    out += fmt::format("  {} {} ({})\n", type, name, location);
  return out;
}

TEST(BicepParity, TerraformAndBicepDeployTheSameResources) {
  REQUIRE_BICEP(cli);
  TempDir dir;
  auto all = examples(true);
  write_examples(dir.path(), all);
  for (const Example& e : all) {
    // The topology's one environment, named by its parameter file.
    fs::path params;
    for (const auto& f : fs::directory_iterator(dir.path() / e.name / "bicep")) {
      if (f.path().extension() == ".bicepparam") params = f.path();
    }
    ASSERT_FALSE(params.empty()) << e.name;
    const std::string env = params.stem().string();
    CommandResult r =
        run(bicep(*cli, fmt::format("snapshot {} --mode overwrite --subscription-id "
                                    "00000000-0000-0000-0000-000000000000 --tenant-id "
                                    "00000000-0000-0000-0000-000000000000 --location {}",
                                    shell_quote(params.string()), "eastus")));
    ASSERT_EQ(0, r.status) << e.name << "\n" << r.output;
    json snapshot =
        json::parse(read(dir.path() / e.name / fmt::format("bicep/{}.snapshot.json", env)));
    EXPECT_EQ(json::array(), snapshot["diagnostics"]) << e.name;
    std::vector<std::string> problems;
    std::multiset<Described> terraform = terraform_side(e.terraform, problems);
    std::multiset<Described> bicep = bicep_side(snapshot, problems);
    EXPECT_EQ(std::vector<std::string>{}, problems) << e.name;
    std::multiset<Described> only_terraform, only_bicep;
    std::set_difference(terraform.begin(), terraform.end(), bicep.begin(), bicep.end(),
                        std::inserter(only_terraform, only_terraform.end()));
    std::set_difference(bicep.begin(), bicep.end(), terraform.begin(), terraform.end(),
                        std::inserter(only_bicep, only_bicep.end()));
    EXPECT_TRUE(only_terraform.empty() && only_bicep.empty())
        << e.name << ": the backends differ\nonly in the Terraform manifest:\n"
        << describe(only_terraform) << "only in the Bicep snapshot:\n"
        << describe(only_bicep);
    EXPECT_GT(bicep.size(), 10u) << e.name;
  }
}

// A 60-region estate (bench/gen_topology.py: six boundaries of ten regions,
// Cosmos DB, Front Door) builds, lints and formats clean: main.bicep passes
// the regions as one structured parameter, so ARM's 256-parameter limit does
// not grow with the estate.
TEST(BicepCli, SixtyRegionEstateBuildsLintsAndFormatsClean) {
  REQUIRE_BICEP(cli);
  TempDir dir;
  const fs::path topology = dir.path() / "sixty.topo";
  CommandResult gen =
      run(fmt::format("python3 {} --topoc {} --regions 60 --tenants 120 --containers 20 -o {}",
                      shell_quote((kSource / "bench/gen_topology.py").string()),
                      shell_quote(TOPOC_BINARY), shell_quote(topology.string())));
  ASSERT_EQ(0, gen.status) << gen.output;
  driver::CheckResult result = driver::check_files({topology.string()});
  ASSERT_EQ(0u, result.sink.error_count());
  ASSERT_TRUE(!result.models.empty() && result.models[0]);
  ASSERT_EQ(60u, result.models[0]->regions.size());
  std::vector<Example> all{{"sixty", emit::emit_bicep(*result.models[0], {}), {}}};
  write_examples(dir.path(), all);
  const fs::path main = dir.path() / "sixty/bicep/main.bicep";
  CommandResult build =
      run(bicep(*cli, fmt::format("build {} --config {}", shell_quote(main.string()),
                                  shell_quote(kConfig.string()))));
  EXPECT_EQ(0, build.status) << build.output;
  EXPECT_EQ(std::vector<std::string>{}, diagnostics(build.output)) << build.output;
  json compiled = json::parse(read(dir.path() / "sixty/bicep/main.json"));
  EXPECT_LE(compiled["parameters"].size(), 16u);
  for (const char* pattern : {"sixty/bicep/*.bicep", "sixty/bicep/*.bicepparam"}) {
    CommandResult lint = run(bicep(*cli, fmt::format("lint --pattern {} --config {}",
                                                     shell_quote((dir.path() / pattern).string()),
                                                     shell_quote(kConfig.string()))));
    EXPECT_EQ(0, lint.status) << pattern << "\n" << lint.output;
    EXPECT_EQ(std::vector<std::string>{}, diagnostics(lint.output)) << pattern << "\n"
                                                                    << lint.output;
    CommandResult format = run(bicep(
        *cli, fmt::format("format --pattern {}", shell_quote((dir.path() / pattern).string()))));
    EXPECT_EQ(0, format.status) << format.output;
  }
  for (const emit::EmittedFile& f : all[0].bicep) {
    if (f.path.rfind("bicep/modules/", 0) == 0 || f.path.rfind("bicep/policy/", 0) == 0) continue;
    EXPECT_EQ(f.contents, read(dir.path() / "sixty" / f.path))
        << f.path << " is not as `bicep format` leaves it";
  }
}

}  // namespace
}  // namespace topoc
