// S120: `logs_to` sends a region's diagnostic logs (or a Traffic Manager
// profile's) to the Log Analytics workspace of a region, so that region must
// run `monitoring`.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void monitoring_logs_to(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.monitoring || !region.monitoring->logs_to.explicit_) continue;
    const model::Sourced<std::string>& to = region.monitoring->logs_to;
    const model::Region* target = t.find_region(to.value);
    if (!target || target->monitoring) continue;  // undeclared: M004
    auto& d = sink.report(diag::Kind::LogsToRegionWithoutWorkspace, to.location,
                          fmt::format("region `{}` sends its logs to region `{}`, which runs no "
                                      "`monitoring` and so has no workspace",
                                      region.key, target->key));
    d.notes.push_back(
        {target->location_of_block, fmt::format("region `{}` declared here", target->key)});
    d.help = fmt::format(
        "add `monitoring` to the `services` of region `{}`, or remove `logs_to` to keep the logs "
        "in the region's own workspace",
        target->key);
  }
  for (const model::TrafficManager& tm : t.traffic_managers) {
    if (!tm.logs_to.explicit_) continue;
    const model::Region* target = t.find_region(tm.logs_to.value);
    if (!target || target->monitoring) continue;  // undeclared: M004
    auto& d = sink.report(diag::Kind::LogsToRegionWithoutWorkspace, tm.logs_to.location,
                          fmt::format("traffic_manager `{}` sends its logs to region `{}`, which "
                                      "runs no `monitoring` and so has no workspace",
                                      tm.name, target->key));
    d.notes.push_back(
        {target->location_of_block, fmt::format("region `{}` declared here", target->key)});
    d.help = fmt::format(
        "add `monitoring` to the `services` of region `{}`, or send the logs to a region that "
        "runs it",
        target->key);
  }
}

}  // namespace topoc::rules
