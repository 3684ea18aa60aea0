// F010: Front Door's origins are the regions' ingresses (an AKS cluster's,
// or a Container App's with `ingress = external`); an `origin` block for a
// region without one sets a weight or priority on nothing, and the split it
// describes never happens.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void frontdoor_origin_has_ingress(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor) return;
  for (const model::FrontDoorOrigin& origin : t.frontdoor->origins) {
    if (origin.api_management()) continue;  // F019
    const model::Region* region = t.find_region(origin.region);
    if (!region || region->serves_ingress()) continue;  // an unknown region is M004
    auto& d = sink.report(diag::Kind::OriginWithoutIngress, origin.location,
                          fmt::format("region `{}` runs no AKS ingress, so Front Door has no "
                                      "origin there to weigh",
                                      origin.region));
    d.notes.push_back(
        {region->location_of_block, fmt::format("region `{}` declared here", origin.region)});
    d.help =
        fmt::format("add `aks` to region `{}`'s services, or a Container App with `ingress = "
                    "external`; or remove this block",
                    origin.region);
  }
}

}  // namespace topoc::rules
