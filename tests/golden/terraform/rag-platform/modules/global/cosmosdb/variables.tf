variable "name" {
  type        = string
  description = "Globally unique account name (3-44 lowercase letters, digits and hyphens)."
}

variable "location" {
  type        = string
  description = "Location of the account resource: the boundary's first region."
}

variable "resource_group_name" {
  type        = string
  description = "The boundary's data resource group."
}

variable "geo_locations" {
  type = list(object({
    location          = string
    failover_priority = number
    zone_redundant    = bool
  }))
  description = "Replica locations, all inside the boundary; priority 0 is the write region of a single-write account."
}

variable "consistency" {
  type = object({
    level                   = string
    max_interval_in_seconds = optional(number)
    max_staleness_prefix    = optional(number)
  })
  description = "Default consistency; the staleness bounds apply to BoundedStaleness only."
}

variable "multiple_write_locations_enabled" {
  type        = bool
  description = "Whether every geo location accepts writes."
}

variable "automatic_failover_enabled" {
  type        = bool
  description = "Whether Cosmos DB promotes the next failover priority when the write region fails."
}

variable "backup" {
  type = object({
    type                = string
    tier                = optional(string)
    interval_in_minutes = optional(number)
    retention_in_hours  = optional(number)
    storage_redundancy  = optional(string)
  })
  description = "Continuous (tier Continuous7Days or Continuous30Days) or Periodic backup; periodic backups set storage_redundancy so copies stay in the boundary."
}

variable "virtual_network_subnet_ids" {
  type        = list(string)
  description = "Subnets allowed by the account's VNet filter (they carry the Microsoft.AzureCosmosDB service endpoint)."
  default     = []
}

variable "database_name" {
  type        = string
  description = "Name of the SQL (NoSQL API) database."
}

variable "containers" {
  type = map(object({
    partition_key_paths = list(string)
    default_ttl         = optional(number)
    max_throughput      = number
    included_paths      = list(string)
    excluded_paths      = list(string)
    conflict_resolution = object({
      mode      = string
      path      = optional(string)
      procedure = optional(string)
    })
  }))
  description = "Containers keyed by name; max_throughput is the autoscale ceiling in RU/s."
}

variable "stored_procedures" {
  type = map(object({
    name = string
    body = string
  }))
  description = "Conflict-merge stored procedures keyed by the container they belong to."
  default     = {}
}

variable "private_endpoints" {
  type = map(object({
    name                = string
    location            = string
    resource_group_name = string
  }))
  description = "Private endpoints keyed by region, one in each region that uses the account."
}

variable "private_endpoint_subnet_ids" {
  type        = map(string)
  description = "The endpoints subnet of each region in var.private_endpoints, keyed by region."
}

variable "private_dns_zone_ids" {
  type        = map(string)
  description = "The privatelink.documents.azure.com zone of each region in var.private_endpoints, keyed by region."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}

variable "diagnostics" {
  type = object({
    name                       = string
    log_analytics_workspace_id = string
  })
  description = "The account's diagnostic setting: its name and the workspace of a region of the account's boundary; null for none."
  default     = null
}
