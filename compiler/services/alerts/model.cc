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
