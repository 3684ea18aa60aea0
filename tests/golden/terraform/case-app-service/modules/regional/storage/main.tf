# A region's storage account: the source of truth for documents that the
# region's search indexes are built from. The replication type comes from the
# topology; geo-redundant types copy data to the Azure paired region, which
# the residency check has confirmed stays inside the boundary.
#
# Shared keys are off: clients and Terraform reach the data plane with Entra
# ID only (the root's provider sets storage_use_azuread). The provider's
# storage feature data_plane_available = false keeps Terraform on the
# management plane, which is why queue_properties and static_website, the
# two arguments that need the data plane, are never set here.

resource "azurerm_storage_account" "this" {
  name                            = var.name
  location                        = var.location
  resource_group_name             = var.resource_group_name
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = var.replication_type
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  public_network_access_enabled   = false
  shared_access_key_enabled       = false
  default_to_oauth_authentication = true
  tags                            = var.tags

  blob_properties {
    versioning_enabled = true

    delete_retention_policy {
      days = 7
    }

    container_delete_retention_policy {
      days = 7
    }
  }

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

  # Stateful: replacing it loses the data. Terraform takes only a literal
  # here, so topoc writes `false` when the topology sets
  # `prevent_destroy = false` (docs/lifecycle.md).
  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_private_endpoint" "this" {
  name                = var.private_endpoint.name
  location            = var.private_endpoint.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint.subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = var.private_endpoint.name
    private_connection_resource_id = azurerm_storage_account.this.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = var.private_endpoint.private_dns_zone_ids
  }
}

# Read-access geo-redundant accounts (RAGRS, RAGZRS) answer reads in the
# paired region on <name>-secondary.blob.core.windows.net; reaching it
# privately takes an endpoint of its own on the blob_secondary sub-resource,
# registered in the same privatelink.blob.core.windows.net zone.
resource "azurerm_private_endpoint" "secondary" {
  count = var.secondary_private_endpoint_name == null ? 0 : 1

  name                = var.secondary_private_endpoint_name
  location            = var.private_endpoint.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint.subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = var.secondary_private_endpoint_name
    private_connection_resource_id = azurerm_storage_account.this.id
    subresource_names              = ["blob_secondary"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = var.private_endpoint.private_dns_zone_ids
  }
}
