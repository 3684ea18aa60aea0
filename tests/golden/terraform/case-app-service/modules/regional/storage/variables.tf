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
