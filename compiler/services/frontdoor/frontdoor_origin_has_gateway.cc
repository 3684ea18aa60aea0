// F019: `target = api_management` makes Front Door reach the API
// Management gateway that runs in the origin's region: the region's own
// instance, or an instance elsewhere listing the region in
// `additional_locations`. Without either there is no host to send to.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void frontdoor_origin_has_gateway(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor) return;
  for (const model::FrontDoorOrigin& origin : t.frontdoor->origins) {
    if (!origin.api_management()) continue;
    const model::Region* region = t.find_region(origin.region);
    if (!region || t.api_management_gateway_owner(*region)) continue;  // unknown region: M004
    auto& d = sink.report(diag::Kind::OriginWithoutGateway, origin.target.location,
                          fmt::format("region `{}` runs no API Management gateway for Front Door "
                                      "to reach",
                                      origin.region));
    d.notes.push_back(
        {region->location_of_block, fmt::format("region `{}` declared here", origin.region)});
    d.help = fmt::format(
        "add an `api_management` block to region `{0}`, or list `{0}` in the "
        "`additional_locations` of a Premium instance; or write `target = ingress`",
        origin.region);
  }
}

}  // namespace topoc::rules
