#include "compiler/catalog/metric_catalog.h"

namespace topoc::catalog {
namespace {

using enum MetricTarget;
using enum MetricUnit;

// Metric names are Azure Monitor's platform metrics for each resource type.
// Time grains: Learn, "Supported metrics for Microsoft.DocumentDB/
// DatabaseAccounts" gives ServiceAvailability at PT1H only, ReplicationLatency
// and NormalizedRUConsumption from PT1M; the others are taken at the one
// minute every alert window allows.
// Application Insights: the standard metrics requests/count, requests/failed
// and requests/duration (Learn, "Application Insights standard metrics");
// their log source is the classic `requests` table (success, resultCode,
// duration in milliseconds) that a log search alert scoped to the component
// queries. A 5xx count has no standard metric, only its rows.
// PostgreSQL flexible server: Learn, "Supported metrics for
// Microsoft.DBforPostgreSQL/flexibleServers" (storage_percent, Percent, at
// PT1M; longest_query_time_sec, Seconds, Maximum, at PT1M) and "Monitoring
// and metrics in Azure Database for PostgreSQL" (the oldest query is an
// enhanced metric, published only while the dynamic server parameter
// metrics.collector_database_activity is on).
constexpr MetricInfo kMetrics[] = {
    {"cosmos.replication_latency", kCosmos, "Microsoft.DocumentDB/databaseAccounts",
     "ReplicationLatency", "Maximum", kMilliseconds, "", "", "P99 replication latency between regions"},
    {"cosmos.normalized_ru", kCosmos, "Microsoft.DocumentDB/databaseAccounts",
     "NormalizedRUConsumption", "Maximum", kPercent, "", "", "normalized RU consumption"},
    {"cosmos.availability", kCosmos, "Microsoft.DocumentDB/databaseAccounts",
     "ServiceAvailability", "Average", kPercent, "", "", "account request availability", 3600},
    {"frontdoor.origin_health", kFrontDoor, "Microsoft.Cdn/profiles", "OriginHealthPercentage",
     "Average", kPercent, "", "", "share of successful origin health probes"},
    {"frontdoor.5xx_rate", kFrontDoor, "Microsoft.Cdn/profiles", "Percentage5XX", "Average",
     kPercent, "", "", "share of requests answered with a 5xx status"},
    {"frontdoor.latency", kFrontDoor, "Microsoft.Cdn/profiles", "TotalLatency", "Average",
     kMilliseconds, "", "", "end-to-end request latency at the edge"},
    {"aks.ready_nodes", kAks, "Microsoft.ContainerService/managedClusters",
     "kube_node_status_condition", "Average", kCount, "status2", "Ready", "nodes reporting Ready"},
    {"aks.cpu", kAks, "Microsoft.ContainerService/managedClusters", "node_cpu_usage_percentage",
     "Average", kPercent, "", "", "node CPU usage"},
    {"openai.throttled_requests", kOpenAI, "Microsoft.CognitiveServices/accounts",
     "AzureOpenAIRequests", "Total", kCount, "StatusCode", "429",
     "requests rejected with HTTP 429 (rate limited)"},
    {"openai.latency", kOpenAI, "Microsoft.CognitiveServices/accounts", "AzureOpenAITimeToResponse",
     "Average", kMilliseconds, "", "", "time to first response token"},
    {"app.requests", kAppInsights, "microsoft.insights/components", "requests/count", "Count",
     kCount, "", "", "server requests", 60, "", "true"},
    {"app.failed_requests", kAppInsights, "microsoft.insights/components", "requests/failed",
     "Count", kCount, "", "", "failed requests", 60, "", "success == false"},
    {"app.server_errors", kAppInsights, "microsoft.insights/components", "", "", kCount, "", "",
     "requests answered with a 5xx status", 60, "", "toint(resultCode) >= 500"},
    {"app.response_time", kAppInsights, "microsoft.insights/components", "requests/duration",
     "Average", kMilliseconds, "", "", "server response time", 60, "duration"},
    {"redis.server_load", kRedis, "Microsoft.Cache/redis", "serverLoad", "Maximum", kPercent, "",
     "", "Redis server load"},
    {"postgres.storage", kPostgres, "Microsoft.DBforPostgreSQL/flexibleServers",
     "storage_percent", "Maximum", kPercent, "", "", "share of the server's storage in use"},
    {"postgres.oldest_query", kPostgres, "Microsoft.DBforPostgreSQL/flexibleServers",
     "longest_query_time_sec", "Maximum", kSeconds, "", "", "age of the oldest running query", 60,
     "", "", "metrics.collector_database_activity"},
    {"search.latency", kSearch, "Microsoft.Search/searchServices", "SearchLatency", "Average",
     kMilliseconds, "", "", "search query latency"},
    {"search.throttled_queries", kSearch, "Microsoft.Search/searchServices",
     "ThrottledSearchQueriesPercentage", "Average", kPercent, "", "",
     "share of search queries throttled"},
};

}  // namespace

std::span<const MetricInfo> all_metrics() { return kMetrics; }

const MetricInfo* find_metric(std::string_view key) {
  for (const MetricInfo& m : kMetrics) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

}  // namespace topoc::catalog
