// Alerts: the action groups and one metric alert per watched resource.
// Webhook receivers appear by name only: their URLs are secrets the tree
// takes as inputs.
#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::alerts {

using nlohmann::json;

namespace {

json receivers(const model::Sourced<std::string>& email,
               const std::vector<model::Sourced<std::string>>& webhooks) {
  json out = {{"email", email.value.empty() ? json() : json(email.value)}};
  for (const auto& w : webhooks) out["webhooks"].push_back(w.value);
  return out;
}

}  // namespace

void plan(estate::Estate& e) {
  if (e.alerts.empty()) return;
  const model::Topology& t = *e.topology;
  const std::string& rg = e.names.get("global.rg");
  json group = receivers(t.alerts.email, t.alerts.webhooks);
  group["short_name"] = e.names.get("alerts.action_group.short_name");
  estate::add_resource(e, "module.alerts.azurerm_monitor_action_group.this",
                       "azurerm_monitor_action_group", e.names.get("alerts.action_group"), "global",
                       "", rg, group, true)
      .source = t.alerts.location;
  for (const model::ActionGroup& g : t.alerts.groups) {
    const std::string key = "alerts.group." + g.name;
    json named = receivers(g.email, g.webhooks);
    named["short_name"] = e.names.get(key + ".short_name");
    estate::add_resource(
        e, "module.alerts.azurerm_monitor_action_group.named" + estate::instance(g.name),
        "azurerm_monitor_action_group", e.names.get(key), "global", "", rg, named, true)
        .source = g.location;
  }
  for (const estate::AlertInstance& a : e.alerts) {
    json criteria = {{"metric_namespace", a.metric->namespace_},
                     {"metric_name", a.metric->metric},
                     {"aggregation", a.metric->aggregation},
                     {"operator", model::to_string(a.alert->comparison.value)},
                     {"threshold", a.alert->threshold.value}};
    if (!a.metric->dimension.empty()) {
      criteria["dimension"] = {{"name", a.metric->dimension},
                               {"values", {a.metric->dimension_value}}};
    }
    estate::add_resource(
        e, "module.alerts.azurerm_monitor_metric_alert.this" + estate::instance(a.key),
        "azurerm_monitor_metric_alert", a.name, "global", "", a.resource_group,
        {{"severity", a.alert->severity.value},
         {"frequency", estate::iso_duration(a.alert->frequency_seconds.value)},
         {"window_size", estate::iso_duration(a.alert->window_seconds.value)},
         {"criteria", criteria},
         {"action_groups", a.groups},
         {"target", {{"kind", a.target}, {"key", a.target_key}, {"name", a.watched}}}},
        true)
        .source = a.alert->location;
  }
}

}  // namespace topoc::services::alerts
