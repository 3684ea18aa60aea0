#include "compiler/services/alerts/webhook_inputs.h"

namespace topoc::services::alerts {

std::string webhook_param(std::string_view receiver) {
  std::string out = "alertWebhook_";
  for (char c : receiver) out += c == '-' ? '_' : c;
  return out;
}

std::string webhook_variable(std::string_view receiver) {
  std::string out = "TOPOC_ALERT_WEBHOOK_";
  for (char c : receiver) {
    out += c == '-' ? '_' : (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

}  // namespace topoc::services::alerts
