// F003: a geo route's fallback receives the route's traffic when its origins
// are down; a fallback in another boundary sends that boundary's users, and
// the sessions and data they carry, to origins outside their boundary.
#include <fmt/format.h>

#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void frontdoor_fallback_in_boundary(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor) return;
  for (const model::GeoRoute& route : t.frontdoor->geo_routes) {
    const model::Boundary* target = t.find_boundary(route.boundary_name);
    const model::Boundary* fallback = t.find_boundary(route.fallback.value);
    if (!target || !route.fallback.explicit_ || !fallback || fallback == target) continue;
    auto& d =
        sink.report(diag::Kind::FallbackCrossesBoundary, route.fallback.location,
                    fmt::format("geo route `{}` falls back to boundary `{}`; when its origins "
                                "are down, users of boundary `{}` would be served, and their "
                                "sessions kept, outside it",
                                route.boundary_name, fallback->name, target->name));
    d.notes.push_back(declared_here(*target));
    d.help = fmt::format(
        "fall back within the boundary (`fallback = {}`, its failover regions) or "
        "not at all (`fallback = none`)",
        target->name);
  }
}

}  // namespace topoc::rules
