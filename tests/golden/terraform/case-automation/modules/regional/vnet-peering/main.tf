# One direction of a peering between two regional VNets of a boundary (Azure
# peers each side separately; the pair is connected once both exist), and
# the links of the remote region's Private Link zones to this VNet: without
# them names of the remote private endpoints would resolve to public
# addresses here, which peering alone does not change. Zones this region has
# a copy of its own are not linked: a VNet takes one zone of a name only.

resource "azurerm_virtual_network_peering" "this" {
  name                      = var.name
  resource_group_name       = var.resource_group_name
  virtual_network_name      = var.virtual_network_name
  remote_virtual_network_id = var.remote_virtual_network_id

  # Traffic between the two VNets only: neither side routes a third
  # network's traffic or has a gateway to share.
  allow_virtual_network_access = true
  allow_forwarded_traffic      = false
  allow_gateway_transit        = false
  use_remote_gateways          = false

  # A changed remote address space leaves the peering out of sync until the
  # peering is updated; azurerm updates with syncRemoteAddressSpace=true, so
  # any change of this map re-syncs it.
  triggers = {
    remote_address_space = join(",", var.remote_address_space)
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "remote" {
  for_each = toset(var.remote_zones)

  name                  = var.link_name
  resource_group_name   = var.remote_resource_group_name
  private_dns_zone_name = each.value
  virtual_network_id    = var.virtual_network_id
  registration_enabled  = false
  tags                  = var.tags
}
