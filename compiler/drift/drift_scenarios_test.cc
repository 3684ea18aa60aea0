// Golden scenarios: each directory of tests/drift/scenarios/ holds the inputs
// of one estate (written by tests/drift/fixtures/make_fixtures.py), a
// scenario.json naming them with the expected exit code, and the expected
// text, JSON and Markdown reports. With TOPOC_UPDATE_GOLDEN=1 the reports
// that differ are rewritten instead.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "compiler/drift/drift_test_support.h"
#include "compiler/drift/findings.h"
#include "compiler/drift/render.h"

namespace topoc::drift {
namespace {

namespace fs = std::filesystem;
using testing::InSourceDir;
using testing::read_text;
using testing::source_dir;

constexpr const char* kAcceptCommand =
    "TOPOC_UPDATE_GOLDEN=1 ctest --test-dir build -R DriftScenario";

bool update_mode() {
  const char* value = std::getenv("TOPOC_UPDATE_GOLDEN");
  return value != nullptr && std::string_view(value) == "1";
}

std::vector<std::string> scenario_names() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(source_dir() / "tests/drift/scenarios", ec)) {
    if (entry.is_directory()) out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Compares with the golden beside the scenario, or rewrites it.
void check_golden(const fs::path& golden, const std::string& actual) {
  if (update_mode()) {
    if (!fs::exists(golden) || read_text(golden) != actual)
      std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; create it with: " << kAcceptCommand;
  EXPECT_EQ(read_text(golden), actual)
      << "golden " << golden.lexically_relative(source_dir())
      << " differs; review the diff, then accept with: " << kAcceptCommand;
}

class DriftScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(DriftScenario, MatchesGoldens) {
  InSourceDir here;
  fs::path dir = fs::path("tests/drift/scenarios") / GetParam();
  nlohmann::json spec = nlohmann::json::parse(read_text(dir / "scenario.json"));
  auto desired = read_desired_state_file(spec["desired"].get<std::string>());
  ASSERT_TRUE(std::holds_alternative<DesiredState>(desired))
      << to_string(std::get<ReadError>(desired));
  DeployedState deployed;
  StateFormat format =
      parse_state_format(spec.value("format", "auto")).value_or(StateFormat::kAuto);
  for (const auto& path : spec["states"]) {
    auto error = read_state_file(path.get<std::string>(), format, deployed);
    ASSERT_FALSE(error.has_value()) << to_string(*error);
  }
  DriftOptions options;
  for (const auto& pattern : spec.value("ignore", nlohmann::json::array())) {
    options.ignore.push_back(pattern.get<std::string>());
  }
  DriftReport report = compare(std::get<DesiredState>(desired), deployed, options);
  EXPECT_EQ(spec["exit"].get<int>(), report.in_sync() ? 0 : 2) << render_text(report);
  check_golden(dir / "expected.txt", render_text(report));
  check_golden(dir / "expected.json", render_json(report));
  check_golden(dir / "expected.md", render_markdown(report));
  // SARIF has no golden of its own: it must hold one result per finding,
  // each naming a rule of its table.
  nlohmann::json sarif = nlohmann::json::parse(render_sarif(report, "0.0.0-golden"));
  const auto& run = sarif["runs"][0];
  ASSERT_EQ(report.findings.size(), run["results"].size());
  for (const auto& result : run["results"]) {
    EXPECT_EQ(run["tool"]["driver"]["rules"][result["ruleIndex"].get<size_t>()]["id"],
              result["ruleId"]);
  }
}

INSTANTIATE_TEST_SUITE_P(Golden, DriftScenario, ::testing::ValuesIn(scenario_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(DriftScenarios, EveryScenarioHasItsGoldens) {
  std::vector<std::string> names = scenario_names();
  EXPECT_GE(names.size(), 6u);
  for (const std::string& name : names) {
    fs::path dir = source_dir() / "tests/drift/scenarios" / name;
    EXPECT_TRUE(fs::exists(dir / "scenario.json")) << name;
  }
}

}  // namespace
}  // namespace topoc::drift
