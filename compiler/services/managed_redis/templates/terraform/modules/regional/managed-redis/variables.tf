variable "name" {
  type        = string
  description = "Name of the Managed Redis instance."
}

variable "location" {
  type        = string
  description = "Azure location of the instance."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the instance and its private endpoint."
}

variable "sku_name" {
  type        = string
  description = "Tier and size, such as Balanced_B3, ComputeOptimized_X5, MemoryOptimized_M10 or FlashOptimized_A250."

  validation {
    condition     = can(regex("^(Balanced_B|ComputeOptimized_X|MemoryOptimized_M|FlashOptimized_A)[0-9]+$", var.sku_name))
    error_message = "The sku_name must be an Azure Managed Redis SKU such as Balanced_B3."
  }
}

variable "high_availability_enabled" {
  type        = bool
  description = "Whether the instance runs a replica node beside its primary (zone-redundant where the region has zones)."
  default     = true
}

variable "geo_replication_group_name" {
  type        = string
  description = "Active geo-replication group the database belongs to; null for none."
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

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
