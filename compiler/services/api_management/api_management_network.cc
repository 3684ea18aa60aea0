// S135-S136: API Management injected into a virtual network. Microsoft
// Learn, "Use a virtual network with Azure API Management": injection is
// offered on the classic Developer and Premium tiers only. "Network resource
// requirements for API Management injection into a virtual network": the
// subnet holds the five addresses Azure reserves, two a unit (one on
// Developer) and, in internal mode, one for the load balancer. topoc carves
// a subnet `apim` that fits; one the topology declares must fit too. Every
// region declares an address space (M005), so each location the gateway runs
// in has a VNet.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

void check_tier(const model::Region& region, const model::ApiManagement& apim,
                diag::DiagnosticSink& sink) {
  if (apim.tier.value == model::ApiManagementTier::kDeveloper ||
      apim.tier.value == model::ApiManagementTier::kPremium) {
    return;
  }
  sink.report(diag::Kind::ApiManagementNetworkTier, apim.virtual_network.location,
              fmt::format("API Management in region `{}` is `{}`; only Developer and Premium "
                          "can be injected into a virtual network",
                          region.key, model::to_string(apim.tier.value)))
      .help = "write `sku = Premium` (or `Developer`, which has no SLA), or remove "
              "`virtual_network`";
}

}  // namespace

void api_management_network(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (region.api_management && region.api_management->injected()) {
      check_tier(region, *region.api_management, sink);
    }
    const model::ApiManagement* apim = t.api_management_injected_in(region);
    if (!apim) continue;
    const model::Region& owner = *t.api_management_gateway_owner(region);
    for (const model::Subnet& s : region.subnets) {
      if (s.name != "apim" || s.address.value.prefix == 0) continue;  // unreadable: reported
      const int64_t needed = apim->subnet_addresses();
      if (static_cast<int64_t>(s.address.value.size()) >= needed) continue;
      auto& d = sink.report(
          diag::Kind::ApiManagementSubnetTooSmall, s.address.location,
          fmt::format("subnet `apim` of region `{}` is a /{} ({} addresses), but the API "
                      "Management gateway of region `{}` needs {}: five Azure reserves, {} for "
                      "its {} unit(s){}",
                      region.key, s.address.value.prefix, s.address.value.size(), owner.key,
                      needed,
                      needed - 5 - (apim->virtual_network.value ==
                                            model::ApiManagementNetwork::kInternal
                                        ? 1
                                        : 0),
                      apim->capacity.value,
                      apim->virtual_network.value == model::ApiManagementNetwork::kInternal
                          ? " and one for the internal load balancer"
                          : ""));
      d.notes.push_back({apim->capacity.explicit_ ? apim->capacity.location : apim->location,
                         "the instance's units"});
      d.help = "give the subnet a larger block, or leave it out and topoc carves one that fits";
    }
  }
}

}  // namespace topoc::rules
