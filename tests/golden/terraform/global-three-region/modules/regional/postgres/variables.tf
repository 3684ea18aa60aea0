variable "name" {
  type        = string
  description = "Name of the server; also its host name under postgres.database.azure.com."
}

variable "location" {
  type        = string
  description = "Azure location of the server."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the server, its replicas and their private endpoints."
}

variable "sku_name" {
  type        = string
  description = "Compute: tier prefix and VM size, e.g. GP_Standard_D2ds_v5 (replicas take the same)."
}

variable "postgres_version" {
  type        = string
  description = "PostgreSQL major version."
}

variable "storage_mb" {
  type        = number
  description = "Storage size in MiB; Azure only grows it."
}

variable "storage_tier" {
  type        = string
  description = "Disk performance tier (IOPS), e.g. P30; null for Azure's default for the size."
  default     = null
}

variable "auto_grow_enabled" {
  type        = bool
  description = "Whether Azure grows the storage before it fills up."
}

variable "zone" {
  type        = string
  description = "Availability zone of the server; null to let Azure choose."
  default     = null
}

variable "high_availability" {
  type = object({
    mode         = string
    standby_zone = string
  })
  description = "Standby server: mode ZoneRedundant or SameZone and the standby's zone (null to let Azure choose); null for none."
  default     = null
}

variable "backup_retention_days" {
  type        = number
  description = "Days of point-in-time backups, 7 to 35."
}

variable "geo_redundant_backup_enabled" {
  type        = bool
  description = "Whether Azure copies backups to the paired region; fixed when the server is created."
}

variable "replicas" {
  type = map(object({
    name                  = string
    location              = string
    private_endpoint_name = string
  }))
  description = "Read replicas keyed r1, r2, ...: name, location and the name of the private endpoint in this region that reaches it."
  default     = {}
}

variable "virtual_endpoint_name" {
  type        = string
  description = "Name of the virtual endpoint pairing the server with the first replica; null for none."
  default     = null
}

variable "databases" {
  type = map(object({
    charset   = string
    collation = string
  }))
  description = "Databases keyed by name."
  default     = {}
}

variable "configurations" {
  type        = map(string)
  description = "Server parameters set on the server and on each replica, name to value (metrics.collector_database_activity = on for the enhanced metrics an alert watches)."
  default     = {}
}

variable "administrator_name" {
  type        = string
  description = "Display name recorded for the Entra administrator (the principal that deploys)."
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
