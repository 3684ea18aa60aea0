variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the zones (the region's)."
}

variable "zones" {
  type        = list(string)
  description = "Private Link zone names, such as privatelink.documents.azure.com."
}

variable "virtual_network_id" {
  type        = string
  description = "The region's VNet, linked to every zone."
}

variable "link_name" {
  type        = string
  description = "Name of the VNet link in each zone."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
