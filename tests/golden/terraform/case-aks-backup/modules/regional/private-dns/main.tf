# A region's Private Link DNS zones, one per service the region reaches
# through a private endpoint, linked to the region's VNet. Zones are
# regional rather than shared: private endpoints of one Cosmos DB account in
# two regions register the same host names, which one shared zone could
# only point at one of them. Endpoints add their records through
# private_dns_zone_group.

resource "azurerm_private_dns_zone" "this" {
  for_each = toset(var.zones)

  name                = each.value
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "this" {
  for_each = azurerm_private_dns_zone.this

  name                  = var.link_name
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = each.value.name
  virtual_network_id    = var.virtual_network_id
  registration_enabled  = false
  tags                  = var.tags
}
