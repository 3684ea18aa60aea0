variable "name" {
  type        = string
  description = "Name of the cache."
}

variable "location" {
  type        = string
  description = "Azure location of the cache."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the cache and its private endpoint."
}

variable "sku_name" {
  type        = string
  description = "Cache tier: Basic, Standard or Premium."

  validation {
    condition     = contains(["Basic", "Standard", "Premium"], var.sku_name)
    error_message = "The sku_name must be Basic, Standard or Premium."
  }
}

variable "capacity" {
  type        = number
  description = "Cache size within the tier's family (C0-C6 for Basic and Standard, P1-P5 for Premium)."
}

variable "shard_count" {
  type        = number
  description = "Shards of a clustered Premium cache (1 to 10), also those of its geo-replica; null for an unclustered cache."
  default     = null

  validation {
    condition     = var.shard_count == null ? true : var.shard_count >= 1 && var.shard_count <= 10
    error_message = "A clustered cache has 1 to 10 shards."
  }
}

variable "zones" {
  type        = list(string)
  description = "Availability zones of a Premium cache; ignored for other tiers and for geo-replicated caches."
  default     = []
}

variable "persistence" {
  type = object({
    kind             = string
    rdb_frequency    = number
    account_name     = string
    replication_type = string
  })
  description = "Persistence of a Premium cache: kind rdb (snapshots every rdb_frequency minutes) or aof, and the storage account in the cache's location it writes to; null for none."
  default     = null

  validation {
    condition     = var.persistence == null ? true : contains(["rdb", "aof"], var.persistence.kind)
    error_message = "Persistence is rdb or aof."
  }

  validation {
    condition     = var.persistence == null ? true : contains([15, 30, 60, 360, 720, 1440], var.persistence.rdb_frequency)
    error_message = "An RDB snapshot is written every 15, 30, 60, 360, 720 or 1440 minutes."
  }
}

variable "geo_replica" {
  type = object({
    name                      = string
    location                  = string
    private_endpoint_name     = string
    private_endpoint_location = string
    endpoint_region           = string
  })
  description = "Linked geo-replica in another location of the boundary (Premium only), with its private endpoint's name, location and region key; null for none."
  default     = null
}

variable "geo_replica_subnet_id" {
  type        = string
  description = "Endpoints subnet of the region the replica's private endpoint is in; null without a replica."
  default     = null
}

variable "geo_replica_private_dns_zone_ids" {
  type        = list(string)
  description = "Private DNS zones (of the same region) the replica's private endpoint registers in."
  default     = []
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
