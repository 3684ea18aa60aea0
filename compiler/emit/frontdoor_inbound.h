// The inbound security rule both backends add to a region's `ingress` subnet
// when Front Door may reach that region without Private Link: traffic then
// arrives from Front Door's back-end addresses, published as the service tag
// AzureFrontDoor.Backend, which the default NSG rules do not admit (Microsoft
// Learn, "Secure traffic to Azure Front Door origins").
#pragma once

#include <string>

#include "compiler/model/topology.h"

namespace topoc::emit {

inline constexpr const char* kFrontDoorBackendSubnet = "ingress";
inline constexpr const char* kFrontDoorBackendServiceTag = "AzureFrontDoor.Backend";
inline constexpr const char* kFrontDoorBackendRuleName = "allow-frontdoor-backend";
// The lowest (first evaluated) priority an NSG rule can have; topoc writes no
// other rule, so nothing can deny the traffic before this one admits it.
inline constexpr int kFrontDoorBackendPriority = 100;

// Origins speak the protocol of the health probe (HttpsOnly or HttpOnly
// forwarding), on the origin's https_port 443 or http_port 80.
inline std::string frontdoor_backend_port(const model::FrontDoor& fd) {
  return fd.probe_protocol.value == "Http" ? "80" : "443";
}

// Only Premium profiles can reach an origin through Private Link; a Standard
// profile always comes over the origin's public address.
inline bool frontdoor_private_link_possible(const model::FrontDoor& fd) {
  return fd.sku.value == "Premium_AzureFrontDoor";
}

}  // namespace topoc::emit
