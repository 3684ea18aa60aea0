// F019: `target = api_management` makes Front Door reach the API
// Management gateway that runs in the origin's region: the region's own
// instance, or an instance elsewhere listing the region in
// `additional_locations`. Without either there is no host to send to.
// F021: Front Door connects to an origin's public address; a gateway
// injected with `virtual_network = internal` has only a private one
// (Microsoft Learn, "Use a virtual network with Azure API Management").
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void frontdoor_origin_has_gateway(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor) return;
  for (const model::FrontDoorOrigin& origin : t.frontdoor->origins) {
    if (!origin.api_management()) continue;
    const model::Region* region = t.find_region(origin.region);
    if (!region) continue;  // unknown region: M004
    if (const model::Region* owner = t.api_management_gateway_owner(*region)) {
      const model::ApiManagement& apim = *owner->api_management;
      if (apim.virtual_network.value != model::ApiManagementNetwork::kInternal) continue;
      auto& d = sink.report(
          diag::Kind::OriginGatewayInternal, origin.target.location,
          fmt::format("Front Door reaches origins over the internet, but the API Management "
                      "gateway in region `{}` has only a private address",
                      origin.region));
      d.notes.push_back({apim.virtual_network.location,
                         fmt::format("the instance of region `{}` is internal here", owner->key)});
      d.help = "write `virtual_network = external`: the gateway keeps its subnet and answers on "
               "a public address too; or write `target = ingress`";
      continue;
    }
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
