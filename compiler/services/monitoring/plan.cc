// A region's Log Analytics workspace and Application Insights: the sink of
// the region's logs and telemetry, in the region's own location. A
// boundary's shared Application Insights lives beside them in the region
// its `application_insights` names.
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/services/monitoring/log_sink.h"
#include "compiler/services/registry.h"

namespace topoc::services::monitoring {
namespace {

void report_boundary_insights(const estate::Breach& b, diag::DiagnosticSink& sink) {
  report_log_sink(
      b, sink,
      fmt::format("the telemetry of boundary `{}`'s applications lands", b.resource->boundary),
      "application_insights");
}

// One component for the applications of every region of boundary `b`, on
// the workspace of its host region: a `log sink` placement in the host's
// location, holding the boundary's tenants' telemetry (R013 outside it).
void plan_boundary_insights(estate::Estate& e, const model::Boundary& b) {
  if (!b.application_insights.explicit_) return;
  const model::Region* host = e.topology->find_region(b.application_insights.value);
  if (!host || !host->monitoring) return;  // M004, S120
  const std::string& name = e.names.get("boundary." + b.name + ".appi");
  auto& appi =
      estate::add_regional(e, *host,
                           "module.monitoring" + estate::instance(host->key) +
                               ".azurerm_application_insights.boundary" + estate::instance(b.name),
                           "azurerm_application_insights", name, host->location.value,
                           {{"application_type", "web"}}, true);
  appi.source = b.application_insights.location;
  appi.boundary = b.name;
  appi.holders = {static_cast<size_t>(&b - e.topology->boundaries.data())};
  estate::Placement telemetry;
  telemetry.kind = estate::PlacementKind::kLogSink;
  telemetry.locations = {host->location.value};
  telemetry.reasons.push_back(
      {b.application_insights.location,
       fmt::format("telemetry sent to Application Insights `{}` lands in {} because `boundary "
                   "\"{}\"` sets `application_insights = {}`",
                   name, host->location.value, b.name, host->key)});
  telemetry.reasons.push_back(
      {host->location.location,
       fmt::format("region `{}` keeps its workspace in `{}`", host->key, host->location.value)});
  telemetry.wording = &report_boundary_insights;
  appi.placements.push_back(std::move(telemetry));
}

}  // namespace

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
  for (const model::Boundary& b : e.topology->boundaries) plan_boundary_insights(e, b);
}

}  // namespace topoc::services::monitoring
