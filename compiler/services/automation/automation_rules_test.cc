// Automation account rules S110-S114, the runbook reader's own checks, and
// the account's placements.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "compiler/estate/estate.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace automation_rules_test {

using Lines = std::vector<std::string>;

// Runbook files are read from examples/invalid, which holds runbooks/drill.ps1.
driver::CheckResult check_automation(std::string_view automation) {
  std::string text = fmt::format(R"(topology "t" {{
  boundary "us" {{ geography = united-states }}
  region "w" {{ location = westus2  services = [automation]  address = 10.2.0.0/16
    automation {{
{}
    }}
  }}
}}
)",
                                 automation);
  driver::CheckResult result;
  driver::Overrides overrides;
  overrides.files_dir = std::string(TOPOC_SOURCE_DIR) + "/examples/invalid";
  driver::check_source(result, "test.topo", std::move(text), overrides);
  return result;
}

Lines lines_of(const driver::CheckResult& result) {
  Lines out;
  for (const diag::Diagnostic& d : result.sink.diagnostics()) {
    auto lc = result.files[d.location.file].line_col(d.location.span.begin);
    out.push_back(
        fmt::format("{} {}:{} {}", diag::info(d.kind).code, lc.line, lc.column, d.message));
  }
  return out;
}

Lines automation_diagnostics(std::string_view automation) {
  return lines_of(check_automation(automation));
}

TEST(AutomationRules, RunbooksAzureAcceptsPass) {
  auto result = check_automation(R"(      sku = Free
      runbook "DR-Failover-Drill" {
        type        = PowerShell
        file        = "runbooks/drill.ps1"
        description = "drill"
        schedule { frequency = Month  interval = 3  start = "2027-01-04T02:00:00Z" }
      }
      runbook "once" {
        file     = "runbooks/drill.ps1"
        schedule { frequency = OneTime  start = "2027-01-04T02:00:00.5+01:00" }
      })");
  EXPECT_EQ(Lines{}, lines_of(result));
  ASSERT_TRUE(result.models.at(0));
  const model::Automation& a = *result.models[0]->regions.at(0).automation;
  ASSERT_EQ(2u, a.runbooks.size());
  EXPECT_EQ("Free", a.sku.value);
  EXPECT_TRUE(a.runbooks[0].content_read);
  EXPECT_EQ(
      "# A runbook for the invalid examples: it only has to exist and be UTF-8.\n"
      "Write-Output 'drill'\n",
      a.runbooks[0].content);
  EXPECT_EQ(model::RunbookType::kPowerShell72, a.runbooks[1].type.value);
}

TEST(AutomationRules, RunbookWithoutFile) {
  EXPECT_EQ(Lines{"M005 5:15 runbook `r` needs `file`, the script it runs"},
            automation_diagnostics(R"(      runbook "r" {})"));
}

TEST(AutomationRules, RunbookNamesAreCaseInsensitive) {
  auto lines = automation_diagnostics(R"(      runbook "Drill" { file = "runbooks/drill.ps1" }
      runbook "drill" { file = "runbooks/drill.ps1" })");
  ASSERT_EQ(1u, lines.size());
  EXPECT_EQ(0u, lines[0].find("M"));
  EXPECT_NE(std::string::npos,
            lines[0].find("runbook `drill` is declared twice in the account (names are "
                          "case-insensitive)"));
}

// S110

TEST(RunbookFileUnusable, MissingFile) {
  EXPECT_EQ(Lines{"S110 5:28 runbook `r` cannot use `runbooks/none.ps1`: no such file"},
            automation_diagnostics(R"(      runbook "r" { file = "runbooks/none.ps1" })"));
}

TEST(RunbookFileUnusable, DirectoryEmptyLargeOrNotUtf8) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "topoc-runbook-files";
  fs::create_directories(dir / "folder.ps1");
  std::ofstream(dir / "empty.ps1", std::ios::binary);
  std::ofstream(dir / "large.ps1", std::ios::binary) << std::string(131073, '#');
  std::ofstream(dir / "exact.ps1", std::ios::binary) << std::string(131072, '#');
  std::ofstream(dir / "latin1.ps1", std::ios::binary) << "# caf\xe9\n";
  auto check = [&](std::string_view file) {
    return automation_diagnostics(
        fmt::format(R"(      runbook "r" {{ file = "{}" }})", (dir / file).generic_string()));
  };
  auto message = [&](std::string_view file, std::string_view why) {
    return Lines{fmt::format("S110 5:28 runbook `r` cannot use `{}`: {}",
                             (dir / file).generic_string(), why)};
  };
  EXPECT_EQ(message("folder.ps1", "it is a directory"), check("folder.ps1"));
  EXPECT_EQ(message("empty.ps1", "it is empty, and azurerm refuses an empty runbook"),
            check("empty.ps1"));
  EXPECT_EQ(message("large.ps1",
                    "it is larger than 131072 bytes, the most Bicep's loadTextContent reads"),
            check("large.ps1"));
  EXPECT_EQ(Lines{}, check("exact.ps1"));
  EXPECT_EQ(message("latin1.ps1", "it is not UTF-8 text (byte 6 is not)"), check("latin1.ps1"));
  fs::remove_all(dir);
}

// S111

TEST(RunbookNameInvalid, SpacesDotsAndLength) {
  EXPECT_EQ(Lines{"S111 5:15 runbook name `DR drill` is not 1-63 letters, digits, `-` and `_` "
                  "starting with a letter or digit"},
            automation_diagnostics(R"(      runbook "DR drill" { file = "runbooks/drill.ps1" })"));
  EXPECT_EQ(Lines{"S111 5:15 runbook name `-drill` is not 1-63 letters, digits, `-` and `_` "
                  "starting with a letter or digit"},
            automation_diagnostics(R"(      runbook "-drill" { file = "runbooks/drill.ps1" })"));
  std::string longest(63, 'a');
  EXPECT_EQ(Lines{}, automation_diagnostics(fmt::format(
                         R"(      runbook "{}" {{ file = "runbooks/drill.ps1" }})", longest)));
  EXPECT_EQ(1u,
            automation_diagnostics(
                fmt::format(R"(      runbook "{}a" {{ file = "runbooks/drill.ps1" }})", longest))
                .size());
}

// S112

TEST(RunbookScheduleInterval, OutOfRange) {
  EXPECT_EQ(Lines{"S112 6:49 runbook `r`: `interval = 101` is outside 1-100, what Azure "
                  "Automation accepts for a `Hour` schedule"},
            automation_diagnostics(R"(      runbook "r" { file = "runbooks/drill.ps1"
        schedule { frequency = Hour  interval = 101 } })"));
  EXPECT_EQ(Lines{"S112 6:48 runbook `r`: `interval = 0` is outside 1-100, what Azure "
                  "Automation accepts for a `Day` schedule"},
            automation_diagnostics(R"(      runbook "r" { file = "runbooks/drill.ps1"
        schedule { frequency = Day  interval = 0 } })"));
  EXPECT_EQ(Lines{}, automation_diagnostics(R"(      runbook "r" { file = "runbooks/drill.ps1"
        schedule { frequency = Week  interval = 100 } })"));
}

TEST(RunbookScheduleInterval, OneTimeTakesNone) {
  EXPECT_EQ(Lines{"S112 6:52 runbook `r`: a `OneTime` schedule fires once and takes no "
                  "`interval`"},
            automation_diagnostics(R"(      runbook "r" { file = "runbooks/drill.ps1"
        schedule { frequency = OneTime  interval = 1 } })"));
}

// S113

TEST(RunbookScheduleStart, NotRfc3339) {
  for (const char* start :
       {"2027-01-04", "2027-01-04T02:00Z", "2027-01-04 02:00:00Z", "2027-01-04T02:00:00"}) {
    auto lines = automation_diagnostics(fmt::format(
        R"(      runbook "r" {{ file = "runbooks/drill.ps1"
        schedule {{ frequency = Day  start = "{}" }} }})",
        start));
    ASSERT_EQ(1u, lines.size()) << start;
    EXPECT_EQ(
        fmt::format("S113 6:45 runbook `r`: schedule start `{}` is not an RFC 3339 time", start),
        lines[0]);
  }
}

// S114

TEST(RunbookFileExtension, ScriptOfTheOtherLanguage) {
  EXPECT_EQ(Lines{"S114 5:44 runbook `r` is `Python3` but its file `runbooks/drill.ps1` does not "
                  "end in `.py`"},
            automation_diagnostics(
                R"(      runbook "r" { type = Python3  file = "runbooks/drill.ps1" })"));
}

TEST(AutomationPlacements, AccountKeepsAndRunsInTheRegion) {
  auto result = check_automation(R"(      runbook "r" { file = "runbooks/drill.ps1" })");
  ASSERT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.at(0), {});
  const estate::Resource* account = nullptr;
  for (const estate::Resource& r : e.resources) {
    if (r.azurerm_type == "azurerm_automation_account") account = &r;
  }
  ASSERT_NE(nullptr, account);
  EXPECT_EQ("aa-t-w-prod", account->name);
  ASSERT_EQ(2u, account->placements.size());
  EXPECT_EQ(estate::PlacementKind::kPrimary, account->placements[0].kind);
  EXPECT_EQ(estate::PlacementKind::kProcessing, account->placements[1].kind);
  EXPECT_EQ(std::vector<std::string>{"westus2"}, account->placements[1].locations);
}

}  // namespace automation_rules_test
}  // namespace topoc::testing
