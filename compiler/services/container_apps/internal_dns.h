// Internal Container Apps environments answer on a private address only,
// under a default domain Azure chooses; the apps resolve only through a
// private DNS zone of that name, mapped to the environment's static IP and
// linked to the VNets that call them (Microsoft Learn, "Provide a virtual
// network to an internal Azure Container Apps environment"). Both backends
// and the planner write that zone for each environment these select.
#pragma once

#include <algorithm>
#include <vector>

#include "compiler/estate/estate.h"
#include "compiler/model/topology.h"

namespace topoc::services::container_apps {

inline bool internal_environment(const model::ContainerAppEnvironment& env) {
  return env.internal.value && env.vnet_integration.value;  // without a VNet: S075
}

inline bool has_internal_environment(const model::Region& r) {
  return r.container_apps && std::any_of(r.container_apps->environments.begin(),
                                         r.container_apps->environments.end(),
                                         internal_environment);
}

inline bool any_internal_environment(const model::Topology& t) {
  return std::any_of(t.regions.begin(), t.regions.end(), has_internal_environment);
}

// The regions whose VNets an internal environment of `r` is linked to: `r`
// and each region peered with it, in the estate's peering order.
inline std::vector<const model::Region*> dns_regions(const estate::Estate& e,
                                                     const model::Region& r) {
  std::vector<const model::Region*> out{&r};
  for (const estate::VnetPeering& p : e.peerings) {
    if (p.local == &r) out.push_back(p.remote);
  }
  return out;
}

}  // namespace topoc::services::container_apps
