# A region's API Management instance. Its gateway runs in the region's
# location and, on the Premium tier, in each additional location, with the
# primary's number of units; the management plane and developer portal stay
# in the primary location. Each location's gateway keeps its own response
# cache and rate-limit counters.
#
# Creating the instance, or adding a location, takes 30 to 60 minutes.
# The system-assigned identity is what policies use to reach Key Vault or
# back ends that accept Microsoft Entra ID tokens.

resource "azurerm_api_management" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  publisher_name      = var.publisher_name
  publisher_email     = var.publisher_email
  sku_name            = var.sku_name
  zones               = length(var.zones) > 0 ? var.zones : null
  tags                = var.tags

  # Injected, the gateway of each location runs in a subnet of that
  # location's VNet (azurerm requires one in every additional location once
  # the primary has one). azurerm replaces the instance on any change of the
  # type but the first one away from None, and on any change of the subnet.
  virtual_network_type = var.virtual_network_type

  dynamic "virtual_network_configuration" {
    for_each = var.subnet_id == null ? [] : [var.subnet_id]
    content {
      subnet_id = virtual_network_configuration.value
    }
  }

  identity {
    type = "SystemAssigned"
  }

  dynamic "additional_location" {
    for_each = var.additional_locations
    content {
      location = additional_location.value.location

      dynamic "virtual_network_configuration" {
        for_each = additional_location.value.subnet_id == null ? [] : [additional_location.value.subnet_id]
        content {
          subnet_id = virtual_network_configuration.value
        }
      }
    }
  }
}
