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

  # Versioning is always on: every overwrite or delete keeps the previous
  # version, which var.version_retention_days, when set, deletes later.
  # The change feed records every blob change; object replication reads it.
  blob_properties {
    versioning_enabled  = true
    change_feed_enabled = var.change_feed_enabled

    delete_retention_policy {
      days = var.soft_delete_days
    }

    container_delete_retention_policy {
      days = var.soft_delete_days
    }
  }

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

  # A customer-managed key wraps the account's encryption key; the account
  # reads it with a user-assigned identity, the only kind Azure accepts when
  # the key is set at creation. Without one, Microsoft-managed keys.
  dynamic "identity" {
    for_each = var.customer_managed_key == null ? [] : [var.customer_managed_key]

    content {
      type         = "UserAssigned"
      identity_ids = [identity.value.user_assigned_identity_id]
    }
  }

  dynamic "customer_managed_key" {
    for_each = var.customer_managed_key == null ? [] : [var.customer_managed_key]

    content {
      key_vault_key_id          = customer_managed_key.value.key_vault_key_id
      user_assigned_identity_id = customer_managed_key.value.user_assigned_identity_id
    }
  }

  # Stateful: replacing it loses the data. Terraform takes only a literal
  # here, so topoc writes `false` when the topology sets
  # `prevent_destroy = false` (docs/lifecycle.md).
  lifecycle {
    prevent_destroy = true
  }
}

# Lifecycle rules move block blobs to cooler tiers and delete them a number
# of days after their last modification; a separate rule deletes previous
# versions a number of days after they were made. An action left null is not
# taken. Azure runs the policy once a day.
resource "azurerm_storage_management_policy" "this" {
  count = length(var.lifecycle_rules) > 0 || var.version_retention_days != null ? 1 : 0

  storage_account_id = azurerm_storage_account.this.id

  dynamic "rule" {
    for_each = var.lifecycle_rules

    content {
      name    = rule.key
      enabled = true

      filters {
        blob_types   = ["blockBlob"]
        prefix_match = rule.value.prefix_match
      }

      actions {
        base_blob {
          tier_to_cool_after_days_since_modification_greater_than    = rule.value.cool_after_days
          tier_to_cold_after_days_since_modification_greater_than    = rule.value.cold_after_days
          tier_to_archive_after_days_since_modification_greater_than = rule.value.archive_after_days
          delete_after_days_since_modification_greater_than          = rule.value.delete_after_days
        }
      }
    }
  }

  dynamic "rule" {
    for_each = var.version_retention_days == null ? [] : [var.version_retention_days]

    content {
      name    = "versions"
      enabled = true

      filters {
        blob_types = ["blockBlob"]
      }

      actions {
        version {
          delete_after_days_since_creation = rule.value
        }
      }
    }
  }
}

# Containers go through the management plane (storage_account_id), which the
# provider's data_plane_available = false requires.
resource "azurerm_storage_container" "this" {
  for_each = var.containers

  name                  = each.key
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

# A time-based retention (WORM) policy: blobs in the container can be read
# but neither changed nor deleted until they are older than the period. It
# stays unlocked unless the topology locks it: a locked policy can never be
# removed or shortened, and neither the container nor the account can be
# deleted while it holds blobs under retention.
resource "azurerm_storage_container_immutability_policy" "this" {
  for_each = { for name, container in var.containers : name => container if container.immutability_days != null }

  storage_container_resource_manager_id = azurerm_storage_container.this[each.key].id
  immutability_period_in_days           = each.value.immutability_days
  locked                                = each.value.locked
}

# The disaster recovery account: locked down like the first, zone-redundant
# or local in its own location, with versioning on as object replication
# requires of a destination. It has no private endpoint: clients read it
# only after a failover adds one.
resource "azurerm_storage_account" "replica" {
  count = var.replica == null ? 0 : 1

  name                            = var.replica.name
  location                        = var.replica.location
  resource_group_name             = var.resource_group_name
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = var.replica.replication_type
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
      days = var.soft_delete_days
    }

    container_delete_retention_policy {
      days = var.soft_delete_days
    }
  }

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_storage_container" "replica" {
  for_each = var.replica == null ? {} : var.containers

  name                  = each.key
  storage_account_id    = azurerm_storage_account.replica[0].id
  container_access_type = "private"
}

# Copies every container, blobs written before the policy included, to the
# container of the same name in the second account. Azure copies
# asynchronously; the destination containers are read-only while the policy
# exists.
resource "azurerm_storage_object_replication" "this" {
  count = var.replica == null ? 0 : 1

  source_storage_account_id      = azurerm_storage_account.this.id
  destination_storage_account_id = azurerm_storage_account.replica[0].id

  dynamic "rules" {
    for_each = var.containers

    content {
      source_container_name      = azurerm_storage_container.this[rules.key].name
      destination_container_name = azurerm_storage_container.replica[rules.key].name
      copy_blobs_created_after   = "Everything"
    }
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
