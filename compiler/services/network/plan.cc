// A region's resource group, virtual network, subnets and their security
// groups. The resource group carries the region's own placements: its
// location (R001) and its failover (R002), which every service of the
// region shares.
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/estate/properties.h"
#include "compiler/residency/wordings.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/services/registry.h"

namespace topoc::services::network {
namespace {

using estate::instance;
using estate::Placement;
using estate::PlacementKind;

void plan_region(estate::Estate& e, const model::Region& r) {
  const std::string& b = r.boundary_name.value;
  const std::string& loc = r.location.value;
  const std::string k = instance(r.key);
  estate::Resource& rg =
      estate::add_resource(e, "azurerm_resource_group.region" + k, "azurerm_resource_group",
                           e.names.region(r.key, "rg"), loc, b, "", nullptr, true);
  rg.region = &r;
  rg.source = r.location_of_block;
  if (const model::Boundary* boundary = rules::boundary_of(*e.topology, r)) {
    rg.holders.push_back(static_cast<size_t>(boundary - e.topology->boundaries.data()));
  }
  Placement primary{PlacementKind::kPrimary, {loc}};
  primary.reasons.push_back(
      {r.location.location, fmt::format("region `{}` sets `location = \"{}\"`", r.key, loc)});
  primary.checked = r.location.explicit_;
  primary.wording = residency::region_outside_boundary;
  rg.placements.push_back(std::move(primary));
  if (!r.failover.value.empty()) {
    Placement failover{PlacementKind::kFailover, {r.failover.value}};
    failover.from = loc;
    failover.reasons.push_back(
        {r.failover.location, fmt::format("region `{}` sets `failover = \"{}\"`: its data is "
                                          "replicated there",
                                          r.key, r.failover.value)});
    failover.checked = r.failover.explicit_;
    failover.wording = residency::failover_outside_boundary;
    rg.placements.push_back(std::move(failover));
  }
  if (e.placements_only) return;

  estate::add_regional(
      e, r, "module.network" + k + ".azurerm_virtual_network.this", "azurerm_virtual_network",
      e.names.region(r.key, "vnet"), loc,
      estate::Props().set("address_space",
                          nlohmann::json::array_t{r.address_space.value.to_string()}),
      true);
  for (const model::Subnet& s : r.subnets) {
    std::string sk = instance(s.name);
    estate::add_regional(e, r, "module.network" + k + ".azurerm_subnet.this" + sk, "azurerm_subnet",
                         e.names.region(r.key, "subnet." + s.name), loc,
                         estate::Props().set("address_prefixes",
                                             nlohmann::json::array_t{s.address.value.to_string()}),
                         false)
        .source = s.location;
    estate::add_regional(e, r, "module.network" + k + ".azurerm_network_security_group.this" + sk,
                         "azurerm_network_security_group", e.names.region(r.key, "nsg." + s.name),
                         loc, nullptr, true)
        .source = s.location;
    estate::add_regional(
        e, r, "module.network" + k + ".azurerm_subnet_network_security_group_association.this" + sk,
        "azurerm_subnet_network_security_group_association", "", loc, nullptr, false)
        .source = s.location;
  }
}

}  // namespace

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) plan_region(e, r);
}

}  // namespace topoc::services::network
