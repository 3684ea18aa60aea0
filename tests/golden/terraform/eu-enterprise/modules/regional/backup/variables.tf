variable "name" {
  type        = string
  description = "Name of the Backup vault."
}

variable "location" {
  type        = string
  description = "Azure location of the vault; the server, storage account and cluster it protects are in the same one."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the vault, and the region's storage account."
}

variable "redundancy" {
  type        = string
  description = "Storage redundancy of the vault: LocallyRedundant, ZoneRedundant or GeoRedundant; fixed at creation."
}

variable "cross_region_restore_enabled" {
  type        = bool
  description = "Whether backups can be restored from the copy in the Azure pair at any time; null unless the vault is GeoRedundant."
  default     = null
}

variable "postgres" {
  type = object({
    policy_name       = string
    instance_name     = string
    retention         = string
    server_id         = string
    resource_group_id = string
  })
  description = "Long-term retention of the region's PostgreSQL server: names, ISO 8601 retention, the server and its resource group; null for none."
  default     = null
}

variable "storage" {
  type = object({
    policy_name   = string
    instance_name = string
    retention     = string
    account_id    = string
    containers    = list(string)
  })
  description = "Vaulted backup of the region's storage account: names, ISO 8601 retention, the account and the containers copied (1 to 100); null for none."
  default     = null
}

variable "aks" {
  type = object({
    policy_name                  = string
    instance_name                = string
    retention                    = string
    snapshot_resource_group_name = string
    cluster_id                   = string
    cluster_principal_id         = string
    storage_account_id           = string
    storage_account_name         = string
    storage_blob_endpoint        = string
  })
  description = "Backup of the region's AKS cluster: names, ISO 8601 retention, the snapshot resource group's name, the cluster and its identity, and the storage account (in var.resource_group_name) the backup extension writes to; null for none."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags for the vault."
}
