// T007: a nested endpoint counts as up only while at least
// `min_child_endpoints` endpoints of its child profile are (azurerm
// minimum_child_endpoints; Learn, "Nested Traffic Manager profiles"). Asking
// for more than the child has enabled keeps it down for good.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void traffic_manager_nested_children(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::TrafficManager& tm : t.traffic_managers) {
    for (const model::TmEndpoint& ep : tm.endpoints) {
      if (ep.kind != model::TmEndpointKind::kNested) continue;
      const model::TrafficManager* child = t.find_traffic_manager(ep.profile.value);
      if (!child) continue;
      int64_t enabled = 0;
      for (const model::TmEndpoint& c : child->endpoints) enabled += c.enabled.value ? 1 : 0;
      if (ep.min_child_endpoints.value <= enabled) continue;
      auto& d = sink.report(
          diag::Kind::TmNestedTooFewChildren,
          ep.min_child_endpoints.explicit_ ? ep.min_child_endpoints.location : ep.location,
          fmt::format("endpoint `{}` needs {} healthy endpoints of traffic_manager `{}`, which "
                      "has {} enabled; it would never be served",
                      ep.name, ep.min_child_endpoints.value, child->name, enabled));
      d.notes.push_back(
          {child->location, fmt::format("traffic_manager `{}` declared here", child->name)});
      d.help = fmt::format("lower `min_child_endpoints` to at most {}", enabled);
    }
  }
}

}  // namespace topoc::rules
