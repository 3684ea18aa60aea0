// A region's Log Analytics workspace and Application Insights: the sink of
// the region's logs and telemetry, in the region's own location.
#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::monitoring {

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.monitoring) continue;
    const std::string k = estate::instance(r.key);
    auto& log = estate::add_regional(
        e, r, "module.monitoring" + k + ".azurerm_log_analytics_workspace.this",
        "azurerm_log_analytics_workspace", e.names.region(r.key, "log"), r.location.value,
        {{"sku", "PerGB2018"}, {"retention_in_days", r.monitoring->retention_days.value}}, true);
    log.source = r.monitoring->location;
    estate::Placement sink = estate::follows_region(r, "the log workspace");
    sink.kind = estate::PlacementKind::kLogSink;
    log.placements.push_back(std::move(sink));
    auto& appi =
        estate::add_regional(e, r, "module.monitoring" + k + ".azurerm_application_insights.this",
                             "azurerm_application_insights", e.names.region(r.key, "appi"),
                             r.location.value, {{"application_type", "web"}}, true);
    appi.source = r.monitoring->location;
    estate::Placement telemetry = estate::follows_region(r, "Application Insights");
    telemetry.kind = estate::PlacementKind::kLogSink;
    appi.placements.push_back(std::move(telemetry));
  }
}

}  // namespace topoc::services::monitoring
