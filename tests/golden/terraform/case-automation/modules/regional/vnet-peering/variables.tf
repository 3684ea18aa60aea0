variable "name" {
  type        = string
  description = "Name of the peering under the local VNet."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the local VNet."
}

variable "virtual_network_name" {
  type        = string
  description = "Name of the local VNet."
}

variable "virtual_network_id" {
  type        = string
  description = "Resource ID of the local VNet, linked to the remote zones."
}

variable "remote_virtual_network_id" {
  type        = string
  description = "Resource ID of the VNet peered with."
}

variable "remote_address_space" {
  type        = list(string)
  description = "Address space of the VNet peered with; a change re-syncs the peering."
}

variable "remote_resource_group_name" {
  type        = string
  description = "Resource group of the remote region, which holds its Private Link zones."
}

variable "remote_zones" {
  type        = list(string)
  description = "Private Link zones of the remote region to link to the local VNet."
}

variable "link_name" {
  type        = string
  description = "Name of the local VNet's link in each remote zone."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
