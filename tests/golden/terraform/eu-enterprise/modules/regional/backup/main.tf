# A region's Azure Backup vault (a Data Protection backup vault), the
# long-term retention of the region's PostgreSQL flexible server, the
# vaulted backup of the region's storage account and the backup of the
# region's AKS cluster.
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

# The backup of the AKS cluster, in the operational tier: every day at 02:00
# UTC the cluster's backup extension writes its Kubernetes resources to a
# container of the region's storage account, and Azure Backup snapshots its
# disks into a resource group of their own; both stay in the region and are
# kept for the retention the topology sets.
resource "azurerm_resource_group" "aks_snapshots" {
  count = var.aks == null ? 0 : 1

  name     = var.aks.snapshot_resource_group_name
  location = var.location
  tags     = var.tags
}

# Used by the extension alone: it must share the container with nothing.
resource "azurerm_storage_container" "aks_backup" {
  count = var.aks == null ? 0 : 1

  name                  = "aks-backup"
  storage_account_id    = var.aks.storage_account_id
  container_access_type = "private"
}

data "azurerm_client_config" "current" {
  count = var.aks == null ? 0 : 1
}

# The account takes no shared keys, so the extension signs in with its own
# identity (useAAD), which holds Storage Blob Data Contributor on it.
resource "azurerm_kubernetes_cluster_extension" "aks_backup" {
  count = var.aks == null ? 0 : 1

  name           = "azure-aks-backup"
  cluster_id     = var.aks.cluster_id
  extension_type = "microsoft.dataprotection.kubernetes"
  release_train  = "stable"

  configuration_settings = {
    "configuration.backupStorageLocation.bucket"                   = azurerm_storage_container.aks_backup[0].name
    "configuration.backupStorageLocation.config.storageAccount"    = var.aks.storage_account_name
    "configuration.backupStorageLocation.config.resourceGroup"     = var.resource_group_name
    "configuration.backupStorageLocation.config.subscriptionId"    = data.azurerm_client_config.current[0].subscription_id
    "configuration.backupStorageLocation.config.useAAD"            = "true"
    "configuration.backupStorageLocation.config.storageAccountURI" = var.aks.storage_blob_endpoint
    "credentials.tenantId"                                         = data.azurerm_client_config.current[0].tenant_id
  }
}

resource "azurerm_role_assignment" "aks_extension_storage" {
  count = var.aks == null ? 0 : 1

  scope                = var.aks.storage_account_id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_kubernetes_cluster_extension.aks_backup[0].aks_assigned_identity[0].principal_id
}

# The vault operates the cluster's backups through trusted access.
resource "azurerm_kubernetes_cluster_trusted_access_role_binding" "aks_backup" {
  count = var.aks == null ? 0 : 1

  name                  = "backup-vault"
  kubernetes_cluster_id = var.aks.cluster_id
  source_resource_id    = azurerm_data_protection_backup_vault.this.id
  roles                 = ["Microsoft.DataProtection/backupVaults/backup-operator"]
}

# The vault reads the cluster and the snapshots; the cluster's identity
# writes the snapshots.
resource "azurerm_role_assignment" "aks_vault_cluster" {
  count = var.aks == null ? 0 : 1

  scope                = var.aks.cluster_id
  role_definition_name = "Reader"
  principal_id         = azurerm_data_protection_backup_vault.this.identity[0].principal_id
}

resource "azurerm_role_assignment" "aks_vault_snapshots" {
  count = var.aks == null ? 0 : 1

  scope                = azurerm_resource_group.aks_snapshots[0].id
  role_definition_name = "Reader"
  principal_id         = azurerm_data_protection_backup_vault.this.identity[0].principal_id
}

resource "azurerm_role_assignment" "aks_cluster_snapshots" {
  count = var.aks == null ? 0 : 1

  scope                = azurerm_resource_group.aks_snapshots[0].id
  role_definition_name = "Contributor"
  principal_id         = var.aks.cluster_principal_id
}

resource "azurerm_data_protection_backup_policy_kubernetes_cluster" "this" {
  count = var.aks == null ? 0 : 1

  name                            = var.aks.policy_name
  resource_group_name             = var.resource_group_name
  vault_name                      = azurerm_data_protection_backup_vault.this.name
  backup_repeating_time_intervals = ["R/2025-01-05T02:00:00+00:00/P1D"]

  default_retention_rule {
    life_cycle {
      duration        = var.aks.retention
      data_store_type = "OperationalStore"
    }
  }
}

# Cluster-scoped resources and the disks' volumes too, in every namespace
# but the ones Azure Backup always skips (kube-system, kube-node-lease,
# kube-public).
resource "azurerm_data_protection_backup_instance_kubernetes_cluster" "this" {
  count = var.aks == null ? 0 : 1

  name                         = var.aks.instance_name
  location                     = var.location
  vault_id                     = azurerm_data_protection_backup_vault.this.id
  kubernetes_cluster_id        = var.aks.cluster_id
  snapshot_resource_group_name = azurerm_resource_group.aks_snapshots[0].name
  backup_policy_id             = azurerm_data_protection_backup_policy_kubernetes_cluster.this[0].id

  backup_datasource_parameters {
    cluster_scoped_resources_enabled = true
    volume_snapshot_enabled          = true
  }

  depends_on = [
    azurerm_kubernetes_cluster_extension.aks_backup,
    azurerm_kubernetes_cluster_trusted_access_role_binding.aks_backup,
    azurerm_role_assignment.aks_extension_storage,
    azurerm_role_assignment.aks_vault_cluster,
    azurerm_role_assignment.aks_vault_snapshots,
    azurerm_role_assignment.aks_cluster_snapshots,
  ]
}
