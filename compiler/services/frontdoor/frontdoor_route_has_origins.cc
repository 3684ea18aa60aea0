// F004: Front Door's origins are the regions of a boundary; a geo route (or
// `unrouted`) to a boundary without regions sends its countries to an empty
// origin group.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void frontdoor_route_has_origins(const model::Topology& t, diag::DiagnosticSink& sink) {
  // A region whose boundary did not resolve may be the one meant to serve it.
  if (!t.frontdoor || any_region_unresolved(t)) return;
  for (const model::GeoRoute& route : t.frontdoor->geo_routes) {
    const model::Boundary* target = t.find_boundary(route.boundary_name);
    if (!target || !t.regions_in(static_cast<size_t>(target - t.boundaries.data())).empty())
      continue;
    auto& d =
        sink.report(diag::Kind::RouteToEmptyBoundary, route.location,
                    fmt::format("geo route `{}` sends requests to boundary `{}`, which has no "
                                "region to serve them",
                                route.boundary_name, target->name));
    d.notes.push_back(declared_here(*target));
    d.help =
        fmt::format("declare a region with `boundary = {}`, or remove this route", target->name);
  }
  const model::FrontDoor& fd = *t.frontdoor;
  if (fd.unrouted.value.empty() || fd.denies_unrouted()) return;
  const model::Boundary* target = t.find_boundary(fd.unrouted.value);
  if (!target) return;
  // Front Door reaches a region through its AKS ingress or an externally
  // reachable Container App (estate OriginGroup).
  auto regions = t.regions_in(static_cast<size_t>(target - t.boundaries.data()));
  if (std::any_of(regions.begin(), regions.end(),
                  [&](const model::Region* r) { return t.serves_frontdoor(*r); }))
    return;
  auto& d = sink.report(diag::Kind::RouteToEmptyBoundary, fd.unrouted.location,
                        fmt::format("`unrouted` sends requests to boundary `{}`, which has no "
                                    "region with an ingress (`aks`) to serve them",
                                    target->name));
  d.notes.push_back(declared_here(*target));
  d.help = fmt::format("declare a region with `boundary = {}`, or write `unrouted = deny`",
                       target->name);
}

}  // namespace topoc::rules
