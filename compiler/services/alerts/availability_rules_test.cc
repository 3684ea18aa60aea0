// Availability tests: the region that records them and where their probes
// run (M039, M004, M011), the placements of the probes, and the resources
// planned.
#include <gtest/gtest.h>

#include "compiler/estate/estate.h"
#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// A US and an EU region, both running monitoring; the test's body starts
// on line 9.
std::string with_test(std::string_view body, std::string_view eu_services = "monitoring") {
  return fmt::format(R"(topology "t" {{
  boundary "us" {{ geography = united-states }}
  boundary "eu" {{ geography = eu-data-boundary  locations = [westeurope, northeurope, germanywestcentral] }}
  region "us" {{ location = eastus  boundary = us  address = 10.1.0.0/16  services = [monitoring] }}
  region "eu" {{ location = westeurope  boundary = eu  address = 10.2.0.0/16  services = [{}] }}
  alerts {{
    email = "oncall@example.com"
    availability "api" {{
{}    }}
  }}
}}
)",
                     eu_services, body);
}

TEST(AvailabilityTests, ProbesFromTheBoundaryByDefault) {
  std::string text = with_test(
      "      url    = \"https://api.example.com/health\"\n"
      "      region = eu\n");
  auto result = check_text(text);
  EXPECT_TRUE(result.sink.diagnostics().empty());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  ASSERT_EQ(1u, e.availability_tests.size());
  const estate::AvailabilityTestInstance& x = e.availability_tests[0];
  EXPECT_EQ("eu", x.region->key);
  // germanywestcentral runs no tests; the other two do.
  EXPECT_EQ((Lines{"northeurope", "westeurope"}), x.probe_locations);
  EXPECT_EQ((Lines{"emea-gb-db3-azr", "emea-nl-ams-azr"}), x.probe_ids);
  EXPECT_EQ(1, x.failed_locations);
  EXPECT_TRUE(x.duration_alert_name.empty());
  const estate::Resource* test = nullptr;
  int alerts = 0;
  for (const estate::Resource& r : e.resources) {
    if (r.azurerm_type == "azurerm_application_insights_standard_web_test") test = &r;
    if (r.key.find("metric_alert.availability") != std::string::npos) ++alerts;
  }
  ASSERT_NE(nullptr, test);
  EXPECT_EQ("westeurope", test->location);
  EXPECT_EQ("Microsoft.Insights/webtests", test->arm_type);
  ASSERT_EQ(1u, test->placements.size());
  EXPECT_EQ(estate::PlacementKind::kProcessing, test->placements[0].kind);
  EXPECT_EQ((Lines{"northeurope", "westeurope"}), test->placements[0].locations);
  EXPECT_EQ(1, alerts);
}

TEST(AvailabilityTests, ProbesOutsideTheBoundaryAreAResidencyError) {
  std::string text = with_test(
      "      url    = \"https://api.example.com/health\"\n"
      "      region = eu\n"
      "      from   = [westeurope, eastus]\n");
  EXPECT_EQ(Lines{"R014"}, codes_of(text));
  EXPECT_EQ(Lines{"R015"},
            codes_of(replaced(text, "region = eu\n", "region = eu\n      data = non-personal\n")));
}

TEST(AvailabilityTests, FailedLocationsDefaultToTheProbesLessTwo) {
  auto result = check_text(with_test(
      "      url         = \"https://api.example.com/health\"\n"
      "      region      = us\n"
      "      slower_than = 200ms\n"));
  ASSERT_TRUE(result.sink.diagnostics().empty());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  ASSERT_EQ(1u, e.availability_tests.size());
  const estate::AvailabilityTestInstance& x = e.availability_tests[0];
  EXPECT_EQ(
      (Lines{"centralus", "eastus", "northcentralus", "southcentralus", "westus"}),
      x.probe_locations);
  EXPECT_EQ(3, x.failed_locations);
  EXPECT_EQ("alert-api-duration", x.duration_alert_name);
}

TEST(AvailabilityTests, RegionIsNeededWhenSeveralRunMonitoring) {
  EXPECT_EQ(Lines{"M039 8:18 availability test `api` needs `region = ...`: regions `us` and `eu` "
                  "run `monitoring`, and its results go to one of them"},
            diagnostics_of(with_test("      url = \"https://api.example.com/health\"\n")));
  // With one monitored region it is that one.
  EXPECT_EQ(Lines{},
            diagnostics_of(with_test("      url = \"https://api.example.com/health\"\n", "aks")));
}

TEST(AvailabilityTests, RegionWithoutMonitoringOrUndeclared) {
  EXPECT_EQ(Lines{"M039 10:16 region `eu` runs no `monitoring`, so no Application Insights "
                  "records availability test `api`"},
            diagnostics_of(with_test("      url    = \"https://api.example.com/health\"\n"
                                     "      region = eu\n",
                                     "aks")));
  EXPECT_EQ(Lines{"M004 10:16 availability test `api` records its results in region `e`, which "
                  "is not declared; did you mean `eu`?"},
            diagnostics_of(with_test("      url    = \"https://api.example.com/health\"\n"
                                     "      region = e\n")));
}

TEST(AvailabilityTests, ProbeLocationWithoutTests) {
  std::string text = with_test(
      "      url    = \"https://api.example.com/health\"\n"
      "      region = eu\n"
      "      from   = [germanywestcentral]\n");
  EXPECT_EQ(Lines{"M039 11:17 Azure runs no availability tests in `germanywestcentral`"},
            diagnostics_of(text));
  EXPECT_EQ("probe from northeurope, westeurope", check_text(text).sink.diagnostics()[0].help);
}

TEST(AvailabilityTests, UrlAndSchedule) {
  EXPECT_EQ(Lines{"M039 9:13 `ftp://x` is not an http:// or https:// URL with a host"},
            diagnostics_of(with_test("      url = \"ftp://x\"\n"
                                     "      region = eu\n")));
  EXPECT_EQ(Lines{"M039 9:13 `https://a.example.com/${x}` is not an http:// or https:// URL with "
                  "a host"},
            diagnostics_of(with_test("      url = \"https://a.example.com/${x}\"\n"
                                     "      region = eu\n")));
  EXPECT_EQ(Lines{"M005 8:18 availability test `api` needs `url = \"https://...\"`"},
            diagnostics_of(with_test("      region = eu\n")));
  EXPECT_EQ(Lines{"M011 11:16 an availability test runs `every` 5m, 10m or 15m"},
            diagnostics_of(with_test("      url    = \"https://api.example.com/health\"\n"
                                     "      region = eu\n"
                                     "      every  = 1m\n")));
  EXPECT_EQ(Lines{"M011 11:17 an availability test's `timeout` is 1s to 2m"},
            diagnostics_of(with_test("      url     = \"https://api.example.com/health\"\n"
                                     "      region  = eu\n"
                                     "      timeout = 5m\n")));
}

TEST(AvailabilityTests, MoreFailedLocationsThanProbes) {
  EXPECT_EQ(Lines{"M011 11:26 availability test `api` probes from 2 locations, so 3 can never fail"},
            diagnostics_of(with_test("      url              = \"https://api.example.com/health\"\n"
                                     "      region           = eu\n"
                                     "      failed_locations = 3\n")));
}

TEST(AvailabilityTests, CertificateNeedsHttps) {
  EXPECT_EQ(Lines{"M039 11:26 `http://api.example.com/health` serves no certificate to check: it "
                  "is not https"},
            diagnostics_of(with_test("      url              = \"http://api.example.com/health\"\n"
                                     "      region           = eu\n"
                                     "      certificate_days = 30\n")));
}

}  // namespace
}  // namespace topoc::testing
