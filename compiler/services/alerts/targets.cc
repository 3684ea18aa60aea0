#include "compiler/services/alerts/targets.h"

#include <algorithm>

namespace topoc::services::alerts {

using catalog::MetricTarget;
using model::Service;

bool target_exists(const model::Topology& t, MetricTarget target) {
  auto any_region = [&](Service s) {
    return std::any_of(t.regions.begin(), t.regions.end(),
                       [&](const model::Region& r) { return r.has(s); });
  };
  switch (target) {
    case MetricTarget::kCosmos:
      return t.cosmos.has_value();
    case MetricTarget::kFrontDoor:
      return t.frontdoor.has_value();
    case MetricTarget::kAks:
      return any_region(Service::kAks);
    case MetricTarget::kOpenAI:
      return any_region(Service::kOpenAI);
    case MetricTarget::kAppInsights:
      return any_region(Service::kMonitoring);
    case MetricTarget::kRedis:
      return any_region(Service::kRedis);
    case MetricTarget::kSearch:
      return any_region(Service::kAiSearch);
    case MetricTarget::kPostgres:
      return any_region(Service::kPostgres);
  }
  return false;
}

const char* target_noun(MetricTarget target) {
  switch (target) {
    case MetricTarget::kCosmos:
      return "Cosmos DB";
    case MetricTarget::kFrontDoor:
      return "Front Door";
    case MetricTarget::kAks:
      return "AKS";
    case MetricTarget::kOpenAI:
      return "Azure OpenAI";
    case MetricTarget::kAppInsights:
      return "Application Insights";
    case MetricTarget::kRedis:
      return "Azure Cache for Redis";
    case MetricTarget::kSearch:
      return "AI Search";
    case MetricTarget::kPostgres:
      return "PostgreSQL";
  }
  return "";
}

const char* target_fix(MetricTarget target) {
  switch (target) {
    case MetricTarget::kCosmos:
      return "declare a `cosmos { ... }` block";
    case MetricTarget::kFrontDoor:
      return "declare a `frontdoor { ... }` block";
    case MetricTarget::kAks:
      return "add `aks` to a region's `services`";
    case MetricTarget::kOpenAI:
      return "add `openai` to a region's `services`";
    case MetricTarget::kAppInsights:
      return "add `monitoring` to a region's `services`";
    case MetricTarget::kRedis:
      // `redis` alone runs Azure Managed Redis, which the `redis.*` metrics
      // are not published for.
      return "run Azure Cache for Redis in a region (`redis { sku = premium }`, or `standard` or "
             "`basic`)";
    case MetricTarget::kSearch:
      return "add `search` to a region's `services`";
    case MetricTarget::kPostgres:
      return "add `postgres` to a region's `services`";
  }
  return "";
}

}  // namespace topoc::services::alerts
