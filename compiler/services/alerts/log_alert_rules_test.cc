// Log search alerts: percentiles, ratios and custom metrics (M037, M038, the
// threshold's unit M010 and the window M011), and the rules they plan on each
// region's Application Insights.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/estate_support.h"

namespace topoc::testing {
namespace log_alert_rules_test {

using Lines = std::vector<std::string>;

// Two regions running monitoring in two boundaries; the alert's body starts
// on line 10.
std::string with_alert(std::string_view body) {
  return fmt::format(R"(topology "t" {{
  boundary "us" {{ geography = united-states }}
  boundary "eu" {{ geography = eu-data-boundary }}
  region "us" {{ location = eastus  boundary = us  address = 10.1.0.0/16  services = [monitoring] }}
  region "eu" {{ location = westeurope  boundary = eu  address = 10.2.0.0/16  services = [monitoring] }}
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

TEST(LogAlerts, PercentilePlansOneRulePerRegionInItsLocation) {
  driver::CheckResult result;
  estate::Estate e = estate_of(with_alert("      metric     = app.response_time\n"
                                          "      percentile = 95\n"
                                          "      above      = 800ms\n"),
                               result);
  EXPECT_EQ(Lines{}, diagnostics_of(with_alert("      metric     = app.response_time\n"
                                               "      percentile = 95\n"
                                               "      above      = 800ms\n")));
  EXPECT_TRUE(e.alerts.empty());
  ASSERT_EQ(2u, e.log_alerts.size());
  const estate::LogAlertInstance& eu = e.log_alerts[0];
  EXPECT_EQ("a/eu", eu.key);
  EXPECT_EQ("westeurope", eu.region->location.value);
  EXPECT_EQ("requests | summarize value = percentile(duration, 95)", eu.query);
  EXPECT_EQ("P95 server response time above 800 ms on " + eu.watched, eu.description);
  EXPECT_EQ(Lines{"default"}, eu.groups);
  EXPECT_EQ("a/us", e.log_alerts[1].key);
  // The rule is a resource in its component's location, with a processing
  // placement there that the region's boundary holds.
  const estate::Resource* rule = nullptr;
  for (const estate::Resource& r : e.resources) {
    if (r.azurerm_type == "azurerm_monitor_scheduled_query_rules_alert_v2" && r.name == eu.name)
      rule = &r;
  }
  ASSERT_NE(nullptr, rule);
  EXPECT_EQ("westeurope", rule->location);
  EXPECT_EQ("Microsoft.Insights/scheduledQueryRules", rule->arm_type);
  ASSERT_EQ(1u, rule->placements.size());
  EXPECT_EQ(estate::PlacementKind::kProcessing, rule->placements[0].kind);
  EXPECT_EQ(std::vector<std::string>{"westeurope"}, rule->placements[0].locations);
}

TEST(LogAlerts, RatioOfTwoRequestCounts) {
  driver::CheckResult result;
  estate::Estate e = estate_of(with_alert("      metric = app.server_errors\n"
                                          "      per    = app.requests\n"
                                          "      above  = 1%\n"),
                               result);
  EXPECT_TRUE(result.sink.diagnostics().empty());
  ASSERT_EQ(2u, e.log_alerts.size());
  EXPECT_EQ(
      "requests | summarize part = countif(toint(resultCode) >= 500), whole = count()"
      " | project value = iff(whole == 0, 0.0, 100.0 * part / whole)",
      e.log_alerts[0].query);
  EXPECT_EQ("requests answered with a 5xx status as a percentage of server requests above 1% on " +
                e.log_alerts[0].watched,
            e.log_alerts[0].description);
}

TEST(LogAlerts, LogOnlyMetricAloneCountsItsRows) {
  driver::CheckResult result;
  estate::Estate e = estate_of(with_alert("      metric = app.server_errors\n"
                                          "      above  = 5\n"),
                               result);
  EXPECT_TRUE(result.sink.diagnostics().empty());
  ASSERT_EQ(2u, e.log_alerts.size());
  EXPECT_EQ("requests | summarize value = countif(toint(resultCode) >= 500)", e.log_alerts[0].query);
}

TEST(LogAlerts, CustomMetricByAggregation) {
  driver::CheckResult result;
  estate::Estate e = estate_of(with_alert("      custom_metric = \"index lag/minutes\"\n"
                                          "      above         = 15\n"),
                               result);
  EXPECT_TRUE(result.sink.diagnostics().empty());
  ASSERT_EQ(2u, e.log_alerts.size());
  EXPECT_EQ("customMetrics | where name == \"index lag/minutes\" | summarize value = max(valueMax)",
            e.log_alerts[0].query);
  e = estate_of(with_alert("      custom_metric = \"lag\"\n"
                           "      aggregation   = average\n"
                           "      below         = 2\n"),
                result);
  EXPECT_EQ(
      "customMetrics | where name == \"lag\" | summarize total = sum(valueSum), n = "
      "sum(valueCount) | project value = iff(n == 0, 0.0, total / n)",
      e.log_alerts[0].query);
  EXPECT_EQ("average of custom metric lag below 2 on " + e.log_alerts[0].watched,
            e.log_alerts[0].description);
}

TEST(LogAlerts, PlainMetricAlertsStayMetricAlerts) {
  driver::CheckResult result;
  estate::Estate e = estate_of(with_alert("      metric = app.response_time\n"
                                          "      above  = 800ms\n"),
                               result);
  EXPECT_TRUE(e.log_alerts.empty());
  EXPECT_EQ(2u, e.alerts.size());
}

TEST(LogAlerts, PercentileOfACount) {
  std::string text = with_alert(
      "      metric     = app.failed_requests\n"
      "      above      = 10\n"
      "      percentile = 95\n");
  EXPECT_EQ(Lines{"M037 12:20 `app.failed_requests` has no per-request value to take a "
                  "percentile of"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ("a percentile watches one of: app.response_time", result.sink.diagnostics()[0].help);
}

// The topology runs no Cosmos DB either, so the alert watches nothing (M040).
TEST(LogAlerts, PercentileOfAPlatformMetricOfAnotherService) {
  EXPECT_EQ((Lines{"M040 10:20 alert `a` watches `cosmos.replication_latency`, a metric of Cosmos "
                   "DB, which the topology does not have: nothing is watched and no alert is "
                   "written",
                   "M037 12:20 `cosmos.replication_latency` has no per-request value to take a "
                   "percentile of"}),
            diagnostics_of(with_alert("      metric     = cosmos.replication_latency\n"
                                      "      above      = 500ms\n"
                                      "      percentile = 99\n")));
}

TEST(LogAlerts, PercentileRange) {
  EXPECT_EQ(Lines{"M011"}, codes_of(with_alert("      metric     = app.response_time\n"
                                               "      above      = 800ms\n"
                                               "      percentile = 100\n")));
}

TEST(LogAlerts, RatioOfAValueMetric) {
  std::string text = with_alert(
      "      metric = app.response_time\n"
      "      per    = app.requests\n"
      "      above  = 1%\n");
  EXPECT_EQ(Lines{"M037 10:16 a ratio divides two request counts; `app.response_time` is not one"},
            diagnostics_of(text));
  EXPECT_EQ("write both as request counts: app.requests, app.failed_requests, app.server_errors",
            check_text(text).sink.diagnostics()[0].help);
  EXPECT_EQ(Lines{"M037 11:16 a ratio divides two request counts; `aks.cpu` is not one"},
            diagnostics_of(with_alert("      metric = app.failed_requests\n"
                                      "      per    = aks.cpu\n"
                                      "      above  = 1%\n")));
  EXPECT_EQ(Lines{"M037 11:16 a ratio divides two request counts; `app.request` is not one"},
            diagnostics_of(with_alert("      metric = app.failed_requests\n"
                                      "      per    = app.request\n"
                                      "      above  = 1%\n")));
}

TEST(LogAlerts, RatioThresholdIsAPercentage) {
  EXPECT_EQ(Lines{"M010 12:16 a ratio's threshold is a percentage: write `1%`"},
            diagnostics_of(with_alert("      metric = app.failed_requests\n"
                                      "      per    = app.requests\n"
                                      "      above  = 1\n")));
  EXPECT_EQ(Lines{"M010 12:16 `5ms` does not fit the ratio `app.failed_requests per "
                  "app.requests`; its threshold is a percentage like 5%"},
            diagnostics_of(with_alert("      metric = app.failed_requests\n"
                                      "      per    = app.requests\n"
                                      "      above  = 5ms\n")));
}

TEST(LogAlerts, PercentileAndRatioTogether) {
  EXPECT_EQ(Lines{"M037 12:20 an alert has a percentile or a ratio, not both"},
            diagnostics_of(with_alert("      metric     = app.response_time\n"
                                      "      percentile = 95\n"
                                      "      per        = app.requests\n"
                                      "      above      = 1%\n")));
}

TEST(LogAlerts, CustomMetricConditions) {
  EXPECT_EQ(Lines{"M037 12:20 custom metric `lag` arrives pre-aggregated, with no values to take "
                  "a percentile of"},
            diagnostics_of(with_alert("      custom_metric = \"lag\"\n"
                                      "      above      = 1\n"
                                      "      percentile = 95\n")));
  EXPECT_EQ(Lines{"M037 11:16 custom metric `lag` has no requests to divide by"},
            diagnostics_of(with_alert("      custom_metric = \"lag\"\n"
                                      "      per    = app.requests\n"
                                      "      above  = 1%\n")));
  EXPECT_EQ(Lines{"M037 12:21 `aggregation` reduces a custom metric; `app.response_time` "
                  "aggregates as the catalogue says"},
            diagnostics_of(with_alert("      metric      = app.response_time\n"
                                      "      above       = 800ms\n"
                                      "      aggregation = average\n")));
  EXPECT_EQ(Lines{"M010 11:23 `15ms` does not fit custom metric `lag`; its threshold is a plain "
                  "number in the metric's own unit"},
            diagnostics_of(with_alert("      custom_metric = \"lag\"\n"
                                      "      above         = 15ms\n")));
}

TEST(LogAlerts, OneMetricOnly) {
  EXPECT_EQ(Lines{"M003 11:7 an alert watches one metric: `metric` or `custom_metric`"},
            diagnostics_of(with_alert("      custom_metric = \"lag\"\n"
                                      "      metric        = app.requests\n"
                                      "      above         = 1\n")));
  EXPECT_EQ(Lines{"M005 9:11 alert `a` needs `metric = ...` or `custom_metric = \"...\"`"},
            diagnostics_of(with_alert("      above = 1\n")));
}

TEST(LogAlerts, CustomMetricName) {
  std::string text = with_alert(
      "      custom_metric = \"lag\\\" | take 1\"\n"
      "      above         = 1\n");
  EXPECT_EQ(Lines{"M038 10:23 custom metric name `lag\" | take 1` is not letters, digits, spaces "
                  "and `_ . - /`"},
            diagnostics_of(text));
  EXPECT_EQ(Lines{"M038 10:23 custom metric name `` is not letters, digits, spaces and `_ . - /`"},
            diagnostics_of(with_alert("      custom_metric = \"\"\n"
                                      "      above         = 1\n")));
}

TEST(LogAlerts, WindowOfTwelveHours) {
  EXPECT_EQ(Lines{"M011 12:16 a log search alert's `window` must be one of 1m, 5m, 15m, 30m, 1h, "
                  "6h, 1d"},
            diagnostics_of(with_alert("      custom_metric = \"lag\"\n"
                                      "      above  = 1\n"
                                      "      window = 12h\n")));
  EXPECT_EQ(Lines{}, diagnostics_of(with_alert("      metric = app.response_time\n"
                                               "      above  = 800ms\n"
                                               "      window = 12h\n")));
}

}  // namespace log_alert_rules_test
}  // namespace topoc::testing
