// What the network security group of a region's `apim` subnet admits, in
// both backends: the subnet an API Management gateway is injected into
// (Microsoft Learn, "Virtual network configuration reference: API
// Management").
#pragma once

#include <algorithm>
#include <optional>
#include <string>

#include "compiler/model/topology.h"

namespace topoc::emit {

inline constexpr const char* kApiManagementSubnet = "apim";

struct ApiManagementInbound {
  // The service tag the gateway's clients come from: AzureFrontDoor.Backend
  // when Front Door reaches this gateway as an origin (then nothing else
  // can call it directly), else Internet; empty for an internal gateway,
  // whose clients are in the VNets the default rules admit.
  std::string clients;
  // A multi-region external instance's gateway URL is routed by Traffic
  // Manager, which probes every location; Internet already admits it.
  bool traffic_manager = false;
};

// Whether some region's instance is injected: only then do the regions'
// networks carry `apim` subnets for the emitters to reference.
inline bool any_api_management_injected(const model::Topology& t) {
  return std::any_of(t.regions.begin(), t.regions.end(), [](const model::Region& r) {
    return r.api_management && r.api_management->injected();
  });
}

// The inbound of region `r`'s `apim` subnet, if `r` has one.
inline std::optional<ApiManagementInbound> api_management_inbound(const model::Topology& t,
                                                                  const model::Region& r) {
  const model::ApiManagement* apim = t.api_management_injected_in(r);
  if (!apim) return std::nullopt;
  ApiManagementInbound in;
  if (apim->virtual_network.value == model::ApiManagementNetwork::kInternal) return in;
  const model::FrontDoorOrigin* origin = t.frontdoor ? t.frontdoor->find_origin(r.key) : nullptr;
  in.clients = origin && origin->api_management() ? "AzureFrontDoor.Backend" : "Internet";
  in.traffic_manager = !apim->additional_locations.empty() && in.clients != "Internet";
  return in;
}

}  // namespace topoc::emit
