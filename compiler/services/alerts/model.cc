#include "compiler/services/alerts/model.h"

namespace topoc::model {

const char* to_string(WebhookKind kind) {
  switch (kind) {
    case WebhookKind::kWebhook:
      return "webhook";
    case WebhookKind::kTeams:
      return "teams";
    case WebhookKind::kPagerDuty:
      return "pagerduty";
  }
  return "webhook";
}

const char* url_description(WebhookKind kind) {
  switch (kind) {
    case WebhookKind::kWebhook:
      return "a webhook URL";
    case WebhookKind::kTeams:
      return "a Microsoft Teams incoming-webhook URL";
    case WebhookKind::kPagerDuty:
      return "a PagerDuty Events API v2 integration URL";
  }
  return "a webhook URL";
}

const char* to_string(CustomAggregation a) {
  switch (a) {
    case CustomAggregation::kMaximum:
      return "maximum";
    case CustomAggregation::kMinimum:
      return "minimum";
    case CustomAggregation::kAverage:
      return "average";
    case CustomAggregation::kTotal:
      return "total";
  }
  return "maximum";
}

const char* to_string(Comparison c) {
  switch (c) {
    case Comparison::kGreaterThan:
      return "GreaterThan";
    case Comparison::kGreaterOrEqual:
      return "GreaterThanOrEqual";
    case Comparison::kLessThan:
      return "LessThan";
    case Comparison::kLessOrEqual:
      return "LessThanOrEqual";
  }
  return "";
}

}  // namespace topoc::model

namespace topoc::model {

const char* to_string(ActivityEvent event) {
  switch (event) {
    case ActivityEvent::kServiceHealth:
      return "service_health";
    case ActivityEvent::kResourceHealth:
      return "resource_health";
    case ActivityEvent::kCosmosFailover:
      return "cosmos_failover";
    case ActivityEvent::kPostgresFailover:
      return "postgres_failover";
  }
  return "service_health";
}

const char* to_string(HealthEvent event) {
  switch (event) {
    case HealthEvent::kIncident:
      return "incident";
    case HealthEvent::kMaintenance:
      return "maintenance";
    case HealthEvent::kInformational:
      return "informational";
    case HealthEvent::kActionRequired:
      return "action_required";
    case HealthEvent::kSecurity:
      return "security";
  }
  return "incident";
}

const char* azure_name(HealthEvent event) {
  switch (event) {
    case HealthEvent::kIncident:
      return "Incident";
    case HealthEvent::kMaintenance:
      return "Maintenance";
    case HealthEvent::kInformational:
      return "Informational";
    case HealthEvent::kActionRequired:
      return "ActionRequired";
    case HealthEvent::kSecurity:
      return "Security";
  }
  return "Incident";
}

}  // namespace topoc::model
