variable "name" {
  type        = string
  description = "Name of the namespace; also its host name under servicebus.windows.net."
}

variable "location" {
  type        = string
  description = "Azure location of the namespace."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the namespace, its partner and their private endpoints."
}

variable "capacity" {
  type        = number
  description = "Premium messaging units: 1, 2, 4, 8 or 16, a multiple of the partitions."
}

variable "partitions" {
  type        = number
  description = "Partitions: 1, 2 or 4; fixed when the namespace is created."
}

variable "trusted_services_allowed" {
  type        = bool
  description = "Whether trusted Microsoft services (Event Grid delivering blob events) may pass the closed public endpoint."
  default     = false
}

variable "topics" {
  type = map(object({
    default_message_ttl        = string
    auto_delete_on_idle        = string
    duplicate_detection_window = string
    partitioning_enabled       = bool
    max_size_in_megabytes      = number
  }))
  description = "Topics keyed by name; ISO 8601 durations, null for Azure's default (never expire, never delete, no duplicate detection)."
  default     = {}
}

variable "subscriptions" {
  type = map(object({
    topic                                = string
    name                                 = string
    max_delivery_count                   = number
    default_message_ttl                  = string
    auto_delete_on_idle                  = string
    dead_lettering_on_message_expiration = bool
    sql_filter                           = string
  }))
  description = "Subscriptions keyed topic/name; sql_filter null for a subscription that receives every message."
  default     = {}
}

variable "geo_dr" {
  type = object({
    name                  = string
    location              = string
    capacity              = number
    partitions            = number
    alias                 = string
    private_endpoint_name = string
  })
  description = "Geo-disaster recovery partner: its name, location, messaging units and partitions, the pairing's alias and the name of the partner's private endpoint in this region; null for none."
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
