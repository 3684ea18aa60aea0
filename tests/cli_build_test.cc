// `topoc build` and `topoc graph` as a user runs them: exit codes, what is
// written (or not), the reports on stdout and the JSON result.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "compiler/emit/sha256.h"

namespace topoc::testing {
namespace {

namespace fs = std::filesystem;

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

class CliBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "topoc-cli-test-XXXXXX").string();
    ASSERT_NE(nullptr, ::mkdtemp(pattern.data()));
    root_ = pattern;
    example_ = (fs::path(TOPOC_SOURCE_DIR) / "examples/rag-platform.topo").string();
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  // Runs topoc in the test's directory, so paths in reports are relative.
  Result topoc(const std::vector<std::string>& args) {
    std::string command = "cd " + quote(root_.string()) + " && " + quote(TOPOC_BINARY);
    for (const auto& a : args) command += " " + quote(a);
    command += " 2>" + quote((root_ / "stderr").string());
    Result run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return run;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
    int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = read(root_ / "stderr");
    return run;
  }

  fs::path out() const { return root_ / "out"; }

  void write_topology(const std::string& name, const std::string& text) {
    std::ofstream(root_ / name, std::ios::binary) << text;
  }

  fs::path root_;
  std::string example_;
};

TEST_F(CliBuild, WritesThenReportsUpToDate) {
  Result build = topoc({"build", example_, "-o", "out"});
  EXPECT_EQ(0, build.exit_code) << build.err;
  EXPECT_TRUE(build.out.starts_with("wrote ")) << build.out;
  EXPECT_TRUE(fs::is_regular_file(out() / "environments/prod/main.tf"));
  EXPECT_TRUE(fs::is_regular_file(out() / ".topoc-output"));

  Result check = topoc({"build", example_, "-o", "out", "--check"});
  EXPECT_EQ(0, check.exit_code) << check.out << check.err;
  EXPECT_TRUE(check.out.starts_with("`out` is up to date (")) << check.out;
}

TEST_F(CliBuild, CheckListsDifferencesAndFails) {
  ASSERT_EQ(0, topoc({"build", example_, "-o", "out"}).exit_code);
  std::ofstream(out() / "environments/prod/main.tf", std::ios::app) << "# edited\n";
  fs::remove(out() / "environments/prod/variables.tf");
  std::ofstream(out() / "environments/prod/old.tf") << "";
  {
    // A file the previous build listed and this one would not generate.
    std::ofstream marker(out() / ".topoc-output", std::ios::app);
    marker << "environments/prod/old.tf\n";
  }
  Result check = topoc({"build", example_, "-o", "out", "--check"});
  EXPECT_EQ(1, check.exit_code);
  EXPECT_NE(std::string::npos, check.out.find("added    environments/prod/variables.tf\n"))
      << check.out;
  EXPECT_NE(std::string::npos, check.out.find("changed  environments/prod/main.tf\n")) << check.out;
  EXPECT_NE(std::string::npos, check.out.find("removed  environments/prod/old.tf\n")) << check.out;
  EXPECT_NE(
      std::string::npos,
      check.out.find("`out` is out of date: 1 added, 2 changed, 1 removed; run `topoc build " +
                     example_ + " -o out` to update it\n"))
      << check.out;
}

TEST_F(CliBuild, DryRunWritesNothing) {
  Result run = topoc({"build", example_, "-o", "out", "--dry-run"});
  EXPECT_EQ(0, run.exit_code) << run.err;
  EXPECT_FALSE(fs::exists(out()));
  EXPECT_NE(std::string::npos, run.out.find("  added      environments/prod/main.tf\n")) << run.out;
  EXPECT_NE(std::string::npos, run.out.find("would write ")) << run.out;
}

TEST_F(CliBuild, JsonListsFilesWithSizeAndDigest) {
  Result run = topoc({"build", example_, "-o", "out", "--format", "json"});
  ASSERT_EQ(0, run.exit_code) << run.err;
  auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ("write", j["mode"]);
  EXPECT_EQ("prod", j["environment"]);
  EXPECT_EQ(true, j["summary"]["written"]);
  EXPECT_EQ(0, j["summary"]["errors"]);
  ASSERT_FALSE(j["files"].empty());
  for (const auto& f : j["files"]) {
    std::string contents = read(out() / f["path"].get<std::string>());
    EXPECT_EQ(contents.size(), f["size"].get<size_t>()) << f["path"];
    EXPECT_EQ(emit::sha256_hex(contents), f["sha256"]) << f["path"];
    EXPECT_EQ("added", f["status"]);
  }
  EXPECT_EQ(j["files"].size(), j["summary"]["files"].get<size_t>());
}

TEST_F(CliBuild, ErrorsWriteNothing) {
  write_topology(
      "bad.topo",
      "topology \"t\" {\n  region \"eu\" { location = westeurop  address = 10.2.0.0/16 }\n}\n");
  Result run = topoc({"build", "bad.topo", "-o", "out"});
  EXPECT_EQ(1, run.exit_code);
  EXPECT_FALSE(fs::exists(out()));
  EXPECT_NE(std::string::npos, run.err.find("error[M006]")) << run.err;
  EXPECT_NE(std::string::npos, run.err.find("topoc: nothing written: fix the errors first\n"))
      << run.err;

  Result json = topoc({"build", "bad.topo", "-o", "out", "--format", "json"});
  EXPECT_EQ(1, json.exit_code);
  auto j = nlohmann::json::parse(json.out);
  bool has_m006 = false;
  for (const auto& d : j["diagnostics"]) has_m006 |= d["code"] == "M006";
  EXPECT_TRUE(has_m006) << json.out;
  EXPECT_EQ(false, j["summary"]["written"]);
}

TEST_F(CliBuild, UsageAndInputErrorsExitTwo) {
  EXPECT_EQ(2, topoc({"build", "missing.topo", "-o", "out"}).exit_code);
  EXPECT_EQ(2, topoc({"build", example_}).exit_code);  // no -o
  EXPECT_EQ(2, topoc({"build", example_, "-o", "out", "--check", "--dry-run"}).exit_code);
  EXPECT_EQ(2, topoc({"build", example_, "-o", "out", "--target", "pulumi"}).exit_code);
  Result env = topoc({"build", example_, "-o", "out", "--env", "../prod"});
  EXPECT_EQ(2, env.exit_code);
  EXPECT_NE(std::string::npos, env.err.find("an environment name is 1 to 16 lowercase letters"))
      << env.err;
  EXPECT_FALSE(fs::exists(out()));
}

TEST_F(CliBuild, EnvironmentOverridesTheFile) {
  Result run = topoc({"build", example_, "-o", "out", "--env", "staging"});
  EXPECT_EQ(0, run.exit_code) << run.err;
  EXPECT_TRUE(fs::is_regular_file(out() / "environments/staging/main.tf"));
  EXPECT_FALSE(fs::exists(out() / "environments/prod"));
}

TEST_F(CliBuild, RefusesAForeignDirectoryUnlessForced) {
  fs::create_directory(out());
  std::ofstream(out() / "notes.md") << "mine";
  Result refused = topoc({"build", example_, "-o", "out"});
  EXPECT_EQ(1, refused.exit_code);
  EXPECT_NE(std::string::npos, refused.err.find("has no `.topoc-output`")) << refused.err;
  EXPECT_FALSE(fs::exists(out() / "environments"));
  Result forced = topoc({"build", example_, "-o", "out", "--force"});
  EXPECT_EQ(0, forced.exit_code) << forced.err;
  EXPECT_EQ("mine", read(out() / "notes.md"));
}

TEST_F(CliBuild, HelpNamesExitCodesAndExamples) {
  for (const char* command : {"build", "graph", "check"}) {
    Result help = topoc({command, "--help"});
    EXPECT_EQ(0, help.exit_code) << command;
    EXPECT_NE(std::string::npos, help.out.find("Exit codes:")) << command;
    EXPECT_NE(std::string::npos, help.out.find("Examples:")) << command;
  }
}

TEST_F(CliBuild, GraphPrintsMermaidOrDot) {
  Result mermaid = topoc({"graph", example_});
  EXPECT_EQ(0, mermaid.exit_code) << mermaid.err;
  EXPECT_EQ(read(fs::path(TOPOC_SOURCE_DIR) / "tests/graph/rag-platform.mmd"), mermaid.out);
  Result dot = topoc({"graph", example_, "--format", "dot"});
  EXPECT_EQ(0, dot.exit_code);
  EXPECT_EQ(read(fs::path(TOPOC_SOURCE_DIR) / "tests/graph/rag-platform.dot"), dot.out);
  EXPECT_EQ(2, topoc({"graph", "missing.topo"}).exit_code);
}

TEST_F(CliBuild, EnvironmentsAndTargetsShareTheOutputDirectory) {
  ASSERT_EQ(0, topoc({"build", example_, "-o", "out"}).exit_code);
  Result staging = topoc({"build", example_, "-o", "out", "--env", "staging"});
  ASSERT_EQ(0, staging.exit_code) << staging.err;
  Result bicep = topoc({"build", example_, "-o", "out", "--env", "staging", "--target", "bicep"});
  ASSERT_EQ(0, bicep.exit_code) << bicep.err;
  EXPECT_TRUE(fs::is_regular_file(out() / "environments/prod/main.tf"));
  EXPECT_TRUE(fs::is_regular_file(out() / "environments/staging/main.tf"));
  EXPECT_TRUE(fs::is_regular_file(out() / "bicep/staging.bicepparam"));
  auto prod = nlohmann::json::parse(read(out() / "environments/prod/topoc.manifest.json"));
  auto stage = nlohmann::json::parse(read(out() / "environments/staging/topoc.manifest.json"));
  EXPECT_EQ("prod", prod["environment"]);
  EXPECT_EQ("staging", stage["environment"]);
  for (std::vector<std::string> args : {std::vector<std::string>{},
                                        {"--env", "staging"},
                                        {"--env", "staging", "--target", "bicep"}}) {
    args.insert(args.begin(), {"build", example_, "-o", "out", "--check"});
    Result check = topoc(args);
    EXPECT_EQ(0, check.exit_code) << check.out;
  }
  // The prod Bicep tree was never built, so it is out of date; building it
  // shares main.bicep and the modules with staging's.
  Result missing = topoc({"build", example_, "-o", "out", "--check", "--target", "bicep"});
  EXPECT_EQ(1, missing.exit_code);
  EXPECT_NE(std::string::npos, missing.out.find("added    bicep/prod.bicepparam\n")) << missing.out;
  EXPECT_NE(std::string::npos, missing.out.find("--target bicep` to update it")) << missing.out;
  EXPECT_EQ(std::string::npos, missing.out.find("added    bicep/main.bicep\n")) << missing.out;
}

// Environments declared in the topology build side by side with their own
// values: one DIR, each root with its sizes and address space.
TEST_F(CliBuild, DeclaredEnvironmentsBuildTheirOwnValuesIntoOneDirectory) {
  write_topology("shop.topo",
                 "topology \"shop\" {\n"
                 "  naming { suffix = none }\n"
                 "  boundary \"eu\" { geography = eu-data-boundary }\n"
                 "  region \"weu\" {\n"
                 "    location = westeurope\n"
                 "    address  = 10.1.0.0/16\n"
                 "    aks { system { vm = Standard_D4s_v5  min = 3  max = 10 } }\n"
                 "  }\n"
                 "  environment \"staging\" {\n"
                 "    region \"weu\" {\n"
                 "      address = 10.9.0.0/16\n"
                 "      aks { system { vm = Standard_D2s_v5  min = 1  max = 3 } }\n"
                 "    }\n"
                 "  }\n"
                 "}\n");
  for (std::vector<std::string> env : {std::vector<std::string>{}, {"--env", "staging"}}) {
    std::vector<std::string> args{"build", "shop.topo", "-o", "out", "--target", "all"};
    args.insert(args.end(), env.begin(), env.end());
    Result run = topoc(args);
    ASSERT_EQ(0, run.exit_code) << run.err;
  }
  std::string prod = read(out() / "environments/prod/main.tf");
  std::string staging = read(out() / "environments/staging/main.tf");
  EXPECT_NE(std::string::npos, prod.find("address_space = [\"10.1.0.0/16\"]"));
  EXPECT_NE(std::string::npos, prod.find("vm_size         = \"Standard_D4s_v5\""));
  EXPECT_NE(std::string::npos, prod.find("min_count       = 3"));
  EXPECT_NE(std::string::npos, staging.find("address_space = [\"10.9.0.0/16\"]"));
  EXPECT_NE(std::string::npos, staging.find("vm_size         = \"Standard_D2s_v5\""));
  EXPECT_NE(std::string::npos, staging.find("min_count       = 1"));
  EXPECT_EQ(std::string::npos, staging.find("10.1.0.0/16"));
  std::string prod_params = read(out() / "bicep/prod.bicepparam");
  std::string staging_params = read(out() / "bicep/staging.bicepparam");
  EXPECT_NE(std::string::npos, prod_params.find("10.1.0.0/16"));
  EXPECT_NE(std::string::npos, staging_params.find("10.9.0.0/16"));
  EXPECT_EQ(std::string::npos, staging_params.find("10.1.0.0/16"));
  // Both stay up to date beside each other.
  EXPECT_EQ(0, topoc({"build", "shop.topo", "-o", "out", "--target", "all", "--check"}).exit_code);
  EXPECT_EQ(0, topoc({"build", "shop.topo", "-o", "out", "--target", "all", "--env", "staging",
                      "--check"})
                   .exit_code);
  Result unknown = topoc({"build", "shop.topo", "-o", "out", "--env", "qa"});
  EXPECT_EQ(1, unknown.exit_code);
  EXPECT_NE(std::string::npos, unknown.err.find("error[M018]")) << unknown.err;
}

TEST_F(CliBuild, RemovesWhatAnInterruptedBuildLeftBesideTheOutput) {
  ASSERT_EQ(0, topoc({"build", example_, "-o", "out"}).exit_code);
  // As a build killed while staging leaves it.
  fs::path leftover = root_ / ".out.topoc-new-4242-0";
  fs::create_directories(leftover / "environments/prod");
  std::ofstream(leftover / ".topoc-output") << "[prod terraform]\n";
  std::ofstream(leftover / "environments/prod/main.tf") << "partial";
  fs::create_directory(root_ / ".out.topoc-new-mine");
  Result run = topoc({"build", example_, "-o", "out"});
  EXPECT_EQ(0, run.exit_code) << run.err;
  EXPECT_FALSE(fs::exists(leftover));
  EXPECT_TRUE(fs::exists(root_ / ".out.topoc-new-mine"));
  EXPECT_NE(std::string::npos,
            run.err.find("topoc: note: removed `.out.topoc-new-4242-0`, left by an interrupted "
                         "build\n"))
      << run.err;
}

TEST_F(CliBuild, BuildsKilledAtAnyMomentLeaveNothingTheNextBuildKeeps) {
  ASSERT_EQ(0, topoc({"build", example_, "-o", "out"}).exit_code);
  std::ofstream(out() / "notes.md") << "mine";
  // Kills at increasing delays land in every step: staging, swapping,
  // removing the old tree, and cleaning up after the build killed before.
  for (int i = 0; i < 24; ++i) {
    pid_t child = ::fork();
    if (child == 0) {
      if (::chdir(root_.c_str()) != 0) ::_exit(126);
      std::string env = "k" + std::to_string(i);
      ::execl(TOPOC_BINARY, TOPOC_BINARY, "build", example_.c_str(), "-o", "out", "--env",
              env.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::usleep(static_cast<useconds_t>(2000 * i));
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
  }
  Result last = topoc({"build", example_, "-o", "out", "--env", "last"});
  ASSERT_EQ(0, last.exit_code) << last.err;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(root_)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ((std::vector<std::string>{"out", "stderr"}), names);
  EXPECT_EQ("mine", read(out() / "notes.md"));
  EXPECT_EQ(0, topoc({"build", example_, "-o", "out", "--check"}).exit_code);
  EXPECT_EQ(0, topoc({"build", example_, "-o", "out", "--env", "last", "--check"}).exit_code);
}

TEST_F(CliBuild, AFifoInTheOutputDirectoryIsKept) {
  ASSERT_EQ(0, topoc({"build", example_, "-o", "out"}).exit_code);
  ASSERT_EQ(0, ::mkfifo((out() / "events").c_str(), 0600));
  Result run = topoc({"build", example_, "-o", "out", "--env", "staging"});
  EXPECT_EQ(0, run.exit_code) << run.err;
  EXPECT_TRUE(fs::is_fifo(out() / "events"));
  EXPECT_EQ(0, topoc({"build", example_, "-o", "out", "--check"}).exit_code);
}

TEST_F(CliBuild, KeepsTheModeOfTheOutputDirectory) {
  ASSERT_EQ(0, topoc({"build", example_, "-o", "out"}).exit_code);
  fs::permissions(out(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::set_gid);
  ASSERT_EQ(0, topoc({"build", example_, "-o", "out", "--env", "staging"}).exit_code);
  EXPECT_EQ(
      fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::set_gid,
      fs::status(out()).permissions());
}

}  // namespace
}  // namespace topoc::testing
