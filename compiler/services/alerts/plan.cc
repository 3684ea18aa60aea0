// Alerts: the action group and one metric alert per watched resource.
#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::alerts {

using nlohmann::json;

void plan(estate::Estate& e) {
  if (e.alerts.empty()) return;
  const model::Topology& t = *e.topology;
  const std::string& rg = e.names.get("global.rg");
  estate::add_resource(
      e, "module.alerts.azurerm_monitor_action_group.this", "azurerm_monitor_action_group",
      e.names.get("alerts.action_group"), "global", "", rg,
      {{"short_name", e.names.get("alerts.action_group.short_name")},
       {"email", t.alerts.email.value.empty() ? json() : json(t.alerts.email.value)}},
      true)
      .source = t.alerts.location;
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
         {"target", {{"kind", a.target}, {"key", a.target_key}, {"name", a.watched}}}},
        true)
        .source = a.alert->location;
  }
}

}  // namespace topoc::services::alerts
