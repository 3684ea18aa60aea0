// Container registries: each one in its home region's location and
// resource group (primary), geo-replicated to its replica locations
// (replica, R010 when one leaves the home region's boundary), reached through
// a private endpoint in the home region and in every region whose AKS
// cluster pulls from it, and readable by each cluster's kubelet identity
// (AcrPull).
#include <fmt/format.h>

#include <algorithm>

#include "compiler/catalog/region_catalog.h"
#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::container_registry {
namespace {

using estate::ContainerRegistry;

// The registry's replications and the regions that reach it: a private
// endpoint where the region has Private Link DNS, AcrPull where it runs AKS.
ContainerRegistry reached(const estate::Estate& e, const model::Registry& reg,
                          const model::Region& home, const std::string& name) {
  ContainerRegistry out{&reg, &home, name, {}, {}, {}};
  for (const std::string& loc : reg.replica_locations(home)) {
    out.replications.push_back({loc, reg.zone_redundant.value && catalog::has_zones(loc)});
  }
  for (const model::Region& r : e.topology->regions) {
    if (!reg.reached_from(r)) continue;
    if (e.dns_of(r)) out.endpoint_regions.push_back(&r);
    if (r.aks) out.pull_regions.push_back(&r);
  }
  return out;
}

}  // namespace

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
    ContainerRegistry planned = reached(e, reg, *home, name);
    if (!e.placements_only) {
      for (const model::Region* r : planned.endpoint_regions) {
        estate::add_regional(
            e, *r, module + ".azurerm_private_endpoint.this" + estate::instance(r->key),
            "azurerm_private_endpoint", e.names.region(r->key, "pep.registry." + reg.name),
            r->location.value, {{"subresource_names", {"registry"}}}, true)
            .source = reg.location;
      }
      for (const model::Region* r : planned.pull_regions) {
        // Role assignments live at subscription scope, without a location.
        auto& role = estate::add_regional(
            e, *r, module + ".azurerm_role_assignment.acr_pull" + estate::instance(r->key),
            "azurerm_role_assignment", "", "", {{"role_definition_name", "AcrPull"}}, false);
        role.resource_group.clear();
        role.source = reg.location;
        role.depends_on.push_back(registry.key);
      }
    }
    e.registries.push_back(std::move(planned));
  }
}

}  // namespace topoc::services::container_registry
