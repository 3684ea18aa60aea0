// A region's Private Link DNS zones, each linked to the region's VNet only.
#include "compiler/estate/add_resource.h"
#include "compiler/estate/properties.h"
#include "compiler/services/registry.h"

namespace topoc::services::private_dns {

void plan(estate::Estate& e) {
  for (const estate::RegionDns& dns : e.dns) {
    const model::Region& r = *dns.region;
    const std::string k = estate::instance(r.key);
    for (const std::string& zone : dns.zones) {
      const std::string zk = estate::instance(zone);
      estate::add_regional(e, r, "module.private_dns" + k + ".azurerm_private_dns_zone.this" + zk,
                           "azurerm_private_dns_zone", zone, "global", nullptr, true);
      estate::add_regional(
          e, r,
          "module.private_dns" + k + ".azurerm_private_dns_zone_virtual_network_link.this" + zk,
          "azurerm_private_dns_zone_virtual_network_link", dns.link_name, "global",
          estate::Props()
              .set("private_dns_zone_name", zone)
              .set("virtual_network", e.names.region(r.key, "vnet"))
              .set("registration_enabled", false),
          true);
    }
  }
}

}  // namespace topoc::services::private_dns
