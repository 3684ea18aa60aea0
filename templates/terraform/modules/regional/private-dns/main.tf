# The Private Link DNS zones of every service that has a private endpoint,
# each linked to every regional VNet, so a name like
# <account>.documents.azure.com resolves to the private endpoint from any
# region. Endpoints register their records through private_dns_zone_group.

locals {
  links = {
    for pair in setproduct(keys(var.zones), keys(var.virtual_networks)) :
    "${pair[0]}/${pair[1]}" => { zone = pair[0], network = pair[1] }
  }
}

resource "azurerm_private_dns_zone" "this" {
  for_each = var.zones

  name                = each.value
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "this" {
  for_each = local.links

  name                  = var.virtual_networks[each.value.network].name
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = azurerm_private_dns_zone.this[each.value.zone].name
  virtual_network_id    = var.virtual_networks[each.value.network].id
  registration_enabled  = false
  tags                  = var.tags
}
