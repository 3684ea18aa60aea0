#include "compiler/services/alerts/activity_text.h"

#include <fmt/format.h>

namespace topoc::services::alerts {

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace

std::string activity_description(const estate::ActivityAlertInstance& a) {
  switch (a.alert->event.value) {
    case model::ActivityEvent::kCosmosFailover:
      return "Cosmos DB failover priority changed (a manual failover)";
    case model::ActivityEvent::kPostgresFailover:
      return "PostgreSQL flexible server restarted, with or without failover to its standby";
    case model::ActivityEvent::kResourceHealth:
      return "A resource of the subscription became degraded or unavailable";
    case model::ActivityEvent::kServiceHealth:
      break;
  }
  return fmt::format("Service Health events ({}) in {}", joined(a.events),
                     a.regions.empty() ? std::string("any region") : joined(a.regions));
}

}  // namespace topoc::services::alerts
