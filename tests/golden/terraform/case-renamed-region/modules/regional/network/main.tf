# A region's virtual network: one subnet per entry of var.subnets, each with
# its own network security group so rules can differ per tier later without
# moving subnets.

resource "azurerm_virtual_network" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  address_space       = var.address_space
  tags                = var.tags
}

resource "azurerm_subnet" "this" {
  for_each = var.subnets

  name                 = each.value.name
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [each.value.address_prefix]
  service_endpoints    = each.value.service_endpoints

  # "Enabled" makes NSGs and route tables apply to private endpoints too.
  private_endpoint_network_policies = each.value.private_endpoint_network_policies
}

resource "azurerm_network_security_group" "this" {
  for_each = var.subnets

  name                = each.value.network_security_group_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_subnet_network_security_group_association" "this" {
  for_each = var.subnets

  subnet_id                 = azurerm_subnet.this[each.key].id
  network_security_group_id = azurerm_network_security_group.this[each.key].id
}
