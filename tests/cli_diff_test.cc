// `topoc diff` as a command: exit codes, --fail-on, -o, errors on either
// side, `--base` against a git repository made by the test, and the goldens
// of tests/diff/ (each a modified copy of an example, compared with it).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include "tests/cli_run_support.h"

namespace topoc::testing {
namespace {

namespace fs = std::filesystem;

fs::path source_dir() {
  return fs::path(TOPOC_SOURCE_DIR);
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string shop(std::string_view tenant_boundary = "eu", std::string_view partition = "/tenantId",
                 std::string_view extra_region = "") {
  return fmt::format(R"(topology "shop" {{
  naming {{ suffix = none }}
  boundary "us" {{ geography = united-states }}
  boundary "eu" {{ geography = eu-data-boundary }}
  region "east" {{
    location = eastus
    boundary = us
    failover = westus2
    address  = 10.1.0.0/16
    services = [storage, keyvault]
  }}
  region "weu" {{
    location = westeurope
    boundary = eu
    failover = germanywestcentral
    address  = 10.2.0.0/16
    services = [storage, keyvault]
  }}{}
  tenant "acme" {{ residency = {} }}
  cosmos {{
    database = "shop"
    container "orders" {{ partition = "{}" }}
  }}
}}
)",
                     extra_region, tenant_boundary, partition);
}

class CliDiff : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "topoc-diff-test-XXXXXX").string();
    ASSERT_NE(nullptr, ::mkdtemp(pattern.data()));
    root_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  CliRun diff(const std::string& args) { return run_topoc(root_, "NO_COLOR=1 ", "diff " + args); }
  // Runs a shell command in the test directory (git set-up); true on success.
  bool sh(const std::string& command) {
    std::string full = fmt::format(
        "cd {} && env GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t "
        "GIT_AUTHOR_EMAIL=t@example.test GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.test "
        "sh -c {} >/dev/null 2>&1",
        shell_quote(root_.string()), shell_quote(command));
    return std::system(full.c_str()) == 0;
  }
  fs::path root_;
};

TEST_F(CliDiff, NoChangeExitsZero) {
  write(root_ / "a.topo", shop());
  write(root_ / "b.topo", shop());
  CliRun r = diff("a.topo b.topo");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "topoc diff `a.topo` -> `b.topo` (environment `prod`)\nNo changes.\n");
  EXPECT_EQ(r.err, "");
  CliRun fail_on = diff("a.topo b.topo --fail-on residency-widening,destructive");
  EXPECT_EQ(fail_on.exit_code, 0);
  // --env builds both sides for that environment.
  CliRun staging = diff("a.topo b.topo --env staging");
  EXPECT_EQ(staging.exit_code, 0) << staging.err;
  EXPECT_EQ(staging.out, "topoc diff `a.topo` -> `b.topo` (environment `staging`)\nNo changes.\n");
}

// Another environment is another estate: every name with the environment
// in it changes, and the stateful resources with them.
TEST_F(CliDiff, EnvironmentChangeRenamesStatefulResources) {
  write(root_ / "a.topo", shop());
  std::string staging = shop();
  staging.replace(staging.find("  naming {"), 0, "  environment = \"staging\"\n");
  write(root_ / "b.topo", staging);
  CliRun r = diff("a.topo b.topo --format json");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.out.find("\"changes\": [\n      {\n        \"name\": \"environment\",\n        "
                       "\"before\": \"prod\",\n        \"after\": \"staging\"\n      }"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"destruction\": \"renamed from `stshopweuprod` to `stshopweustaging`: "
                       "Azure cannot rename it\""),
            std::string::npos)
      << r.out;
  // Both sides built as one environment: nothing changes.
  EXPECT_EQ(diff("a.topo b.topo --env staging").exit_code, 0);
}

TEST_F(CliDiff, ChangesExitTwoAndFailOnThree) {
  write(root_ / "a.topo", shop("us"));
  write(root_ / "b.topo", shop("eu"));  // the tenant moves: a widening, nothing destroyed
  EXPECT_EQ(diff("a.topo b.topo").exit_code, 2);
  EXPECT_EQ(diff("a.topo b.topo --fail-on destructive").exit_code, 2);
  CliRun widening = diff("a.topo b.topo --fail-on destructive --fail-on residency-widening");
  EXPECT_EQ(widening.exit_code, 3);
  EXPECT_EQ(widening.err,
            "topoc: --fail-on residency-widening: the data of 1 tenant(s) may reach locations it "
            "could not reach before\n");
  EXPECT_EQ(diff("a.topo b.topo --fail-on residency-widening,destructive").exit_code, 3);

  write(root_ / "c.topo", shop("us", "/customerId"));  // destructive, no widening
  CliRun destructive = diff("a.topo c.topo --fail-on destructive");
  EXPECT_EQ(destructive.exit_code, 3);
  EXPECT_EQ(
      destructive.err,
      "topoc: --fail-on destructive: 2 stateful resource(s) would be replaced or destroyed\n");
  EXPECT_EQ(diff("a.topo c.topo --fail-on residency-widening").exit_code, 2);
}

TEST_F(CliDiff, OutputFileHoldsTheReport) {
  write(root_ / "a.topo", shop("us"));
  write(root_ / "b.topo", shop("eu"));
  CliRun r = diff("a.topo b.topo --format json -o report.json");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  std::string json = slurp_file(root_ / "report.json");
  EXPECT_TRUE(json.starts_with("{\n  \"schema_version\": 1,\n  \"old\": \"a.topo\",")) << json;
  EXPECT_NE(json.find("\"residency_widening\": [\n    {\n      \"tenant\": \"acme\","),
            std::string::npos);
  CliRun unwritable = diff("a.topo b.topo -o no-such-dir/report.md");
  EXPECT_EQ(unwritable.exit_code, 1);
  EXPECT_EQ(unwritable.err,
            "topoc: error: cannot write `no-such-dir/report.md`: No such file or directory\n");
  EXPECT_FALSE(fs::exists(root_ / "no-such-dir"));
}

TEST_F(CliDiff, BadArgumentsExitOne) {
  write(root_ / "a.topo", shop());
  CliRun unknown = diff("a.topo a.topo --fail-on widening");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err,
            "topoc: error: `--fail-on widening` is not a condition; write `residency-widening`, "
            "`destructive` or both (`--fail-on residency-widening,destructive`)\n");
  CliRun one = diff("a.topo");
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(one.err,
            "topoc: error: give two topology files, `topoc diff OLD NEW`, or one with a git "
            "revision, `topoc diff --base main NEW`\n");
  EXPECT_EQ(diff("a.topo a.topo --base main").exit_code, 1);
  EXPECT_EQ(diff("a.topo a.topo --format yaml").exit_code, 1);
  CliRun env = diff("a.topo a.topo --env 'Prod!'");
  EXPECT_EQ(env.exit_code, 1);
  EXPECT_TRUE(env.err.starts_with("topoc: error: ")) << env.err;
  EXPECT_EQ(diff("").exit_code, 1);
  CliRun missing = diff("a.topo nothing.topo");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "topoc: error: cannot read `nothing.topo`: No such file or directory\n");
}

TEST_F(CliDiff, ErrorsOnASideAreReportedLikeCheck) {
  write(root_ / "a.topo", shop());
  std::string broken = shop();
  broken.replace(broken.find("residency = eu"), 14, "residency = mars");
  write(root_ / "b.topo", broken);
  CliRun r = diff("a.topo b.topo");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  CliRun check = run_topoc(root_, "NO_COLOR=1 ", "check b.topo");
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(r.err, check.err +
                       "topoc: error: `b.topo` has errors; diff compares only topologies that "
                       "check cleanly\n");
}

TEST_F(CliDiff, BaseReadsTheOldSideFromGit) {
  write(root_ / "repo/infra/shop.topo", shop("us"));
  ASSERT_TRUE(sh("git init -q repo && cd repo && git add infra/shop.topo && git commit -q -m one"));
  write(root_ / "repo/infra/shop.topo", shop("eu"));
  CliRun r = run_topoc(root_ / "repo/infra", "NO_COLOR=1 ", "diff --base HEAD shop.topo");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(r.out.starts_with(
      "topoc diff `HEAD:infra/shop.topo` -> `shop.topo` (environment `prod`)\n"
      "RESIDENCY WIDENING: the data of 1 tenant may reach locations it could not reach before:\n"
      "  `acme` (us -> eu): germanywestcentral, northeurope, westeurope\n"))
      << r.out;
  // From the repository root, with the path through a subdirectory.
  CliRun from_root = run_topoc(root_ / "repo", "NO_COLOR=1 ", "diff --base HEAD infra/shop.topo");
  EXPECT_EQ(from_root.exit_code, 2) << from_root.err;
  EXPECT_TRUE(from_root.out.starts_with("topoc diff `HEAD:infra/shop.topo` -> `infra/shop.topo`"));
  // Committed: no change.
  ASSERT_TRUE(sh("cd repo && git commit -q -am two"));
  EXPECT_EQ(run_topoc(root_ / "repo", "", "diff --base HEAD~1 infra/shop.topo").exit_code, 2);
  EXPECT_EQ(run_topoc(root_ / "repo", "", "diff --base HEAD infra/shop.topo").exit_code, 0);
}

TEST_F(CliDiff, BaseErrors) {
  write(root_ / "loose/shop.topo", shop());
  CliRun outside =
      run_topoc(root_ / "loose", "GIT_CEILING_DIRECTORIES=" + shell_quote(root_.string()) + " ",
                "diff --base main shop.topo");
  EXPECT_EQ(outside.exit_code, 1);
  EXPECT_EQ(outside.err,
            "topoc: error: `shop.topo` is not in a git repository; `--base` reads the old "
            "topology from git, or give both files: `topoc diff OLD NEW`\n");

  write(root_ / "repo/first.topo", shop());
  ASSERT_TRUE(sh("git init -q repo && cd repo && git add first.topo && git commit -q -m one"));
  write(root_ / "repo/second.topo", shop());
  CliRun missing = run_topoc(root_ / "repo", "", "diff --base HEAD second.topo");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err,
            "topoc: error: `second.topo` does not exist at `HEAD` (no `second.topo` in that "
            "revision)\n");
  CliRun no_ref = run_topoc(root_ / "repo", "", "diff --base no-such-branch first.topo");
  EXPECT_EQ(no_ref.exit_code, 1);
  EXPECT_EQ(no_ref.err,
            "topoc: error: `no-such-branch` names no commit of the repository around "
            "`first.topo`\n");
  CliRun option = run_topoc(root_ / "repo", "", "diff --base=--output=/tmp/x first.topo");
  EXPECT_EQ(option.exit_code, 1);
  EXPECT_EQ(option.err,
            "topoc: error: `--base --output=/tmp/x` is not a git revision; write a branch, tag or "
            "commit\n");
  // A revision with shell characters is data, not shell text.
  CliRun shell = run_topoc(root_ / "repo", "", "diff --base '$(touch pwned)' first.topo");
  EXPECT_EQ(shell.exit_code, 1);
  EXPECT_FALSE(fs::exists(root_ / "repo/pwned"));
}

// tests/diff/<example>--<change>.topo is examples/<example>.topo changed;
// its report in each format is <same name>.txt, .md and .json.
TEST(CliDiffGolden, ExamplesAgainstModifiedCopies) {
  bool update =
      std::getenv("TOPOC_UPDATE_GOLDEN") && std::string(std::getenv("TOPOC_UPDATE_GOLDEN")) == "1";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(source_dir() / "tests/diff")) {
    if (entry.path().extension() == ".topo") cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  ASSERT_GE(cases.size(), 3u);
  for (const fs::path& path : cases) {
    std::string stem = path.stem().string();
    std::string example = stem.substr(0, stem.find("--"));
    std::string args = fmt::format("diff examples/{}.topo tests/diff/{}.topo", example, stem);
    for (auto [format, extension] :
         {std::pair{"text", ".txt"}, {"markdown", ".md"}, {"json", ".json"}}) {
      CliRun r = run_topoc(source_dir(), "NO_COLOR=1 ", args + " --format " + format);
      EXPECT_EQ(r.exit_code, 2) << stem << ": " << r.err;
      fs::path golden = source_dir() / "tests/diff" / (stem + extension);
      if (update) {
        if (slurp_file(golden) != r.out) write(golden, r.out);
        continue;
      }
      EXPECT_EQ(slurp_file(golden), r.out)
          << golden
          << " differs; accept with TOPOC_UPDATE_GOLDEN=1 ctest --preset default -R CliDiffGolden";
    }
  }
}

}  // namespace
}  // namespace topoc::testing
