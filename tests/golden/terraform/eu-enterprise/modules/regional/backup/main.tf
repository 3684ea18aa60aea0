# A region's Azure Backup vault (a Data Protection backup vault), the
# long-term retention of the region's PostgreSQL flexible server and the
# vaulted backup of the region's storage account.
#
# `redundancy` has no default in azurerm and is fixed when the vault is
# created. A geo-redundant vault copies its backups to the Azure pair of its
# location, which the residency check has confirmed stays inside the
# boundary; cross-region restore makes that copy restorable at any time and
# cannot be turned off again. azurerm refuses `cross_region_restore_enabled`,
# even false, on a vault that is not geo-redundant, so it is null there.

resource "azurerm_data_protection_backup_vault" "this" {
  name                         = var.name
  location                     = var.location
  resource_group_name          = var.resource_group_name
  datastore_type               = "VaultStore"
  redundancy                   = var.redundancy
  cross_region_restore_enabled = var.cross_region_restore_enabled
  soft_delete                  = "On"
  tags                         = var.tags

  identity {
    type = "SystemAssigned"
  }

  # Stateful: replacing it loses the backups. Terraform takes only a literal
  # here, so topoc writes `false` when the topology sets
  # `prevent_destroy = false` (docs/lifecycle.md).
  lifecycle {
    prevent_destroy = true
  }
}

# A weekly full backup of the server, Sundays at 02:00 UTC, kept in the
# vault for the retention the topology sets.
resource "azurerm_data_protection_backup_policy_postgresql_flexible_server" "this" {
  count = var.postgres == null ? 0 : 1

  name                            = var.postgres.policy_name
  vault_id                        = azurerm_data_protection_backup_vault.this.id
  backup_repeating_time_intervals = ["R/2025-01-05T02:00:00+00:00/P1W"]

  default_retention_rule {
    life_cycle {
      duration        = var.postgres.retention
      data_store_type = "VaultStore"
    }
  }
}

# The vault's identity reads the server's resource group and takes the
# server's backups (Azure Backup's permissions for PostgreSQL flexible
# server).
resource "azurerm_role_assignment" "reader" {
  count = var.postgres == null ? 0 : 1

  scope                = var.postgres.resource_group_id
  role_definition_name = "Reader"
  principal_id         = azurerm_data_protection_backup_vault.this.identity[0].principal_id
}

resource "azurerm_role_assignment" "long_term_retention" {
  count = var.postgres == null ? 0 : 1

  scope                = var.postgres.server_id
  role_definition_name = "PostgreSQL Flexible Server Long Term Retention Backup Role"
  principal_id         = azurerm_data_protection_backup_vault.this.identity[0].principal_id
}

resource "azurerm_data_protection_backup_instance_postgresql_flexible_server" "this" {
  count = var.postgres == null ? 0 : 1

  name             = var.postgres.instance_name
  location         = var.location
  vault_id         = azurerm_data_protection_backup_vault.this.id
  server_id        = var.postgres.server_id
  backup_policy_id = azurerm_data_protection_backup_policy_postgresql_flexible_server.this[0].id

  depends_on = [
    azurerm_role_assignment.reader,
    azurerm_role_assignment.long_term_retention,
  ]
}

# A daily backup of the storage account's containers, at 02:00 UTC, kept in
# the vault for the retention the topology sets. Azure copies the blobs into
# the vault with an object replication policy it adds to the account, which
# therefore keeps its change feed on.
resource "azurerm_data_protection_backup_policy_blob_storage" "this" {
  count = var.storage == null ? 0 : 1

  name                             = var.storage.policy_name
  vault_id                         = azurerm_data_protection_backup_vault.this.id
  backup_repeating_time_intervals  = ["R/2025-01-05T02:00:00+00:00/P1D"]
  vault_default_retention_duration = var.storage.retention
}

# The vault's identity takes and restores the account's backups (Azure
# Backup's permissions for Azure Blobs).
resource "azurerm_role_assignment" "storage_account_backup_contributor" {
  count = var.storage == null ? 0 : 1

  scope                = var.storage.account_id
  role_definition_name = "Storage Account Backup Contributor"
  principal_id         = azurerm_data_protection_backup_vault.this.identity[0].principal_id
}

resource "azurerm_data_protection_backup_instance_blob_storage" "this" {
  count = var.storage == null ? 0 : 1

  name                            = var.storage.instance_name
  location                        = var.location
  vault_id                        = azurerm_data_protection_backup_vault.this.id
  storage_account_id              = var.storage.account_id
  backup_policy_id                = azurerm_data_protection_backup_policy_blob_storage.this[0].id
  storage_account_container_names = var.storage.containers

  depends_on = [
    azurerm_role_assignment.storage_account_backup_contributor,
  ]
}
