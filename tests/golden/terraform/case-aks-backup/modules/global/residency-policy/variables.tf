variable "boundary" {
  type        = string
  description = "Name of the residency boundary, shown in display names."
}

variable "definition_name" {
  type        = string
  description = "Name of the boundary's allowed-locations definition (unique in the subscription)."
}

variable "allowed_locations" {
  type        = list(string)
  description = "Azure locations the boundary's resources may use."
}

variable "data_resource_group_ids" {
  type        = map(string)
  description = "The boundary's data resource group under the key \"data\"; empty when it has none."
}

variable "data_assignment_names" {
  type        = map(string)
  description = "Name of the allowed-locations assignment on the data group, keyed like data_resource_group_ids."
}

variable "region_resource_group_ids" {
  type        = map(string)
  description = "Resource groups of the boundary's regions, keyed by region."
}

variable "region_assignment_names" {
  type        = map(string)
  description = "Name of the allowed-locations assignment on each region's group, keyed by region."
}

variable "deny_geo_redundant_storage_regions" {
  type        = list(string)
  description = "Regions whose Azure pair lies outside the boundary: geo-redundant storage is denied in their groups."
}

variable "shared_definition_ids" {
  type        = map(string)
  description = "IDs of the shared definitions from policy-definitions, keyed by definition."
}

variable "shared_assignment_names" {
  type = object({
    deny_geo_redundant_storage = string
    require_tags               = string
  })
  description = "Names of the shared definitions' assignments (1-64 characters, unique per resource group)."
}

variable "required_tags" {
  type        = list(string)
  description = "Tag names every resource must carry; empty assigns no tag policy."
}

variable "tag_policy_effect" {
  type        = string
  description = "Effect of the tag policy: Deny, Audit or Disabled."

  validation {
    condition     = contains(["Deny", "Audit", "Disabled"], var.tag_policy_effect)
    error_message = "The tag_policy_effect must be Deny, Audit or Disabled."
  }
}
