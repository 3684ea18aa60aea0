// `topoc residency` from the command line: formats on stdout or in a file,
// scopes, and the exit codes docs/residency.md lists (0 report, 1 a
// topology with errors or a failed write, 2 usage and unreadable input).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/cli_run_support.h"

namespace topoc::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = TOPOC_SOURCE_DIR;

TEST(CliResidency, WritesMarkdownToStdoutByDefault) {
  CliRun r = run_topoc(kSource, "", "residency examples/minimal.topo");
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_TRUE(r.out.starts_with("# Data residency of `minimal` (environment `prod`)\n")) << r.out;
  EXPECT_EQ("", r.err);
}

TEST(CliResidency, TenantScopeInJson) {
  CliRun r = run_topoc(kSource, "",
                       "residency examples/rag-platform.topo --tenant eureka-gmbh --format json");
  EXPECT_EQ(0, r.exit_code) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ("tenant", j["scope"]["kind"]);
  ASSERT_EQ(1u, j["boundaries"].size());
  EXPECT_EQ("eu", j["boundaries"][0]["name"]);
  ASSERT_EQ(1u, j["boundaries"][0]["tenants"].size());
  EXPECT_EQ("eureka-gmbh", j["boundaries"][0]["tenants"][0]["name"]);
}

TEST(CliResidency, UnknownTenantIsAUsageErrorWithTheClosestName) {
  CliRun r = run_topoc(kSource, "", "residency examples/rag-platform.topo --tenant acme-crop");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("", r.out);
  EXPECT_TRUE(r.err.ends_with(
      "topoc: error: no tenant `acme-crop` in `rag-platform`; did you mean `acme-corp`?\n"))
      << r.err;
}

TEST(CliResidency, UnknownBoundaryIsAUsageError) {
  CliRun r = run_topoc(kSource, "", "residency examples/minimal.topo --boundary ue");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("topoc: error: no boundary `ue` in `minimal`; did you mean `us`?\n", r.err);
}

TEST(CliResidency, TenantAndBoundaryExcludeEachOther) {
  CliRun r = run_topoc(kSource, "",
                       "residency examples/rag-platform.topo --tenant acme-corp --boundary us");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("", r.out);
}

TEST(CliResidency, AnEmptyNameIsAUsageError) {
  CliRun r = run_topoc(kSource, "", "residency examples/minimal.topo --boundary ''");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("", r.out);
  EXPECT_NE(std::string::npos, r.err.find("a name is needed")) << r.err;
}

TEST(CliResidency, ReadsStandardInput) {
  CliRun r = run_topoc(kSource, "", "residency - --format json",
                       (kSource / "examples/minimal.topo").string());
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("\"file\": \"<stdin>\"")) << r.out.substr(0, 300);
}

TEST(CliResidency, EnvironmentNamesTheEstateItReports) {
  CliRun r = run_topoc(kSource, "", "residency examples/minimal.topo --env staging --format json");
  EXPECT_EQ(0, r.exit_code) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ("staging", j["environment"]);
  EXPECT_NE(std::string::npos, r.out.find("\"name\": \"rg-minimal-east-staging\""));
  CliRun bad = run_topoc(kSource, "", "residency examples/minimal.topo --env BAD");
  EXPECT_EQ(2, bad.exit_code);
  EXPECT_TRUE(bad.err.starts_with("topoc: error: `--env BAD`: ")) << bad.err;
}

TEST(CliResidency, UnreadableFileIsAUsageError) {
  CliRun r = run_topoc(kSource, "", "residency does-not-exist.topo");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("topoc: error: cannot read `does-not-exist.topo`: No such file or directory\n", r.err);
}

TEST(CliResidency, TopologyWithErrorsGivesNoReport) {
  CliRun r = run_topoc(kSource, "", "residency examples/invalid/r001-region-outside-boundary.topo");
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ("", r.out);
  EXPECT_NE(std::string::npos, r.err.find("error[R001]")) << r.err;
  EXPECT_TRUE(
      r.err.ends_with("topoc: no report: `examples/invalid/r001-region-outside-boundary.topo` "
                      "has errors; a residency report is made only from a topology that "
                      "checks cleanly\n"))
      << r.err;
}

TEST(CliResidency, WritesHtmlToTheOutputFile) {
  fs::path out =
      fs::temp_directory_path() / ("topoc-residency-" + std::to_string(::getpid()) + ".html");
  CliRun r = run_topoc(
      kSource, "", "residency examples/minimal.topo --format html -o " + shell_quote(out.string()));
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ("", r.out);
  std::string html = slurp_file(out);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n")) << html.substr(0, 100);
  EXPECT_NE(std::string::npos, html.find("<figure data-boundary=\"us\">"));
  EXPECT_FALSE(fs::exists(out.string() + ".topoc-tmp"));
  fs::remove(out);
}

TEST(CliResidency, AFailedWriteExitsOne) {
  CliRun r =
      run_topoc(kSource, "", "residency examples/minimal.topo -o /nonexistent-dir/report.md");
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ("topoc: error: cannot write `/nonexistent-dir/report.md`: No such file or directory\n",
            r.err);
}

TEST(CliResidency, HelpAnswersWhatItReportsAndItsExitCodes) {
  CliRun r = run_topoc(kSource, "", "residency --help");
  EXPECT_EQ(0, r.exit_code);
  for (const char* phrase : {"--tenant", "--boundary", "--format", "-o,--output", "--env",
                             "Exit codes: 0 report written", "geo-pair", "Azure Policy"}) {
    EXPECT_NE(std::string::npos, r.out.find(phrase)) << phrase << "\n" << r.out;
  }
}

}  // namespace
}  // namespace topoc::testing
