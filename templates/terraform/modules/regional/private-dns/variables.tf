variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the zones (the global one)."
}

variable "zones" {
  type        = map(string)
  description = "Zone names keyed by service (cosmos = privatelink.documents.azure.com, ...)."
}

variable "virtual_networks" {
  type = map(object({
    id   = string
    name = string
  }))
  description = "VNets keyed by region; each is linked to every zone under its own name."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
