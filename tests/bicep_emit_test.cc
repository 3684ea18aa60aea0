// The Bicep backend without the Bicep CLI: golden trees of every example,
// determinism, string escaping, symbol names, module selection and the
// Terraform <-> Bicep type table. tests/bicep_cli_test.cc runs the real CLI
// on the same trees.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "compiler/driver/check.h"
#include "compiler/emit/bicep/bicep_writer.h"
#include "compiler/emit/bicep/declarations.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/bicep/files.h"
#include "compiler/emit/bicep/symbols.h"
#include "compiler/emit/templates.h"
#include "compiler/emit/terraform/emit_terraform.h"
#include "compiler/estate/resource_types.h"

namespace topoc {
namespace bicep_emit_test {

namespace fs = std::filesystem;
using emit::bicep::Value;

const fs::path kSource = TOPOC_SOURCE_DIR;

bool update_mode() {
  const char* value = std::getenv("TOPOC_UPDATE_GOLDEN");
  return value != nullptr && std::string_view(value) == "1";
}

std::vector<fs::path> examples() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(kSource / "examples")) {
    if (entry.is_regular_file() && entry.path().extension() == ".topo") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
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

std::optional<model::Topology> model_of(const fs::path& example) {
  driver::CheckResult result = driver::check_files({example.string()});
  EXPECT_EQ(result.sink.error_count(), 0u) << example;
  if (result.models.empty() || !result.models[0]) return std::nullopt;
  return std::move(*result.models[0]);
}

// The model of topology text, whatever the rules say of it.
model::Topology model_of_text(std::string text) {
  driver::CheckResult result;
  driver::check_source(result, "test.topo", std::move(text));
  EXPECT_TRUE(!result.models.empty() && result.models[0]);
  return std::move(*result.models[0]);
}

const emit::EmittedFile* find_file(const emit::FileTree& files, std::string_view path) {
  for (const emit::EmittedFile& f : files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) out.push_back(fs::relative(entry.path(), dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(BicepGolden, EveryExampleMatchesItsGoldenTree) {
  for (const fs::path& example : examples()) {
    const std::string name = example.stem().string();
    const fs::path golden = kSource / "tests/golden/bicep" / name;
    auto model = model_of(example);
    ASSERT_TRUE(model) << example;
    emit::FileTree files = emit::emit_bicep(*model, {});
    if (update_mode()) {
      fs::remove_all(golden);
      for (const emit::EmittedFile& f : files) write(golden / f.path, f.contents);
      continue;
    }
    std::vector<std::string> actual;
    for (const emit::EmittedFile& f : files) actual.push_back(f.path);
    EXPECT_EQ(files_under(golden), actual) << name << ": the set of files differs";
    for (const emit::EmittedFile& f : files) {
      if (!fs::exists(golden / f.path)) continue;
      EXPECT_EQ(read(golden / f.path), f.contents)
          << name << "/" << f.path << " differs from its golden; if the change is intended, run\n"
          << "  TOPOC_UPDATE_GOLDEN=1 ctest -R BicepGolden\nand review the diff";
    }
  }
}

TEST(BicepGolden, TwoEmitsAreByteIdentical) {
  for (const fs::path& example : examples()) {
    auto model = model_of(example);
    ASSERT_TRUE(model) << example;
    emit::FileTree first = emit::emit_bicep(*model, {});
    emit::FileTree second = emit::emit_bicep(*model, {});
    ASSERT_EQ(first.size(), second.size());
    for (size_t i = 0; i < first.size(); ++i) {
      EXPECT_EQ(first[i].path, second[i].path);
      EXPECT_EQ(first[i].contents, second[i].contents) << first[i].path;
    }
  }
}

TEST(BicepGolden, FilesAreSortedAndUnderBicep) {
  for (const fs::path& example : examples()) {
    auto model = model_of(example);
    ASSERT_TRUE(model) << example;
    emit::FileTree files = emit::emit_bicep(*model, {});
    ASSERT_NE(nullptr, find_file(files, "bicep/main.bicep")) << example;
    ASSERT_NE(nullptr, find_file(files, "bicep/prod.bicepparam")) << example;
    for (size_t i = 1; i < files.size(); ++i) EXPECT_LT(files[i - 1].path, files[i].path);
    for (const emit::EmittedFile& f : files) {
      EXPECT_EQ(0u, f.path.rfind("bicep/", 0)) << f.path;
      EXPECT_EQ(std::string::npos, f.path.find("..")) << f.path;
    }
  }
}

TEST(BicepEscape, SingleQuotedStrings) {
  using emit::bicep::escape_string;
  using emit::bicep::quote;
  EXPECT_EQ("plain text", escape_string("plain text"));
  EXPECT_EQ("it\\'s", escape_string("it's"));
  EXPECT_EQ("back\\\\slash", escape_string("back\\slash"));
  EXPECT_EQ("\\${param}", escape_string("${param}"));
  EXPECT_EQ("cost $5 {x} $", escape_string("cost $5 {x} $"));
  EXPECT_EQ("a\\nb\\rc\\td", escape_string("a\nb\rc\td"));
  EXPECT_EQ("bell\\u{7} del\\u{7F}", escape_string("bell\x07 del\x7f"));
  EXPECT_EQ("Zürich ✓", escape_string("Zürich ✓"));
  EXPECT_EQ("'\\'\\\\\\${x}\\n'", quote("'\\${x}\n"));
  EXPECT_EQ("''", quote(""));
}

TEST(BicepEscape, KeysAreBareOnlyWhenBicepReadsThemAsNames) {
  using emit::bicep::member;
  using emit::bicep::render_key;
  EXPECT_EQ("tier", render_key("tier"));
  EXPECT_EQ("_x1", render_key("_x1"));
  EXPECT_EQ("'CostCenter-1'", render_key("CostCenter-1"));
  EXPECT_EQ("'1st'", render_key("1st"));
  EXPECT_EQ("'true'", render_key("true"));
  EXPECT_EQ("'null'", render_key("null"));
  EXPECT_EQ("'it\\'s'", render_key("it's"));
  EXPECT_EQ("''", render_key(""));
  EXPECT_EQ("ids.aks", member("ids", "aks"));
  EXPECT_EQ("ids['privatelink.documents.azure.com']",
            member("ids", "privatelink.documents.azure.com"));
}

TEST(BicepValue, RendersTheWayBicepFormatLaysItOut) {
  Value v = Value::object({
      {"name", Value::string("x")},
      {"count", Value::number(-1)},
      {"on", Value::boolean(true)},
      {"none", Value::null()},
      {"empty", Value::object({})},
      {"list", Value::array({Value::string("a"), Value::object({{"k", Value::raw("ref.id")}})})},
      {"blank", Value::array({})},
  });
  EXPECT_EQ(
      "{\n"
      "  name: 'x'\n"
      "  count: -1\n"
      "  on: true\n"
      "  none: null\n"
      "  empty: {}\n"
      "  list: [\n"
      "    'a'\n"
      "    {\n"
      "      k: ref.id\n"
      "    }\n"
      "  ]\n"
      "  blank: []\n"
      "}",
      v.render());
}

// `bicep format` keeps a ternary on one line up to 120 columns and breaks
// a longer one before `?` and `:`, one level in.
TEST(BicepValue, ConditionalBreaksPastOneHundredTwentyColumns) {
  // `  k: ` is 5 columns; the expression 115 fits exactly, 116 does not.
  auto line = [](size_t width) {
    std::string otherwise(width - std::string("c ? 'a' : ").size(), 'x');
    return Value::object({{"k", Value::conditional("c", "'a'", otherwise)}}).render();
  };
  EXPECT_EQ("{\n  k: c ? 'a' : " + std::string(105, 'x') + "\n}", line(115));
  EXPECT_EQ("{\n  k: c\n    ? 'a'\n    : " + std::string(106, 'x') + "\n}", line(116));
}

TEST(BicepValue, FileKeepsOneBlankLineBetweenDeclarations) {
  emit::bicep::File f;
  f.blank();
  f.comment("a\n\nb");
  f.blank();
  f.blank();
  f.line("param x = ", Value::number(1));
  f.blank();
  EXPECT_EQ("// a\n//\n// b\n\nparam x = 1\n", f.render());
}

TEST(BicepSymbols, CamelCaseOfLabels) {
  using emit::bicep::camel_case;
  EXPECT_EQ("us", camel_case("us"));
  EXPECT_EQ("euWest1", camel_case("eu-west 1"));
  EXPECT_EQ("euWest", camel_case("EU_west"));
  EXPECT_EQ("westeurope", camel_case("WestEurope"));
  EXPECT_EQ("primary", camel_case("primary"));
  EXPECT_EQ("zrich", camel_case("Zürich"));
  EXPECT_EQ("", camel_case("--"));
}

TEST(BicepSymbols, StemsAreUniqueAndStartWithALetter) {
  emit::bicep::StemTable stems("region");
  EXPECT_EQ("eu1", stems.stem("eu-1"));
  EXPECT_EQ("eu12", stems.stem("eu_1"));
  EXPECT_EQ("region1a", stems.stem("1a"));
  EXPECT_EQ("region", stems.stem("Ω"));
  EXPECT_EQ("region2", stems.stem("Ψ"));
}

TEST(BicepSymbols, DeclarationsNeverCollide) {
  // Labels that would spell main.bicep's own names.
  model::Topology t = model_of_text(R"(topology "t" {
  boundary "us" { geography = united-states }
  region "region" { location = eastus  address = 10.1.0.0/16  services = [storage] }
  region "us" { location = westus2  address = 10.2.0.0/16  services = [storage] }
  region "us-" { location = centralus  address = 10.3.0.0/16  services = [storage, aks] }
  cosmos { container "c" { partition = "/id" } }
}
)");
  const estate::Estate e = estate::build_estate(t, {});
  emit::bicep::Plan plan = emit::bicep::plan_bicep(e);
  emit::bicep::Declarations d = emit::bicep::declare(plan);
  std::set<std::string> seen{"resourceGroupSettings", "tags", "globalGroup", "globalGroupSettings"};
  auto add = [&](const emit::bicep::Declaration& decl) {
    EXPECT_TRUE(seen.insert(decl.param).second) << decl.param;
    EXPECT_TRUE(seen.insert(decl.symbol).second) << decl.symbol;
  };
  for (const auto& r : d.regions) {
    for (const auto* decl : {&r.group, &r.network, &r.private_dns, &r.monitoring, &r.aks, &r.search,
                             &r.openai, &r.storage, &r.redis, &r.keyvault}) {
      add(*decl);
    }
  }
  for (const auto& c : d.cosmos) {
    add(c.group);
    add(c.account);
  }
  for (const auto& b : d.residency) add(b);
  ASSERT_EQ(3u, d.regions.size());
  // Regions are elements of main.bicep's loops, whatever their labels.
  EXPECT_EQ("regions[0].group", d.regions[0].group.param);
  EXPECT_EQ("regionGroups[1]", d.regions[1].group.symbol);
  EXPECT_EQ("regionAks[2]!", d.regions[2].aks.symbol);
  ASSERT_EQ(1u, d.cosmos.size());
  EXPECT_EQ("cosmosAccounts.us.account", d.cosmos[0].account.param);
  EXPECT_EQ("usCosmos", d.cosmos[0].account.symbol);
  ASSERT_EQ(1u, d.residency.size());
  EXPECT_EQ("residency.us", d.residency[0].param);
  EXPECT_EQ("TOPOC_ORIGIN_HOST_US", d.regions[1].origin_host_variable);
  EXPECT_EQ("TOPOC_ORIGIN_HOST_US2", d.regions[2].origin_host_variable);
}

// User text reaches <environment>.bicepparam, and comments of main.bicep, only as
// escaped string literals.
TEST(BicepEmit, HostileStringsAreEscaped) {
  model::Topology t = model_of_text(R"(topology "o'brien \\ ${x}" {
  prefix = "hx"
  owner  = "team\n'lead' ${owner}"
  tags { Note = "it's \\ ${tag} \t end" }
  boundary "us" { geography = united-states }
  region "us" { location = eastus  address = 10.1.0.0/16  services = [storage] }
  cosmos {
    multi_write = true
    container "c" {
      partition = "/tenantId"
      conflict  = custom
      procedure "merge" { body = "function merge() {\n  var s = '${a}' + \"\\\\\";\n}" }
    }
  }
}
)");
  emit::FileTree files = emit::emit_bicep(t, {});
  const emit::EmittedFile* params = find_file(files, "bicep/prod.bicepparam");
  const emit::EmittedFile* main = find_file(files, "bicep/main.bicep");
  ASSERT_NE(nullptr, params);
  ASSERT_NE(nullptr, main);
  EXPECT_NE(std::string::npos, params->contents.find("  Note: 'it\\'s \\\\ \\${tag} \\t end'\n"))
      << params->contents;
  EXPECT_NE(std::string::npos, params->contents.find("  owner: 'team\\n\\'lead\\' \\${owner}'\n"));
  EXPECT_NE(std::string::npos, params->contents.find("  topology: 'o\\'brien \\\\ \\${x}'\n"));
  EXPECT_NE(std::string::npos,
            params->contents.find(
                "body: 'function merge() {\\n  var s = \\'\\${a}\\' + \"\\\\\\\\\";\\n}'"))
      << params->contents;
  EXPECT_EQ(
      0u, main->contents.rfind("// Generated by topoc from topology 'o\\'brien \\\\ \\${x}'; ", 0))
      << main->contents;
  // No user text opens an interpolation or ends a string early anywhere.
  for (const emit::EmittedFile* f : {params, main}) {
    EXPECT_EQ(std::string::npos, f->contents.find("'${")) << f->path;
    EXPECT_EQ(std::string::npos, f->contents.find("\n'")) << f->path;
  }
}

// Origins, weights, the routes' default group and affinity twins are the
// estate's, as in Terraform: written weights, `unrouted`, and a sticky route.
TEST(BicepEmit, FrontDoorTakesTheEstatesOriginsRoutesAndTwins) {
  model::Topology t = model_of_text(R"(topology "fd" {
  prefix = "fd"
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "us" { location = eastus      boundary = us  address = 10.1.0.0/16  services = [aks] }
  region "weu" { location = westeurope  boundary = eu  address = 10.2.0.0/16  services = [aks] }
  region "neu" { location = northeurope boundary = eu  address = 10.3.0.0/16  services = [aks] }
  frontdoor {
    route "api" { patterns = ["/api/*"] }
    route "stream" {
      patterns         = ["/api/stream"]
      session_affinity = true
    }
    geo "eu" = [DE, FR]
    unrouted = us
    origin "weu" { weight = 70 }
    origin "neu" { weight = 30 }
  }
}
)");
  emit::FileTree files = emit::emit_bicep(t, {});
  const emit::EmittedFile* params = find_file(files, "bicep/prod.bicepparam");
  ASSERT_NE(nullptr, params);
  const std::string& p = params->contents;
  auto has = [&](std::string_view text) { return p.find(text) != std::string::npos; };
  EXPECT_TRUE(has("      name: 'origin-weu'\n      originGroup: 'eu'\n      priority: 1\n"
                  "      weight: 70\n")) << p;
  // Not active-active: the boundary's second region stands by at priority 2.
  EXPECT_TRUE(has("      name: 'origin-neu'\n      originGroup: 'eu'\n      priority: 2\n"
                  "      weight: 30\n")) << p;
  EXPECT_TRUE(has("      name: 'origin-weu'\n      originGroup: 'eu/sticky'\n")) << p;
  EXPECT_TRUE(has("      key: 'eu/sticky'\n      name: 'og-eu-sticky'\n      sessionAffinity: true\n"))
      << p;
  EXPECT_TRUE(has("      originGroup: 'us'\n      alternate: false\n")) << p;  // `unrouted = us`
  EXPECT_TRUE(has("      originGroup: 'us/sticky'\n      alternate: true\n")) << p;
  EXPECT_TRUE(has("  alternateRuleSetName: 'georoutingsticky'\n")) << p;
  EXPECT_TRUE(has("      originGroup: 'eu/sticky'\n      alternate: true\n")) << p;  // the geo rule
  // Host names stay keyed by region, one each.
  size_t hosts = 0;
  for (size_t at = p.find("readEnvironmentVariable("); at != std::string::npos;
       at = p.find("readEnvironmentVariable(", at + 1)) {
    ++hosts;
  }
  EXPECT_EQ(3u, hosts) << p;
  EXPECT_EQ(std::string::npos, p.find("'weu/sticky': readEnvironmentVariable")) << p;
}

TEST(BicepEmit, OnlyTheModulesTheTopologyUsesAreCopied) {
  model::Topology t = model_of_text(R"(topology "small" {
  boundary "us" { geography = united-states }
  region "us" { location = eastus  address = 10.1.0.0/16  services = [storage] }
}
)");
  std::vector<std::string> modules;
  for (const emit::EmittedFile& f : emit::emit_bicep(t, {})) {
    if (f.path.rfind("bicep/modules/", 0) == 0) modules.push_back(f.path.substr(14));
  }
  EXPECT_EQ((std::vector<std::string>{"network.bicep", "policy-assignments.bicep",
                                      "policy-definitions.bicep", "private-dns.bicep",
                                      "private-endpoint.bicep", "residency-policy.bicep",
                                      "storage-replication.bicep", "storage.bicep", "types.bicep"}),
            modules);
}

TEST(BicepEmit, EnvironmentOptionRenamesTheEstate) {
  auto model = model_of(kSource / "examples/minimal.topo");
  ASSERT_TRUE(model);
  emit::FileTree files = emit::emit_bicep(*model, {"staging"});
  const emit::EmittedFile* params = find_file(files, "bicep/staging.bicepparam");
  ASSERT_NE(nullptr, params);
  // main.bicep names no environment: every environment in one directory shares it.
  EXPECT_EQ(find_file(emit::emit_bicep(*model, {}), "bicep/main.bicep")->contents,
            find_file(files, "bicep/main.bicep")->contents);
  EXPECT_NE(std::string::npos, params->contents.find("name: 'rg-minimal-global-staging'"));
  EXPECT_NE(std::string::npos, params->contents.find("environment: 'staging'"));
}

// Every `resource` line of the embedded Bicep modules and main.bicep's
// resource groups use the API version the parity table gives their type.
TEST(BicepParity, TemplatesDeclareTheTableApiVersions) {
  // A version may be a preview one (diagnostic settings: docs/parity.md).
  static const std::regex kResource(R"(^resource \w+ '([A-Za-z./]+)@([0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?)')");
  std::set<std::string> declared;
  for (const emit::EmbeddedTemplate& t : emit::embedded_templates()) {
    if (!t.path.starts_with("bicep/") || !t.path.ends_with(".bicep")) continue;
    std::istringstream lines{std::string(t.contents)};
    for (std::string line; std::getline(lines, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, kResource)) continue;
      const auto* pair = estate::find_by_arm(m[1].str());
      ASSERT_NE(nullptr, pair) << t.path << ": " << line;
      EXPECT_EQ(pair->api_version, m[2].str()) << t.path << ": " << line;
      declared.insert(m[1].str());
    }
  }
  std::string group(emit::bicep::kResourceGroupType);
  EXPECT_EQ(estate::find_by_arm(group.substr(0, group.find('@')))->api_version,
            group.substr(group.find('@') + 1));
  declared.insert(group.substr(0, group.find('@')));
  for (const auto& pair : estate::resource_type_pairs()) {
    if (pair.arm.empty()) continue;
    EXPECT_TRUE(declared.count(std::string(pair.arm))) << pair.arm << " is never declared";
  }
}

TEST(BicepParity, EveryTerraformResourceTypeIsInTheTable) {
  for (const fs::path& example : examples()) {
    auto model = model_of(example);
    ASSERT_TRUE(model) << example;
    for (const emit::EmittedFile& f : emit::emit_terraform(*model, {})) {
      if (!f.path.ends_with("/topoc.manifest.json")) continue;
      const nlohmann::json manifest = nlohmann::json::parse(f.contents);
      for (const auto& r : manifest["resources"]) {
        std::string type = r["type"].get<std::string>();
        EXPECT_NE(nullptr, estate::find_by_azurerm(type)) << example.stem() << ": " << type;
      }
    }
  }
}

TEST(BicepParity, DocumentIsRenderedFromTheTable) {
  const fs::path doc = kSource / "docs/parity.md";
  std::string rendered = estate::render_parity_document();
  if (update_mode()) write(doc, rendered);
  EXPECT_EQ(read(doc), rendered)
      << "docs/parity.md is stale; run\n"
      << "  TOPOC_UPDATE_GOLDEN=1 ctest -R BicepParity\nand review the diff";
}

}  // namespace bicep_emit_test
}  // namespace topoc
