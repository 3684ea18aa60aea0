// `topoc drift` as a command: the desired state from a topology, exit codes
// like `terraform plan -detailed-exitcode`, and one error line per bad input.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "compiler/drift/drift_test_support.h"
#include "compiler/drift/findings.h"
#include "compiler/drift/load_desired.h"

namespace topoc::drift {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::read_text;
using testing::source_dir;

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class DriftCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "topoc-drift-cli-XXXXXX").string();
    ASSERT_NE(nullptr, ::mkdtemp(pattern.data()));
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Runs `topoc drift ARGS` from the source tree.
  CommandRun drift(const std::string& args) {
    fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    std::string command =
        fmt::format("cd '{}' && '{}' drift {} >'{}' 2>'{}'", source_dir().string(), TOPOC_BINARY,
                    args, out.string(), err.string());
    int status = std::system(command.c_str());
    CommandRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_text(out);
    run.err = read_text(err);
    return run;
  }

  fs::path dir_;
};

// `terraform show -json` of an estate deployed exactly as `desired` says:
// the manifest's blocks become Terraform's one-element lists.
std::string mirror_state(const DesiredState& desired) {
  json resources = json::array();
  for (const DesiredResource& d : desired.resources) {
    json values = json::object();
    for (const auto& [key, value] : d.attributes.items()) {
      values[key] = value.is_object() ? json::array({value}) : value;
    }
    if (!d.name.empty()) values["name"] = d.name;
    if (!d.location.empty() && d.location != "global") values["location"] = d.location;
    if (!d.resource_group.empty()) values["resource_group_name"] = d.resource_group;
    if (d.tags) values["tags"] = *d.tags;
    if (d.type == "azurerm_resource_group_policy_assignment" &&
        values.contains("allowed_locations")) {
      values["parameters"] =
          json{{"listOfAllowedLocations", {{"value", values["allowed_locations"]}}}}.dump();
      values.erase("allowed_locations");
    }
    resources.push_back({{"address", d.address},
                         {"mode", "managed"},
                         {"type", d.type},
                         {"provider_name", "registry.terraform.io/hashicorp/azurerm"},
                         {"values", values}});
  }
  return json{{"format_version", "1.0"}, {"values", {{"root_module", {{"resources", resources}}}}}}
      .dump();
}

// Whatever the emitter writes today, a state that mirrors it is in sync:
// drift and the manifest agree on addresses, attribute names and shapes.
TEST(DriftDesiredState, MirrorOfEveryExampleIsInSync) {
  testing::InSourceDir here;
  for (const auto& entry : fs::directory_iterator("examples")) {
    if (entry.path().extension() != ".topo") continue;
    std::string path = entry.path().string();
    DesiredLoad load = load_desired(path);
    ASSERT_TRUE(load.state.has_value())
        << path << (load.error ? ": " + to_string(*load.error) : "");
    EXPECT_FALSE(load.state->resources.empty()) << path;
    DeployedState deployed;
    auto error =
        read_state_text("mirror.json", mirror_state(*load.state), StateFormat::kShow, deployed);
    ASSERT_FALSE(error.has_value()) << to_string(*error);
    DriftReport report = compare(*load.state, deployed);
    EXPECT_TRUE(report.in_sync()) << path << ": "
                                  << (report.findings.empty() ? "" : report.findings[0].message);
  }
}

TEST(DriftDesiredState, TopologyWithErrorsIsRefused) {
  testing::InSourceDir here;
  DesiredLoad load = load_desired("examples/invalid/r001-region-outside-boundary.topo");
  EXPECT_FALSE(load.state.has_value());
  ASSERT_TRUE(load.check.has_value());
  EXPECT_GT(load.check->sink.error_count(), 0u);
}

TEST_F(DriftCommand, InSyncTopologyExitsZero) {
  testing::InSourceDir here;
  DesiredLoad load = load_desired("examples/rag-platform.topo");
  ASSERT_TRUE(load.state.has_value());
  std::string state = (dir_ / "state.json").string();
  std::ofstream(state) << mirror_state(*load.state);
  CommandRun run = drift(fmt::format("examples/rag-platform.topo --state '{}'", state));
  EXPECT_EQ(0, run.exit_code) << run.out << run.err;
  EXPECT_NE(std::string::npos, run.out.find("topoc drift: `rag-platform` (prod): in sync"))
      << run.out;
  EXPECT_EQ("", run.err);
}

TEST_F(DriftCommand, DriftExitsTwo) {
  CommandRun run = drift(
      "tests/drift/fixtures/rag-platform.manifest.json --state "
      "tests/drift/scenarios/handmade-storage/show.json "
      "--state tests/drift/scenarios/handmade-storage/graph.json --format json");
  EXPECT_EQ(2, run.exit_code) << run.err;
  json report = json::parse(run.out);
  EXPECT_EQ(1, report["summary"]["residency-breach"]);
  EXPECT_EQ(false, report["in_sync"]);
}

TEST_F(DriftCommand, IgnoredDriftExitsZero) {
  CommandRun run = drift(
      "tests/drift/fixtures/rag-platform.manifest.json --state "
      "tests/drift/scenarios/handmade-storage/show.json "
      "--state tests/drift/scenarios/handmade-storage/graph.json --ignore "
      "'*/storageAccounts/stexportseu01'");
  EXPECT_EQ(0, run.exit_code) << run.out << run.err;
  EXPECT_NE(std::string::npos, run.out.find("findings: no drift (2 ignored)")) << run.out;
}

TEST_F(DriftCommand, EveryBadStateIsReportedThenExitOne) {
  std::string empty = (dir_ / "empty.json").string();
  std::ofstream(empty).flush();
  CommandRun run =
      drift(fmt::format("tests/drift/fixtures/rag-platform.manifest.json --state '{}' --state "
                        "tests/drift/fixtures/formats/show.json "
                        "--state '{}/absent.json'",
                        empty, dir_.string()));
  EXPECT_EQ(1, run.exit_code);
  EXPECT_EQ("", run.out);
  EXPECT_EQ(fmt::format(
                "topoc: error: `{}`: is empty; expected a Terraform state, plan or Resource Graph "
                "export\n"
                "topoc: error: `{}/absent.json`: cannot be read: No such file or directory\n",
                empty, dir_.string()),
            run.err);
}

TEST_F(DriftCommand, FirstPageOfAnExportAloneExitsOne) {
  // The in-sync export, relabelled as the first page of a larger result.
  json page = json::parse(read_text(source_dir() / "tests/drift/scenarios/graph-only/graph.json"));
  page["skip_token"] = "ew0KICAiJGlkIjogIjEi";
  page["total_records"] = 5000;
  std::string path = (dir_ / "page1.json").string();
  std::ofstream(path) << page.dump();
  CommandRun run = drift(fmt::format("tests/drift/fixtures/rag-platform.manifest.json --state '{}'", path));
  EXPECT_EQ(1, run.exit_code);
  EXPECT_EQ("", run.out);
  EXPECT_EQ(fmt::format("topoc: error: `{}`: is a page of a Resource Graph result of 5000 resources, "
                        "and the exports given hold {} of them; pass every page with --state (`az "
                        "graph query --skip-token ...`), or export with a larger `--first`\n",
                        path, page["data"].size()),
            run.err);
}

TEST_F(DriftCommand, WrongStateFormatExitsOne) {
  CommandRun run = drift(
      "tests/drift/fixtures/rag-platform.manifest.json --state "
      "tests/drift/fixtures/formats/plan.json "
      "--state-format show");
  EXPECT_EQ(1, run.exit_code);
  EXPECT_EQ(
      "topoc: error: `tests/drift/fixtures/formats/plan.json`: is a `terraform show -json` plan, "
      "not "
      "a `terraform show -json` state as `--state-format show` says\n",
      run.err);
}

TEST_F(DriftCommand, TopologyWithErrorsExitsOne) {
  CommandRun run = drift(
      "examples/invalid/r001-region-outside-boundary.topo --state "
      "tests/drift/fixtures/formats/show.json");
  EXPECT_EQ(1, run.exit_code);
  EXPECT_NE(std::string::npos, run.err.find("error[R001]")) << run.err;
  EXPECT_NE(
      std::string::npos,
      run.err.find("topoc: error: `examples/invalid/r001-region-outside-boundary.topo` has errors; "
                   "drift compares only a topology that checks cleanly"))
      << run.err;
}

TEST_F(DriftCommand, ManifestOfAnotherEnvironmentExitsOne) {
  CommandRun run = drift(
      "tests/drift/fixtures/rag-platform.manifest.json --env dev --state "
      "tests/drift/scenarios/in-sync/show.json");
  EXPECT_EQ(1, run.exit_code);
  EXPECT_EQ("", run.out);
  EXPECT_EQ(
      "topoc: error: `tests/drift/fixtures/rag-platform.manifest.json` at `/environment`: is the "
      "manifest of environment `prod`, not `dev`; build the topology with `--env dev`, or pass the "
      "topology itself\n",
      run.err);
  EXPECT_EQ(0, drift("tests/drift/fixtures/rag-platform.manifest.json --env prod --state "
                     "tests/drift/scenarios/in-sync/show.json")
                   .exit_code);
}

TEST_F(DriftCommand, UsageErrorsExitOne) {
  EXPECT_EQ(1, drift("tests/drift/fixtures/rag-platform.manifest.json").exit_code);  // no --state
  EXPECT_EQ(1, drift("tests/drift/fixtures/rag-platform.manifest.json --state x.json --format yaml")
                   .exit_code);
}

TEST_F(DriftCommand, HelpDocumentsExitCodes) {
  CommandRun run = drift("--help");
  EXPECT_EQ(0, run.exit_code);
  EXPECT_NE(std::string::npos, run.out.find("0 in sync, 1 error")) << run.out;
  EXPECT_NE(std::string::npos, run.out.find("2 drift found")) << run.out;
}

TEST_F(DriftCommand, MarkdownAndSarif) {
  std::string args =
      "tests/drift/fixtures/rag-platform.manifest.json --state "
      "tests/drift/scenarios/consistency-eventual/terraform.tfstate";
  CommandRun md = drift(args + " --format markdown");
  EXPECT_EQ(2, md.exit_code);
  EXPECT_EQ(read_text(source_dir() / "tests/drift/scenarios/consistency-eventual/expected.md"),
            md.out);
  CommandRun sarif = drift(args + " --format sarif");
  EXPECT_EQ(2, sarif.exit_code);
  json doc = json::parse(sarif.out);
  EXPECT_EQ("2.1.0", doc["version"]);
  EXPECT_EQ("D003", doc["runs"][0]["results"][0]["ruleId"]);
}

// A state that needs more memory than the process may have: one line naming
// it and the error exit, not an abort, and the other inputs still read.
TEST_F(DriftCommand, OutOfMemoryIsAnError) {
#if defined(TOPOC_SANITIZED)
  GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit allows";
#else
  // 48 MiB of distinct tags on one resource: kept whole, then copied.
  fs::path big = dir_ / "big.json";
  {
    std::ofstream out(big, std::ios::binary);
    out << R"({"format_version": "1.0", "values": {"root_module": {"resources": [{"address":
      "azurerm_resource_group.g", "mode": "managed", "type": "azurerm_resource_group",
      "values": {"name": "g", "tags": {)";
    const std::string value(4096, 'v');
    for (int i = 0; i < 12 * 1024; ++i)
      out << (i ? "," : "") << '"' << i << "\":\"" << value << '"';
    out << "}}}]}}}";
  }
  fs::path out = dir_ / "stdout", err = dir_ / "stderr";
  std::string command = fmt::format(
      "cd '{}' && ulimit -v 98304 && '{}' drift tests/drift/fixtures/rag-platform.manifest.json "
      "--state '{}' --state absent.json >'{}' 2>'{}'",
      source_dir().string(), TOPOC_BINARY, big.string(), out.string(), err.string());
  int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(1, WEXITSTATUS(status));
  EXPECT_EQ(fmt::format("topoc: error: `{}`: out of memory; split the input or raise the memory "
                        "limit\ntopoc: error: `absent.json`: cannot be read: No such file or "
                        "directory\n",
                        big.string()),
            read_text(err));
  EXPECT_EQ("", read_text(out));
#endif
}

}  // namespace
}  // namespace topoc::drift
