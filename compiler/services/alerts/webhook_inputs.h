// Where the generated tree takes each webhook receiver's URL from. The URL
// carries a credential, so it is never written into the tree: Terraform
// reads it from the sensitive variable `alert_webhook_urls` (an attribute
// per receiver), the Bicep parameter file from an environment variable into
// a @secure() parameter. Receiver names are lowercase letters, digits and
// `-` (rule M030), so each mapping below is one-to-one.
#pragma once

#include <string>
#include <string_view>

namespace topoc::services::alerts {

// The main.bicep parameter: `alertWebhook_on_call` for receiver `on-call`.
std::string webhook_param(std::string_view receiver);

// The environment variable the parameter file reads: `TOPOC_ALERT_WEBHOOK_ON_CALL`.
std::string webhook_variable(std::string_view receiver);

}  // namespace topoc::services::alerts
