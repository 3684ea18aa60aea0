// The queries read the classic Application Insights schema, which a rule
// scoped to the component sees (Learn, "Application Insights telemetry data
// model"): `requests` (duration in milliseconds, success, resultCode as text)
// and `customMetrics` (one row per pre-aggregated batch: valueSum,
// valueCount, valueMin, valueMax). A window with no requests answers 0 for a
// ratio rather than dividing by zero.
#include "compiler/services/alerts/log_query.h"

#include <fmt/format.h>

#include <string_view>
#include <utility>

#include "compiler/catalog/metric_catalog.h"

namespace topoc::services::alerts {
namespace {

// A count metric's KQL aggregate over `requests`.
std::string count_of(const catalog::MetricInfo& m) {
  return m.log_count_if == "true" ? std::string("count()")
                                  : fmt::format("countif({})", m.log_count_if);
}

std::string custom_query(const model::Alert& a) {
  // valid_custom_metric_name (build_alerts.cc) keeps `"` and `\` out of the name.
  const std::string filter =
      fmt::format("customMetrics | where name == \"{}\"", a.custom_metric.value);
  switch (a.aggregation.value) {
    case model::CustomAggregation::kMaximum:
      return filter + " | summarize value = max(valueMax)";
    case model::CustomAggregation::kMinimum:
      return filter + " | summarize value = min(valueMin)";
    case model::CustomAggregation::kTotal:
      return filter + " | summarize value = sum(valueSum)";
    case model::CustomAggregation::kAverage:
      return filter +
             " | summarize total = sum(valueSum), n = sum(valueCount)"
             " | project value = iff(n == 0, 0.0, total / n)";
  }
  return filter;
}

}  // namespace

std::string log_query(const model::Alert& a) {
  if (!a.custom_metric.value.empty()) return custom_query(a);
  const catalog::MetricInfo& m = *catalog::find_metric(a.metric.value);
  if (a.per.explicit_) {
    const catalog::MetricInfo& d = *catalog::find_metric(a.per.value);
    return fmt::format(
        "requests | summarize part = {}, whole = {}"
        " | project value = iff(whole == 0, 0.0, 100.0 * part / whole)",
        count_of(m), count_of(d));
  }
  if (a.percentile.explicit_) {
    return fmt::format("requests | summarize value = percentile({}, {})", m.log_column,
                       a.percentile.value);
  }
  if (!m.log_column.empty()) return fmt::format("requests | summarize value = avg({})", m.log_column);
  return fmt::format("requests | summarize value = {}", count_of(m));
}

namespace {

// What the query measures, and the unit its threshold is in.
std::pair<std::string, std::string_view> measured(const model::Alert& a) {
  if (!a.custom_metric.value.empty()) {
    return {fmt::format("{} of custom metric {}", model::to_string(a.aggregation.value),
                        a.custom_metric.value),
            ""};
  }
  const catalog::MetricInfo& m = *catalog::find_metric(a.metric.value);
  if (a.per.explicit_) {
    return {fmt::format("{} as a percentage of {}", m.description,
                        catalog::find_metric(a.per.value)->description),
            "%"};
  }
  std::string_view unit = m.unit == catalog::MetricUnit::kMilliseconds ? " ms"
                          : m.unit == catalog::MetricUnit::kSeconds    ? " s"
                          : m.unit == catalog::MetricUnit::kPercent    ? "%"
                                                                       : "";
  if (a.percentile.explicit_) return {fmt::format("P{} {}", a.percentile.value, m.description), unit};
  return {std::string(m.description), unit};
}

}  // namespace

const char* comparison_words(model::Comparison c) {
  switch (c) {
    case model::Comparison::kGreaterThan:
      return "above";
    case model::Comparison::kGreaterOrEqual:
      return "at or above";
    case model::Comparison::kLessThan:
      return "below";
    case model::Comparison::kLessOrEqual:
      return "at or below";
  }
  return "above";
}

std::string app_insights_scope_key(const model::Region& region) {
  return "app_insights/" + region.key;
}

std::string log_description(const model::Alert& a, std::string_view watched) {
  auto [what, unit] = measured(a);
  return fmt::format("{} {} {}{} on {}", what, comparison_words(a.comparison.value),
                     a.threshold.value, unit, watched);
}

}  // namespace topoc::services::alerts
