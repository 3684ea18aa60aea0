# One boundary's residency policy, assigned to each of its resource groups
# (its data group and the groups of its regions): resources must sit in the
# boundary's allowed locations, must carry the topology's tags, and where a
# region's Azure pair lies outside the boundary, storage may not replicate
# to it.

resource "azurerm_resource_group_policy_assignment" "allowed_locations" {
  for_each = var.scopes

  name                 = var.assignment_names.allowed_locations
  resource_group_id    = each.value.resource_group_id
  policy_definition_id = var.definition_ids["allowed-locations"]
  display_name         = "Residency (${var.boundary}): allowed locations"

  parameters = jsonencode({
    listOfAllowedLocations = { value = var.allowed_locations }
  })
}

resource "azurerm_resource_group_policy_assignment" "deny_geo_redundant_storage" {
  for_each = { for key, scope in var.scopes : key => scope if scope.deny_geo_redundant_storage }

  name                 = var.assignment_names.deny_geo_redundant_storage
  resource_group_id    = each.value.resource_group_id
  policy_definition_id = var.definition_ids["deny-geo-redundant-storage"]
  display_name         = "Residency (${var.boundary}): no geo-redundant storage"
}

resource "azurerm_resource_group_policy_assignment" "required_tags" {
  for_each = length(var.required_tags) > 0 ? var.scopes : {}

  name                 = var.assignment_names.required_tags
  resource_group_id    = each.value.resource_group_id
  policy_definition_id = var.definition_ids["require-tags"]
  display_name         = "Residency (${var.boundary}): required tags"

  parameters = jsonencode({
    tagNames = { value = var.required_tags }
    effect   = { value = var.tag_policy_effect }
  })
}
