// Container registries: each one in its home region's location and
// resource group (primary), geo-replicated to its replica locations
// (replica, R010 when one leaves the home region's boundary), reached through
// a private endpoint in the home region and in every region whose AKS
// cluster pulls from it, and readable by each cluster's kubelet identity
// (AcrPull).
#include <fmt/format.h>

#include <algorithm>

#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::container_registry {

void plan(estate::Estate& e) {
  const model::Topology& t = *e.topology;
  for (const model::Registry& reg : t.registries) {
    const model::Region* home = reg.home.value.empty() ? nullptr : t.find_region(reg.home.value);
    if (!home) continue;
    const std::string module = "module.container_registry" + estate::instance(reg.name);
    const std::string& name = e.names.get("registry." + reg.name);
    auto& registry = estate::add_regional(e, *home, module + ".azurerm_container_registry.this",
                                          "azurerm_container_registry", name, home->location.value,
                                          {{"sku", model::to_string(reg.sku.value)},
                                           {"admin_enabled", false},
                                           {"public_network_access_enabled", false},
                                           {"zone_redundancy_enabled", reg.zone_redundant.value},
                                           // Compared by location (compiler/drift/attributes.cc).
                                           {"georeplications", reg.replica_locations(*home)}},
                                          true);
    registry.source = reg.location;
    registry.placements.push_back(estate::follows_region(*home, "the container registry"));
    for (const auto& replica : reg.replicas) {
      // Each location once, where it was first listed.
      if (replica.value == home->location.value) continue;
      auto first = std::find_if(reg.replicas.begin(), reg.replicas.end(),
                                [&](const auto& r) { return r.value == replica.value; });
      if (&*first != &replica) continue;
      estate::Placement p{estate::PlacementKind::kReplica, {replica.value}};
      p.from = home->location.value;
      p.reasons.push_back(
          {replica.location,
           fmt::format("registry `{}` lists `{}` in `replicas`: Azure keeps a full copy of "
                       "every image and artifact of `{}` there",
                       reg.name, replica.value, name)});
      registry.placements.push_back(std::move(p));
    }
    if (e.placements_only) continue;
    for (const model::Region& r : t.regions) {
      if (!reg.reached_from(r)) continue;
      if (e.dns_of(r)) {
        estate::add_regional(
            e, r, module + ".azurerm_private_endpoint.this" + estate::instance(r.key),
            "azurerm_private_endpoint", e.names.region(r.key, "pep.registry." + reg.name),
            r.location.value, {{"subresource_names", {"registry"}}}, true)
            .source = reg.location;
      }
      if (!r.aks) continue;
      // Role assignments live at subscription scope, without a location.
      auto& role = estate::add_regional(
          e, r, module + ".azurerm_role_assignment.acr_pull" + estate::instance(r.key),
          "azurerm_role_assignment", "", "", {{"role_definition_name", "AcrPull"}}, false);
      role.resource_group.clear();
      role.source = reg.location;
      role.depends_on.push_back(registry.key);
    }
  }
}

}  // namespace topoc::services::container_registry
