// S120: `logs_to` sends a region's diagnostic logs (or a Traffic Manager
// profile's) to the Log Analytics workspace of a region, and a boundary's
// `application_insights` keeps its telemetry in one, so that region must run
// `monitoring`.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

// S120 on `to` when it names a declared region without `monitoring` (an
// undeclared one is M004's); `sender` says whose logs, `otherwise` the
// second half of the advice.
void check_target(const model::Topology& t, const model::Sourced<std::string>& to,
                  std::string_view sender, std::string_view otherwise, diag::DiagnosticSink& sink) {
  if (!to.explicit_) return;
  const model::Region* target = t.find_region(to.value);
  if (!target || target->monitoring) return;
  auto& d = sink.report(diag::Kind::LogsToRegionWithoutWorkspace, to.location,
                        fmt::format("{} sends its logs to region `{}`, which runs no "
                                    "`monitoring` and so has no workspace",
                                    sender, target->key));
  d.notes.push_back(
      {target->location_of_block, fmt::format("region `{}` declared here", target->key)});
  d.help = fmt::format("add `monitoring` to the `services` of region `{}`, or {}", target->key,
                       otherwise);
}

}  // namespace

void monitoring_logs_to(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.monitoring) continue;
    check_target(t, region.monitoring->logs_to, fmt::format("region `{}`", region.key),
                 "remove `logs_to` to keep the logs in the region's own workspace", sink);
  }
  for (const model::TrafficManager& tm : t.traffic_managers) {
    check_target(t, tm.logs_to, fmt::format("traffic_manager `{}`", tm.name),
                 "send the logs to a region that runs it", sink);
  }
  for (const model::Boundary& b : t.boundaries) {
    check_target(t, b.application_insights,
                 fmt::format("the Application Insights of boundary `{}`", b.name),
                 "keep it in a region of the boundary that runs it", sink);
  }
}

}  // namespace topoc::rules
