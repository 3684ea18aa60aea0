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

// The subnet Front Door's back end reaches a region in: AKS's `ingress`, or
// else the subnet of the first environment with VNet integration, a public
// endpoint and an app with `ingress = external`; empty for none.
inline std::string frontdoor_backend_subnet(const model::Region& r) {
  if (r.aks) return kFrontDoorBackendSubnet;
  if (!r.container_apps) return "";
  for (const model::ContainerAppEnvironment& env : r.container_apps->environments) {
    if (!env.vnet_integration.value || env.internal.value) continue;
    for (const model::ContainerApp& app : env.apps) {
      if (app.ingress.value == model::ContainerAppIngress::kExternal) return env.subnet_name();
    }
  }
  return "";
}

// Whether subnet `name` of region `r` holds a Container Apps environment
// whose apps take ingress from the internet: its network security group
// then admits HTTP and HTTPS from `Internet`, which no default rule does.
// A Front Door origin region admits Front Door's back end instead.
inline bool public_ingress_subnet(const model::Region& r, std::string_view name, bool origin) {
  if (!r.container_apps || (origin && frontdoor_backend_subnet(r) == name)) return false;
  for (const model::ContainerAppEnvironment& env : r.container_apps->environments) {
    if (env.subnet_name() != name || !env.vnet_integration.value || env.internal.value) continue;
    for (const model::ContainerApp& app : env.apps) {
      if (app.ingress.value == model::ContainerAppIngress::kExternal) return true;
    }
  }
  return false;
}

// Only Premium profiles can reach an origin through Private Link; a Standard
// profile always comes over the origin's public address.
inline bool frontdoor_private_link_possible(const model::FrontDoor& fd) {
  return fd.sku.value == "Premium_AzureFrontDoor";
}

}  // namespace topoc::emit
