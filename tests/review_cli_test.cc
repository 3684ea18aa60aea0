// The command line as CI and people meet it: failures that JSON and SARIF
// cannot hide, GitHub and Azure Pipelines annotations with hostile names,
// `build --check --diff`, `topoc help`, unknown commands, NO_COLOR, and JSON
// from the catalogue commands.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli_run_support.h"

namespace topoc::testing {
namespace review_cli_test {

namespace fs = std::filesystem;
using json = nlohmann::json;

class ReviewCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "topoc-review-cli-XXXXXX").string();
    ASSERT_NE(nullptr, mkdtemp(pattern.data()));
    dir_ = fs::path(pattern);
    fs::create_directory(dir_ / ".git");  // the default --root
    fs::create_directory(dir_ / "infra");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void write(const fs::path& relative, const std::string& text) {
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }
  CliRun run(const std::string& args, const std::string& env = "") {
    return run_topoc(dir_, env, args);
  }
  fs::path dir_;
};

constexpr const char* kClean = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "a" { location = westeurope  boundary = eu  failover = northeurope  address = 10.1.0.0/16 }
  naming { suffix = none }
}
)";

TEST_F(ReviewCli, AFileThatCannotBeReadFailsTheRunInEveryFormat) {
  write("ok.topo", kClean);
  fs::create_directory(dir_ / "dir.topo");
  CliRun j = run("check --format json ok.topo missing.topo dir.topo");
  EXPECT_EQ(2, j.exit_code);
  json doc = json::parse(j.out);
  EXPECT_EQ(false, doc["succeeded"]);
  EXPECT_EQ(json::parse(R"([{"file": "missing.topo", "message": "No such file or directory"},
                            {"file": "dir.topo", "message": "is a directory, not a topology file"}])"),
            doc["failures"]);
  EXPECT_EQ(0, doc["errors"]);

  CliRun s = run("check --format sarif ok.topo missing.topo");
  EXPECT_EQ(2, s.exit_code);
  json sarif_run = json::parse(s.out)["runs"][0];
  EXPECT_EQ(false, sarif_run["invocations"][0]["executionSuccessful"]);
  EXPECT_EQ("cannot read `missing.topo`: No such file or directory",
            sarif_run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]);
  EXPECT_EQ(json({{"uri", "missing.topo"}, {"uriBaseId", "%SRCROOT%"}}),
            sarif_run["invocations"][0]["toolExecutionNotifications"][0]["locations"][0]
                     ["physicalLocation"]["artifactLocation"]);
  EXPECT_EQ("topoc/check/ok.topo+missing.topo/", sarif_run["automationDetails"]["id"]);
  EXPECT_EQ("file://" + fs::canonical(dir_).string() + "/",
            sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"]);

  // A syntax error is a finding: the run itself succeeded.
  write("bad.topo", "topology \"t\" {\n");
  CliRun p = run("check --format sarif bad.topo");
  EXPECT_EQ(1, p.exit_code);
  EXPECT_EQ(true, json::parse(p.out)["runs"][0]["invocations"][0]["executionSuccessful"]);
  EXPECT_EQ(true,
            json::parse(run_topoc(dir_, "", "check --format json bad.topo").out)["succeeded"]);

  CliRun g = run("check --format github missing.topo");
  EXPECT_EQ(2, g.exit_code);
  EXPECT_EQ(
      "::error file=missing.topo,title=topoc%3A cannot read the file::cannot read `missing.topo`: "
      "No "
      "such file or directory\n",
      g.out);
  CliRun a = run("check --format azure-devops missing.topo");
  EXPECT_EQ(2, a.exit_code);
  EXPECT_EQ("##vso[task.logissue type=error;sourcepath=" + fs::canonical(dir_).string() +
                "/missing.topo]cannot read `missing.topo`: No such file or directory\n",
            a.out);
}

TEST_F(ReviewCli, SarifPathsAreRelativeToTheRootWhereverTopocRuns) {
  write("infra/p.topo", "topology \"t\" { colour = blue }\n");
  CliRun s = run_topoc(dir_ / "infra", "", "check --format sarif p.topo");
  json sarif_run = json::parse(s.out)["runs"][0];
  EXPECT_EQ(json({{"uri", "infra/p.topo"}, {"uriBaseId", "%SRCROOT%"}}),
            sarif_run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]);
  CliRun other = run_topoc(dir_ / "infra", "", "check --format sarif --root . p.topo");
  EXPECT_EQ("p.topo", json::parse(other.out)["runs"][0]["artifacts"][0]["location"]["uri"]);
  CliRun url = run_topoc(dir_ / "infra", "",
                         "check --format sarif --help-base-url https://docs.example/rules p.topo");
  EXPECT_EQ("https://docs.example/rules#p001--the-text-does-not-follow-the-topology-grammar",
            json::parse(url.out)["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"]);
}

// A file name and a topology name holding every character the two runners
// treat as syntax: `%`, a newline, `:` and `,` (GitHub properties), `;` and
// `]` (Azure properties).
TEST_F(ReviewCli, AnnotationsEscapeHostileNames) {
  std::string name = "a%b;c]d:e,f\nx.topo";
  write(name, R"(topology "a%;]b,c:d" {
  boundary "eu" { geography = eu-data-boundary }
  region "a" { location = westeurope  boundary = eu  address = 10.1.0.0/16 }
}
)");
  CliRun g = run("check --format github " + shell_quote(name));
  EXPECT_EQ(1, g.exit_code);
  EXPECT_EQ(
      "::error file=a%25b;c]d%3Ae%2Cf%0Ax.topo,line=1,endLine=1,col=10,endColumn=21,title=M017 a "
      "topology or environment name that cannot be a path or state key::topology name "
      "`a%25;]b,c:d` cannot name the Terraform state and output folders; use 1 to 63 letters, "
      "digits, `-` or `_`, starting with a letter or digit\n",
      g.out);
  CliRun a = run("check --format azure-devops " + shell_quote(name));
  EXPECT_EQ(1, a.exit_code);
  EXPECT_EQ("##vso[task.logissue type=error;sourcepath=" + fs::canonical(dir_).string() +
                "/a%AZP25b%3Bc%5Dd:e,f%0Ax.topo;linenumber=1;columnnumber=10;code=M017]M017 "
                "topology name `a%AZP25;]b,c:d` cannot name the Terraform state and output "
                "folders; use 1 to 63 letters, digits, `-` or `_`, starting with a letter or "
                "digit\n",
            a.out);
  // One line per annotation: nothing a name holds can start another.
  EXPECT_EQ(1, std::count(g.out.begin(), g.out.end(), '\n'));
  EXPECT_EQ(1, std::count(a.out.begin(), a.out.end(), '\n'));
}

TEST_F(ReviewCli, BuildPrintsAnnotationsToo) {
  write("w.topo", R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "a" { location = westeurope  boundary = eu  failover = northeurope  address = 10.1.0.0/16 }
}
)");
  CliRun g = run("build w.topo -o out --dry-run --format github");
  EXPECT_EQ(0, g.exit_code) << g.err;
  EXPECT_TRUE(
      g.out.starts_with("::warning file=w.topo,line=1,endLine=1,col=10,"
                        "endColumn=13,title=X004 `topoc build` of a topology that does not "
                        "say whether globally unique names carry a suffix::"))
      << g.out;
  CliRun a = run("build w.topo -o out --dry-run --format azure-devops");
  EXPECT_EQ(0, a.exit_code) << a.err;
  EXPECT_TRUE(a.out.starts_with(
      "##vso[task.logissue type=warning;sourcepath=" + fs::canonical(dir_).string() +
      "/w.topo;linenumber=1;columnnumber=10;code=X004]X004 topology `t` "))
      << a.out;
}

TEST_F(ReviewCli, BuildCheckDiffShowsWhatIsOutOfDateAndPatchAppliesIt) {
  write("p.topo", kClean);
  ASSERT_EQ(0, run("build p.topo -o infra/out").exit_code);
  CliRun same = run("build p.topo -o infra/out --check --diff");
  EXPECT_EQ(0, same.exit_code);
  EXPECT_EQ("`infra/out` is up to date (", same.out.substr(0, 27));

  // One file edited by hand, one deleted: the diff restores both.
  fs::path readme = dir_ / "infra/out/environments/prod/README.md";
  ASSERT_TRUE(fs::exists(readme));
  std::string original = slurp_file(readme);
  std::string edited = original;
  size_t second_line = edited.find('\n') + 1;
  edited.insert(second_line, "hand-written line\n");
  write("infra/out/environments/prod/README.md", edited);
  fs::path versions = dir_ / "infra/out/environments/prod/providers.tf";
  std::string versions_text = slurp_file(versions);
  ASSERT_FALSE(versions_text.empty());
  fs::remove(versions);

  CliRun diff = run("build p.topo -o infra/out --check --diff");
  EXPECT_EQ(1, diff.exit_code);
  std::string first_line = original.substr(0, original.find('\n'));
  std::string readme_hunk =
      "--- a/environments/prod/README.md\n+++ b/environments/prod/README.md\n@@ -1,5 +1,4 @@\n " +
      first_line + "\n-hand-written line\n";
  EXPECT_NE(std::string::npos, diff.out.find(readme_hunk)) << diff.out;
  EXPECT_NE(std::string::npos,
            diff.out.find("--- /dev/null\n+++ b/environments/prod/providers.tf\n@@ -0,0 +1,"))
      << diff.out;
  EXPECT_EQ("`infra/out` is out of date: 1 added, 1 changed, 0 removed\n", diff.err);

  // The diff is exact: applied with patch, the directory is up to date.
  std::ofstream(dir_ / "change.diff", std::ios::binary) << diff.out;
  std::string patch =
      "cd " + shell_quote((dir_ / "infra/out").string()) + " && patch -s -p1 < ../../change.diff";
  ASSERT_EQ(0, std::system(patch.c_str()));
  EXPECT_EQ(original, slurp_file(readme));
  EXPECT_EQ(versions_text, slurp_file(versions));
  EXPECT_EQ(0, run("build p.topo -o infra/out --check --diff").exit_code);

  CliRun j = run("build p.topo -o infra/out --check --diff --format json");
  EXPECT_EQ(0, j.exit_code);
  EXPECT_EQ("", json::parse(j.out)["diff"]);
  EXPECT_EQ(1, json::parse(j.out)["schema_version"]);

  // --diff without --check is a usage error.
  EXPECT_EQ(2, run("build p.topo -o infra/out --diff").exit_code);
}

TEST_F(ReviewCli, BuildCheckDiffListsRemovedFiles) {
  // Front Door gone from the topology: its module's files would be removed.
  std::string with_frontdoor = std::string(TOPOC_SOURCE_DIR) + "/examples/rag-platform.topo";
  ASSERT_EQ(0, run("build " + shell_quote(with_frontdoor) + " -o out").exit_code);
  std::string without = kClean;
  without.replace(0, std::string("topology \"t\"").size(), "topology \"rag-platform\"");
  write("q.topo", without);
  std::string main_tf = slurp_file(dir_ / "out/modules/global/frontdoor/main.tf");
  ASSERT_FALSE(main_tf.empty());
  CliRun diff = run("build q.topo -o out --check --diff");
  EXPECT_EQ(1, diff.exit_code);
  size_t lines = std::count(main_tf.begin(), main_tf.end(), '\n');
  std::string removal = "--- a/modules/global/frontdoor/main.tf\n+++ /dev/null\n@@ -1," +
                        std::to_string(lines) + " +0,0 @@\n-" +
                        main_tf.substr(0, main_tf.find('\n')) + "\n";
  EXPECT_NE(std::string::npos, diff.out.find(removal)) << diff.out.substr(0, 2000);
  // Also gone: rag-platform's Azure Cache for Redis module, the clean
  // topology's `redis` being Azure Managed Redis, its Event Grid module and
  // its dns module (four files each).
  EXPECT_NE(std::string::npos, diff.err.find(" 24 removed\n")) << diff.err;
}

TEST_F(ReviewCli, HelpCommandPrintsTheSameHelpAsTheFlag) {
  CliRun help = run("help check");
  EXPECT_EQ(0, help.exit_code);
  CliRun flag = run("check --help");
  EXPECT_EQ(flag.out, help.out);
  EXPECT_NE(std::string::npos, help.out.find("--format"));
  CliRun all = run("help");
  EXPECT_EQ(0, all.exit_code);
  EXPECT_EQ(run("--help").out, all.out);
  CliRun nope = run("help chek");
  EXPECT_EQ(2, nope.exit_code);
  EXPECT_TRUE(
      nope.err.starts_with("topoc: error: unknown command `chek`; did you mean `check`?\n"
                           "commands: "))
      << nope.err;
}

TEST_F(ReviewCli, UnknownCommandsGetTheClosestNameAndTheList) {
  CliRun r = run("biuld p.topo");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("", r.out);
  std::string first = r.err.substr(0, r.err.find('\n'));
  EXPECT_EQ("topoc: error: unknown command `biuld`; did you mean `build`?", first);
  std::string list = r.err.substr(r.err.find('\n') + 1);
  for (const char* command : {"check", "build", "graph", "regions", "metrics", "drift", "help"}) {
    EXPECT_NE(std::string::npos, list.find(command)) << list;
  }
  CliRun far = run("zzzzzz");
  EXPECT_EQ(2, far.exit_code);
  EXPECT_TRUE(far.err.starts_with("topoc: error: unknown command `zzzzzz`\ncommands: ")) << far.err;
}

// Colour needs a terminal: `script` gives the command one.
TEST_F(ReviewCli, NoColorAndDumbTerminalsTurnColourOff) {
  if (std::system("command -v script > /dev/null 2>&1") != 0) GTEST_SKIP() << "no `script`";
  write("bad.topo", "topology \"t\" { colour = blue }\n");
  auto on_terminal = [&](const std::string& env, const std::string& flags) {
    std::string inner =
        "env " + env + " " + shell_quote(TOPOC_BINARY) + " check " + flags + " bad.topo";
    std::string out_file = (dir_ / "tty.out").string();
    std::string command = "cd " + shell_quote(dir_.string()) + " && script -qec " +
                          shell_quote(inner) + " /dev/null > " + shell_quote(out_file) + " 2>&1";
    (void)std::system(command.c_str());
    return slurp_file(out_file);
  };
  const std::string kEscape = "\x1b[";
  EXPECT_NE(std::string::npos, on_terminal("TERM=xterm", "").find(kEscape));
  EXPECT_EQ(std::string::npos, on_terminal("TERM=xterm NO_COLOR=1", "").find(kEscape));
  EXPECT_NE(std::string::npos, on_terminal("TERM=xterm NO_COLOR=", "").find(kEscape));
  EXPECT_EQ(std::string::npos, on_terminal("TERM=dumb", "").find(kEscape));
  EXPECT_NE(std::string::npos, on_terminal("TERM=dumb NO_COLOR=1", "--color always").find(kEscape));
}

TEST_F(ReviewCli, CatalogueCommandsPrintJson) {
  CliRun regions = run("regions --format json");
  EXPECT_EQ(0, regions.exit_code);
  json r = json::parse(regions.out);
  EXPECT_EQ(1, r["schema_version"]);
  CliRun text = run("regions");
  EXPECT_EQ(std::count(text.out.begin(), text.out.end(), '\n') - 1,
            static_cast<long>(r["regions"].size()));
  bool found = false;
  for (const json& region : r["regions"]) {
    if (region["location"] != "westeurope") continue;
    found = true;
    EXPECT_EQ(json::parse(R"({"location": "westeurope", "display": "West Europe",
        "geography": "europe", "country": "NL", "eu_data_boundary": true,
        "paired": "northeurope", "zones": true, "restricted": false})"),
              region);
  }
  EXPECT_TRUE(found);

  CliRun metrics = run("metrics --format json");
  EXPECT_EQ(0, metrics.exit_code);
  json m = json::parse(metrics.out);
  EXPECT_EQ(1, m["schema_version"]);
  CliRun mtext = run("metrics");
  EXPECT_EQ(std::count(mtext.out.begin(), mtext.out.end(), '\n'),
            static_cast<long>(m["metrics"].size()));
  EXPECT_EQ(json::parse(R"({"key": "aks.ready_nodes", "target": "aks",
      "namespace": "Microsoft.ContainerService/managedClusters",
      "metric": "kube_node_status_condition", "aggregation": "Average", "unit": "count",
      "dimension": {"name": "status2", "value": "Ready"},
      "description": "nodes reporting Ready"})"),
            m["metrics"][6]);
  EXPECT_EQ(2, run("regions --format yaml").exit_code);
}

TEST_F(ReviewCli, GraphPrintsNodesAndEdgesAsJson) {
  std::string examples = std::string(TOPOC_SOURCE_DIR) + "/examples/";
  CliRun minimal = run("graph --format json " + shell_quote(examples + "minimal.topo"));
  EXPECT_EQ(0, minimal.exit_code) << minimal.err;
  EXPECT_EQ(json::parse(R"({"schema_version": 1, "topology": "minimal",
      "groups": [{"id": "b0", "kind": "boundary", "label": ["boundary us", "united-states"],
                  "nodes": ["r0", "r1", "c0", "c1"]}],
      "nodes": [
        {"id": "r0", "kind": "region", "label": ["region east", "eastus", "10.1.0.0/16"], "group": "b0"},
        {"id": "r1", "kind": "region", "label": ["region west", "westus2", "10.2.0.0/16"], "group": "b0"},
        {"id": "c0", "kind": "copy-location", "label": ["westus", "copy location"], "group": "b0"},
        {"id": "c1", "kind": "copy-location", "label": ["westcentralus", "copy location"],
         "group": "b0"}],
      "edges": [
        {"from": "r0", "to": "r1", "kind": "failover", "label": "failover", "dashed": true},
        {"from": "r1", "to": "r0", "kind": "failover", "label": "failover", "dashed": true},
        {"from": "r0", "to": "r1", "kind": "peering", "label": "peering", "dashed": false},
        {"from": "r0", "to": "c0", "kind": "copy",
         "label": "geo-pair copy: key_vault, storage_account", "dashed": false},
        {"from": "r1", "to": "c1", "kind": "copy",
         "label": "geo-pair copy: key_vault, storage_account", "dashed": false}]})"),
            json::parse(minimal.out));

  // Every edge joins a node or a boundary; Front Door routes and tenants appear.
  CliRun rag = run("graph --format json " + shell_quote(examples + "rag-platform.topo"));
  EXPECT_EQ(0, rag.exit_code) << rag.err;
  json g = json::parse(rag.out);
  std::set<std::string> ids, kinds;
  for (const json& n : g["nodes"]) ids.insert(n["id"].get<std::string>());
  for (const json& b : g["groups"]) ids.insert(b["id"].get<std::string>());
  for (const json& e : g["edges"]) {
    EXPECT_TRUE(ids.count(e["from"].get<std::string>())) << e;
    EXPECT_TRUE(ids.count(e["to"].get<std::string>())) << e;
    kinds.insert(e["kind"].get<std::string>());
  }
  EXPECT_TRUE(kinds.count("route") && kinds.count("failover") && kinds.count("copy"))
      << rag.out.substr(0, 3000);
  EXPECT_TRUE(kinds.count("residency") || kinds.count("home"));
}

TEST_F(ReviewCli, CheckJsonCarriesTheSchemaVersion) {
  write("ok.topo", kClean);
  CliRun j = run("check --format json ok.topo");
  EXPECT_EQ(0, j.exit_code);
  EXPECT_EQ(json::parse(R"({"schema_version": 1, "succeeded": true, "failures": [],
                            "diagnostics": [], "errors": 0, "warnings": 0})"),
            json::parse(j.out));
}

}  // namespace review_cli_test
}  // namespace topoc::testing
