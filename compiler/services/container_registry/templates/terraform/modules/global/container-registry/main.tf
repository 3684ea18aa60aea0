# An Azure Container Registry in its home region's location, geo-replicated
# to the replica locations, reached only through private endpoints, with
# image pull granted to each AKS cluster's kubelet identity.
#
# Geo-replication, zone redundancy and turning public network access off are
# Premium settings; azurerm refuses them on Basic and Standard at plan time.
# The admin account stays off: clients sign in with Entra ID. azurerm expects
# the `georeplications` blocks sorted by location, never the home location.

resource "azurerm_container_registry" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku                           = var.sku
  admin_enabled                 = false
  public_network_access_enabled = false
  zone_redundancy_enabled       = var.zone_redundancy_enabled
  tags                          = var.tags

  dynamic "georeplications" {
    for_each = var.georeplications
    content {
      location                = georeplications.value.location
      zone_redundancy_enabled = georeplications.value.zone_redundancy_enabled
      tags                    = var.tags
    }
  }

  # Stateful: replacing it loses every image. Terraform takes only a
  # literal here, so topoc writes `false` when the topology sets
  # `prevent_destroy = false` (docs/lifecycle.md).
  lifecycle {
    prevent_destroy = true
  }
}

# One endpoint in each region that reaches the registry, in that region's
# endpoints subnet and resource group, registered in its registry zone (the
# login server and each replica's data endpoint).
resource "azurerm_private_endpoint" "this" {
  for_each = var.private_endpoints

  name                = each.value.name
  location            = each.value.location
  resource_group_name = each.value.resource_group_name
  subnet_id           = var.private_endpoint_subnet_ids[each.key]
  tags                = var.tags

  private_service_connection {
    name                           = each.value.name
    private_connection_resource_id = azurerm_container_registry.this.id
    subresource_names              = ["registry"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [var.private_dns_zone_ids[each.key]]
  }
}

# Each AKS cluster pulls images with its kubelet identity.
resource "azurerm_role_assignment" "acr_pull" {
  for_each = var.pull_principal_ids

  scope                            = azurerm_container_registry.this.id
  role_definition_name             = "AcrPull"
  principal_id                     = each.value
  principal_type                   = "ServicePrincipal"
  skip_service_principal_aad_check = true
}
