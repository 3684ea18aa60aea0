// Activity-log alerts: M034-M036, what each event matches, and where Azure
// processes the rule (a placement the residency check judges).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "compiler/estate/estate.h"
#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;
using Strings = std::vector<std::string>;

// An EU region with PostgreSQL and Cosmos DB; `us` adds a US region in its
// own boundary. The `alerts` body starts on line 7 (line 8 with `us`).
std::string topology(std::string_view body, bool us = false) {
  return fmt::format(R"(topology "t" {{
  boundary "eu" {{ geography = eu-data-boundary }}
  region "weu" {{ location = westeurope  boundary = eu  failover = northeurope  address = 10.1.0.0/16  services = [postgres] }}
{}  cosmos {{}}
  alerts {{
    email = "oncall@example.com"
{}  }}
}}
)",
                     us ? "  boundary \"us\" { geography = united-states }\n"
                          "  region \"us\" { location = eastus  boundary = us  failover = westus2  "
                          "address = 10.2.0.0/16 }\n"
                        : "",
                     body);
}

// The one activity alert the topology declares, as the estate plans it.
estate::ActivityAlertInstance planned(const std::string& text) {
  auto result = check_text(text);
  EXPECT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.at(0), {});
  EXPECT_EQ(1u, e.activity_alerts.size());
  estate::ActivityAlertInstance a = e.activity_alerts.at(0);
  a.alert = nullptr;  // the model dies with `result`
  return a;
}

std::string planned_location(const std::string& text) {
  auto result = check_text(text);
  estate::Estate e = estate::build_estate(*result.models.at(0), {});
  return e.activity_alerts.empty() ? "" : e.activity_alerts.at(0).location;
}

TEST(ActivityAlert, CosmosFailoverMatchesTheFailoverPriorityChange) {
  auto a = planned(topology("    activity \"failover\" { event = cosmos_failover }\n"));
  EXPECT_EQ("alert-failover", a.name);
  EXPECT_EQ("Administrative", a.category);
  EXPECT_EQ("Microsoft.DocumentDB/databaseAccounts/failoverPriorityChange/action", a.operation);
  EXPECT_EQ("Microsoft.DocumentDB/databaseAccounts", a.resource_type);
  EXPECT_EQ("westeurope", a.location);
  EXPECT_EQ(Strings{"default"}, a.groups);
}

TEST(ActivityAlert, PostgresFailoverMatchesTheServerRestart) {
  auto a = planned(topology("    activity \"db\" { event = postgres_failover }\n"));
  EXPECT_EQ("Microsoft.DBforPostgreSQL/flexibleServers/restart/action", a.operation);
  EXPECT_EQ("Microsoft.DBforPostgreSQL/flexibleServers", a.resource_type);
}

TEST(ActivityAlert, ServiceHealthDefaultsToTheRegionsAndUrgentEvents) {
  auto a = planned(topology("    activity \"health\" { event = service_health }\n"));
  EXPECT_EQ("ServiceHealth", a.category);
  EXPECT_EQ((Strings{"ActionRequired", "Incident"}), a.events);
  EXPECT_EQ(Strings{"West Europe"}, a.regions);
  auto b =
      planned(topology("    activity \"health\" {\n"
                       "      event   = service_health\n"
                       "      events  = [maintenance, security]\n"
                       "      regions = [northeurope, westeurope]\n"
                       "    }\n"));
  EXPECT_EQ((Strings{"Maintenance", "Security"}), b.events);
  EXPECT_EQ((Strings{"North Europe", "West Europe"}), b.regions);
}

TEST(ActivityAlert, ProcessedInTheEuWhenEveryWatchedBoundaryAllowsIt) {
  // PostgreSQL runs only in the EU region: the rule stays in West Europe.
  auto a = planned(topology("    activity \"db\" { event = postgres_failover }\n", true));
  EXPECT_EQ("westeurope", a.location);
  auto b =
      planned(topology("    activity \"db\" {\n"
                       "      event        = postgres_failover\n"
                       "      processed_in = northeurope\n"
                       "    }\n"));
  EXPECT_EQ("northeurope", b.location);
}

TEST(ActivityAlert, GlobalProcessingLeavesAnEuBoundary) {
  // Health events of both boundaries: no EU location fits the US one, so the
  // rule is processed in `global`, outside both.
  std::string text = topology("    activity \"health\" { event = service_health }\n", true);
  EXPECT_EQ("global", planned_location(text));
  EXPECT_EQ(Strings{"R014"}, codes_of(text));
  std::string exempt =
      replaced(text, "event = service_health", "event = service_health  data = non-personal");
  EXPECT_EQ(Strings{"R015"}, codes_of(exempt));
  // The fix-it speaks of the alert, not of a Cosmos DB container.
  auto result = check_text(exempt);
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  EXPECT_EQ("remove `data = non-personal` if the events the alert watches can carry tenant data: "
            "where Azure processes it then falls under the boundary's residency",
            result.sink.diagnostics().front().help);
}

TEST(ActivityAlert, FailoverWithoutTheServiceIsM034) {
  std::string text = replaced(topology("    activity \"db\" { event = postgres_failover }\n"),
                              "  services = [postgres]", "");
  EXPECT_EQ(Lines{"M034 7:29 activity alert `db` watches `postgres_failover`, but the topology "
                  "has no PostgreSQL"},
            diagnostics_of(text));
}

TEST(ActivityAlert, HealthFiltersOnAFailoverAlertAreM035) {
  EXPECT_EQ(Lines{"M035 9:7 `events` filters Service Health events; activity alert `db` "
                  "watches `cosmos_failover`"},
            diagnostics_of(topology("    activity \"db\" {\n"
                                    "      event  = cosmos_failover\n"
                                    "      events = [incident]\n"
                                    "    }\n")));
}

TEST(ActivityAlert, ALocationAzureDoesNotOfferIsM036) {
  EXPECT_EQ(Lines{"M036 9:22 Azure processes activity-log alerts only in `global`, `westeurope` "
                  "or `northeurope`, not `eastus`"},
            diagnostics_of(topology("    activity \"health\" {\n"
                                    "      event        = service_health\n"
                                    "      processed_in = eastus\n"
                                    "    }\n")));
}

}  // namespace
}  // namespace topoc::testing
