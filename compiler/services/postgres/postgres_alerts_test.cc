// Alerts on PostgreSQL metrics: each watches the server and every read
// replica, a threshold in seconds fits only the oldest-query metric, and an
// enhanced metric switches its collector on on every server it is read from.
#include <gtest/gtest.h>

#include "compiler/services/postgres/server_parameters.h"
#include "tests/estate_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// One EU region with a server and two read replicas; the alert's body starts
// on line 10.
std::string with_alert(std::string_view body) {
  return fmt::format(R"(topology "t" {{
  boundary "eu" {{ geography = eu-data-boundary }}
  region "weu" {{ location = westeurope  boundary = eu  address = 10.2.0.0/16  services = [postgres]
    postgres {{ replicas = [westeurope, northeurope] }}
  }}
  alerts {{
    email    = "oncall@example.com"
    defaults = false
    alert "a" {{
{}    }}
  }}
}}
)",
                     body);
}

std::vector<const estate::Resource*> of_type(const estate::Estate& e, std::string_view type) {
  std::vector<const estate::Resource*> out;
  for (const estate::Resource& r : e.resources) {
    if (r.azurerm_type == type) out.push_back(&r);
  }
  return out;
}

TEST(PostgresAlerts, OldestQueryWatchesTheServerAndEachReplica) {
  const std::string text = with_alert(
      "      metric = postgres.oldest_query\n"
      "      above  = 10s\n");
  EXPECT_EQ(Lines{}, diagnostics_of(text));
  driver::CheckResult result;
  estate::Estate e = estate_of(text, result);
  ASSERT_EQ(3u, e.alerts.size());
  EXPECT_EQ("a/weu", e.alerts[0].key);
  EXPECT_EQ("weu", e.alerts[0].target_key);
  EXPECT_EQ("a/weu/r1", e.alerts[1].key);
  EXPECT_EQ("weu/r1", e.alerts[1].target_key);
  EXPECT_EQ("a/weu/r2", e.alerts[2].key);
  EXPECT_EQ("weu/r2", e.alerts[2].target_key);
  for (const estate::AlertInstance& a : e.alerts) EXPECT_EQ("postgres", a.target);
  EXPECT_EQ(e.names.region("weu", "postgres"), e.alerts[0].watched);
  EXPECT_EQ(e.names.region("weu", "postgres.replica.1"), e.alerts[2].watched);
  EXPECT_EQ("alert-a-weu-r2", e.alerts[2].name);
}

TEST(PostgresAlerts, AnEnhancedMetricSetsItsParameterOnEveryServer) {
  driver::CheckResult result;
  estate::Estate e = estate_of(with_alert("      metric = postgres.oldest_query\n"
                                          "      above  = 30s\n"),
                               result);
  EXPECT_EQ((std::vector<std::pair<std::string_view, std::string_view>>{
                {"metrics.collector_database_activity", "on"}}),
            services::postgres::server_parameters(*e.topology));
  auto parameters = of_type(e, "azurerm_postgresql_flexible_server_configuration");
  ASSERT_EQ(3u, parameters.size());
  std::vector<std::string> where;
  for (const estate::Resource* p : parameters) {
    EXPECT_EQ("metrics.collector_database_activity", p->name);
    EXPECT_EQ("on", p->properties["value"]);
    EXPECT_EQ("Microsoft.DBforPostgreSQL/flexibleServers/configurations", p->arm_type);
    where.push_back(p->location);
  }
  EXPECT_EQ((std::vector<std::string>{"westeurope", "westeurope", "northeurope"}), where);
  EXPECT_EQ(
      "module.postgres[\"weu\"].azurerm_postgresql_flexible_server_configuration.replica[\"r2/"
      "metrics.collector_database_activity\"]",
      parameters[2]->key);
}

TEST(PostgresAlerts, AStandardMetricSetsNoParameter) {
  driver::CheckResult result;
  estate::Estate e = estate_of(with_alert("      metric = postgres.storage\n"
                                          "      above  = 80%\n"),
                               result);
  EXPECT_TRUE(result.sink.diagnostics().empty());
  EXPECT_EQ(3u, e.alerts.size());
  EXPECT_TRUE(services::postgres::server_parameters(*e.topology).empty());
  EXPECT_TRUE(of_type(e, "azurerm_postgresql_flexible_server_configuration").empty());
}

TEST(PostgresAlerts, AThresholdInSecondsFitsOnlyASecondsMetric) {
  EXPECT_EQ(Lines{"M010 11:16 `500ms` does not fit metric `postgres.oldest_query`; its threshold "
                  "is a duration like 10s"},
            diagnostics_of(with_alert("      metric = postgres.oldest_query\n"
                                      "      above  = 500ms\n")));
  EXPECT_EQ(Lines{"M010 11:16 `10s` does not fit metric `postgres.storage`; its threshold is a "
                  "percentage like 5%"},
            diagnostics_of(with_alert("      metric = postgres.storage\n"
                                      "      above  = 10s\n")));
}

TEST(PostgresAlerts, NoServerNothingWatched) {
  std::string text = with_alert(
      "      metric = postgres.storage\n"
      "      above  = 80%\n");
  text.replace(text.find("services = [postgres]"), 21, "services = [keyvault]");
  text.replace(text.find("    postgres { replicas = [westeurope, northeurope] }\n"), 54, "");
  driver::CheckResult result;
  estate::Estate e = estate_of(text, result);
  EXPECT_TRUE(e.alerts.empty());
  EXPECT_TRUE(of_type(e, "azurerm_postgresql_flexible_server_configuration").empty());
  // ... and `topoc check` says so (M040).
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  EXPECT_EQ(diag::Kind::AlertWithoutTarget, result.sink.diagnostics()[0].kind);
  EXPECT_EQ("add `postgres` to a region's `services`, or remove the alert",
            result.sink.diagnostics()[0].help);
}

}  // namespace
}  // namespace topoc::testing
