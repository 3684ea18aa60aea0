variable "boundary" {
  type        = string
  description = "Name of the residency boundary, shown in the assignments' display names."
}

variable "allowed_locations" {
  type        = list(string)
  description = "Azure locations the boundary's resources may use."
}

variable "scopes" {
  type = map(object({
    resource_group_id          = string
    deny_geo_redundant_storage = bool
  }))
  description = "Resource groups of the boundary keyed by role (data, or a region key); deny_geo_redundant_storage where the region's Azure pair leaves the boundary."
}

variable "definition_ids" {
  type        = map(string)
  description = "Policy definition IDs from policy-definitions, keyed by definition."
}

variable "assignment_names" {
  type = object({
    allowed_locations          = string
    deny_geo_redundant_storage = string
    required_tags              = string
  })
  description = "Assignment names (1-64 characters, unique per resource group)."
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
