// Both directions of each peering between a boundary's regional VNets, and
// the links of the remote region's Private Link zones to the local VNet.
// Peering moves no data by itself: it is the path between regions of one
// boundary (rule N006 keeps it there), so it declares no placement.
#include "compiler/estate/add_resource.h"
#include "compiler/estate/properties.h"
#include "compiler/services/registry.h"

namespace topoc::services::vnet_peering {

void plan(estate::Estate& e) {
  for (const estate::VnetPeering& p : e.peerings) {
    const model::Region& local = *p.local;
    const std::string module = "module.vnet_peering" + estate::instance(p.key);
    estate::add_regional(e, local, module + ".azurerm_virtual_network_peering.this",
                         "azurerm_virtual_network_peering", p.name, local.location.value,
                         estate::Props()
                             .set("virtual_network", e.names.region(local.key, "vnet"))
                             .set("remote_virtual_network", e.names.region(p.remote->key, "vnet"))
                             .set("allow_virtual_network_access", true)
                             .set("allow_forwarded_traffic", false)
                             .set("allow_gateway_transit", false)
                             .set("use_remote_gateways", false),
                         false);
    for (const std::string& zone : p.remote_zones) {
      estate::add_regional(
          e, *p.remote,
          module + ".azurerm_private_dns_zone_virtual_network_link.remote" + estate::instance(zone),
          "azurerm_private_dns_zone_virtual_network_link", p.link_name, "global",
          estate::Props()
              .set("private_dns_zone_name", zone)
              .set("virtual_network", e.names.region(local.key, "vnet"))
              .set("registration_enabled", false),
          true);
    }
  }
}

}  // namespace topoc::services::vnet_peering
