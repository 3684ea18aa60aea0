// M040: an alert whose metric no resource of the topology publishes.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/estate_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// One region running `services`; the alert's body starts on line 9.
std::string with_alert(std::string_view services, std::string_view body) {
  return fmt::format(R"(topology "t" {{
  boundary "us" {{ geography = united-states }}
  region "east" {{
    location = eastus  failover = westus  address = 10.1.0.0/16
    services = [{}]
  }}
  alerts {{
    alert "watched" {{
{}    }}
  }}
}}
)",
                     services, body);
}

TEST(AlertTarget, AMetricOfAServiceNoRegionRunsWatchesNothing) {
  std::string text = with_alert("aks, storage",
                                "      metric = redis.server_load\n"
                                "      above  = 80%\n");
  EXPECT_EQ(Lines{"M040 9:16 alert `watched` watches `redis.server_load`, a metric of Azure Cache "
                  "for Redis, which the topology does not have: nothing is watched and no alert "
                  "is written"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ(diag::Severity::kWarning, d.severity);
  EXPECT_EQ(
      "run Azure Cache for Redis in a region (`redis { sku = premium }`, or `standard` or "
      "`basic`), or remove the alert",
      d.help);
}

// `redis` alone is Azure Managed Redis, which publishes no `redis.*` metric;
// an Azure Cache for Redis cache is watched.
TEST(AlertTarget, RedisMetricsWatchAzureCacheForRedisOnly) {
  std::string managed = with_alert("aks, storage, redis",
                                   "      metric = redis.server_load\n"
                                   "      above  = 80%\n");
  ASSERT_EQ(1u, diagnostics_of(managed).size());
  EXPECT_EQ(0u, diagnostics_of(managed)[0].find("M040 9:16 "));
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(managed, "address = 10.1.0.0/16\n",
                                             "address = 10.1.0.0/16  redis { sku = standard }\n")));
}

TEST(AlertTarget, ATopologyWideServiceIsNamedByItsBlock) {
  std::string text = with_alert("aks",
                                "      metric = cosmos.replication_latency\n"
                                "      above  = 500ms\n");
  auto result = check_text(text);
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  EXPECT_EQ("declare a `cosmos { ... }` block, or remove the alert",
            result.sink.diagnostics().at(0).help);
}

TEST(AlertTarget, ALogSearchAlertNeedsApplicationInsights) {
  EXPECT_EQ(Lines{"M040 9:23 alert `watched` queries custom metric `queue_depth` in Application "
                  "Insights, but no region runs `monitoring`: nothing is watched and no alert "
                  "is written"},
            diagnostics_of(with_alert("aks",
                                      "      custom_metric = \"queue_depth\"\n"
                                      "      above         = 100\n")));
  EXPECT_EQ(Lines{}, diagnostics_of(with_alert("aks, monitoring",
                                               "      custom_metric = \"queue_depth\"\n"
                                               "      above         = 100\n")));
}

// The estate agrees: without a target the planner writes no alert, which is
// what the warning says.
TEST(AlertTarget, TheEstateWritesNoAlertForIt) {
  driver::CheckResult result;
  estate::Estate e = estate_of(with_alert("aks, storage",
                                          "      metric = redis.server_load\n"
                                          "      above  = 80%\n"),
                               result);
  for (const estate::AlertInstance& a : e.alerts) EXPECT_NE("watched", a.alert->name);
}

TEST(AlertTarget, AnUnknownMetricIsLeftToM009) {
  auto lines =
      diagnostics_of(with_alert("aks", "      metric = redis.nonsense\n      above = 1\n"));
  ASSERT_EQ(1u, lines.size());
  EXPECT_EQ(0u, lines[0].find("M009 "));
}

}  // namespace
}  // namespace topoc::testing
