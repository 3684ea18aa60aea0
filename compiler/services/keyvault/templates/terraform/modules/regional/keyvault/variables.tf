variable "name" {
  type        = string
  description = "Name of the key vault."
}

variable "location" {
  type        = string
  description = "Azure location of the key vault."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the key vault and its private endpoint."
}

variable "sku_name" {
  type        = string
  description = "Vault tier: standard or premium (HSM-backed keys)."
}

variable "soft_delete_retention_days" {
  type        = number
  description = "Days a deleted vault and its objects stay recoverable (7 to 90)."
}

variable "purge_protection_enabled" {
  type        = bool
  description = "Whether deleted objects cannot be purged before the retention ends; cannot be turned off once on."
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
