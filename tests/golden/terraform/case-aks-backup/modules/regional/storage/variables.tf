variable "name" {
  type        = string
  description = "Name of the storage account."
}

variable "location" {
  type        = string
  description = "Azure location of the storage account."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the storage account and its private endpoint."
}

variable "replication_type" {
  type        = string
  description = "Account replication: LRS, ZRS, GRS, RAGRS, GZRS or RAGZRS."

  validation {
    condition     = contains(["LRS", "ZRS", "GRS", "RAGRS", "GZRS", "RAGZRS"], var.replication_type)
    error_message = "The replication_type must be LRS, ZRS, GRS, RAGRS, GZRS or RAGZRS."
  }
}

variable "soft_delete_days" {
  type        = number
  description = "Days deleted blobs and containers can be restored: 1 to 365."
  default     = 7

  validation {
    condition     = var.soft_delete_days >= 1 && var.soft_delete_days <= 365
    error_message = "The soft_delete_days must be from 1 to 365."
  }
}

variable "change_feed_enabled" {
  type        = bool
  description = "Whether the account keeps a change feed: object replication reads it, for the replica account and for a Backup vault's vaulted backup."
  default     = false
}

variable "version_retention_days" {
  type        = number
  description = "Days after which a previous blob version is deleted; null keeps previous versions."
  default     = null
}

variable "lifecycle_rules" {
  type = map(object({
    prefix_match       = optional(list(string))
    cool_after_days    = optional(number)
    cold_after_days    = optional(number)
    archive_after_days = optional(number)
    delete_after_days  = optional(number)
  }))
  description = "Lifecycle rules by name: block blobs whose names start with a prefix (container name first) move to the cool, cold and archive tiers and are deleted the given number of days after their last modification."
  default     = {}
}

variable "containers" {
  type = map(object({
    immutability_days = optional(number)
    locked            = optional(bool, false)
  }))
  description = "Blob containers by name, each with an optional time-based retention policy in days, locked or not."
  default     = {}
}

variable "replica" {
  type = object({
    name             = string
    location         = string
    replication_type = string
  })
  description = "The second account every container is copied to by object replication, in another location; null for none."
  default     = null
}

variable "customer_managed_key" {
  type = object({
    key_vault_key_id          = string
    user_assigned_identity_id = string
  })
  description = "The account's customer-managed key: its versionless Key Vault URI and the user-assigned identity that may use it; null for Microsoft-managed keys."
  default     = null
}

variable "private_endpoint" {
  type = object({
    name                 = string
    location             = string
    subnet_id            = string
    private_dns_zone_ids = list(string)
  })
  description = "Private endpoint in the region's endpoints subnet (location = the VNet's), registered in the service's private DNS zones."
}

variable "secondary_private_endpoint_name" {
  type        = string
  description = "Private endpoint for the secondary blob endpoint of a read-access geo-redundant account (RAGRS, RAGZRS), beside the primary one; null for other replication types."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
