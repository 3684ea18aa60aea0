// Azure Monitor metrics that topology alerts may name, with the resource
// they are scoped to and how they aggregate.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace topoc::catalog {

enum class MetricTarget {
  kCosmos,
  kFrontDoor,
  kAks,
  kOpenAI,
  kAppInsights,
  kRedis,
  kSearch,
  kPostgres,
};
enum class MetricUnit { kMilliseconds, kSeconds, kPercent, kCount };

struct MetricInfo {
  std::string_view key;        // DSL name: cosmos.replication_latency
  MetricTarget target;
  std::string_view namespace_;  // Microsoft.DocumentDB/databaseAccounts
  std::string_view metric;      // ReplicationLatency
  std::string_view aggregation;  // Average, Maximum, Minimum, Total, Count
  MetricUnit unit;
  std::string_view dimension;        // optional dimension filter name
  std::string_view dimension_value;  // and its value
  std::string_view description;
  // The shortest time grain Azure Monitor publishes the metric at; an alert
  // window shorter than it has no data point to evaluate.
  int64_t min_grain_seconds = 60;
  // Its source in Application Insights' `requests` table, which log search
  // alerts query (percentile and ratio conditions): the column a value
  // metric reads, or the condition a count metric counts. Both empty for a
  // metric with no log source.
  std::string_view log_column;
  std::string_view log_count_if;
  // A server parameter Azure publishes the metric under only when it is
  // `on` (PostgreSQL's enhanced metrics); empty when always published. A
  // server an alert watches gets the parameter set.
  std::string_view server_parameter;
};

// A metric with no platform metric exists only in the logs: only a log
// search alert can watch it.
inline bool log_only(const MetricInfo& m) { return m.metric.empty(); }

std::span<const MetricInfo> all_metrics();
const MetricInfo* find_metric(std::string_view key);

}  // namespace topoc::catalog
