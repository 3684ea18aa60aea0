// R012 for a cached Front Door route: the edge locations are Front Door's,
// worldwide, so no location setting fixes it; the route either stops
// caching or is declared to serve non-personal content only.
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/residency/wordings.h"
#include "compiler/rules/residency_facts.h"

namespace topoc::residency {
namespace {

// The route's label in the topology: its resource key ends in `["<label>"]`.
std::string route_label(const estate::Resource& route, const model::Topology& t) {
  for (const model::FrontDoorRoute& r : t.frontdoor->routes) {
    const std::string suffix = estate::instance(r.name);
    if (route.key.size() >= suffix.size() &&
        route.key.compare(route.key.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return r.name;
    }
  }
  return route.name;
}

}  // namespace

void frontdoor_route_cache_outside(const estate::Breach& b, diag::DiagnosticSink& sink) {
  const estate::Resource& route = *b.resource;
  const estate::Placement& p = *b.placement;
  const model::Boundary& boundary = *b.boundary;
  auto& d = sink.report(
      diag::Kind::EdgeCacheOutsideBoundary, p.reasons.front().at,
      fmt::format("route `{}` caches responses at every Front Door edge location, outside "
                  "boundary `{}`; tenant data it serves would be copied there",
                  route_label(route, *b.topology), boundary.name));
  for (size_t i = 1; i < p.reasons.size(); ++i)
    d.notes.push_back({p.reasons[i].at, p.reasons[i].text});
  d.notes.push_back(rules::declared_here(boundary));
  d.help =
      "remove the route's `cache` block, or write `data = non-personal` on a route that serves "
      "only public content (static assets)";
}

}  // namespace topoc::residency
