# One boundary's residency policy. The boundary gets an allowed-locations
# definition of its own, assigned to each resource group that holds its
# resources (its regions' groups and, when it has a Cosmos DB account, its
# data group). The shared definitions from policy-definitions are assigned
# beside it: required tags everywhere, and no geo-redundant storage where a
# region's Azure pair lies outside the boundary.

locals {
  definition = jsondecode(file("${path.module}/allowed-locations.json")).properties
  # Scope keys: "data" for the data group, "region-<key>" for a region's group.
  scopes = merge(
    var.data_resource_group_ids,
    { for key, id in var.region_resource_group_ids : "region-${key}" => id },
  )
  assignment_names = merge(
    var.data_assignment_names,
    { for key, name in var.region_assignment_names : "region-${key}" => name },
  )
  geo_redundant_storage_denied = {
    for key in var.deny_geo_redundant_storage_regions : "region-${key}" => var.region_resource_group_ids[key]
  }
}

resource "azurerm_policy_definition" "allowed_locations" {
  name         = var.definition_name
  policy_type  = "Custom"
  mode         = local.definition.mode
  display_name = "${local.definition.displayName} (${var.boundary})"
  description  = local.definition.description
  metadata     = jsonencode(local.definition.metadata)
  parameters   = jsonencode(local.definition.parameters)
  policy_rule  = jsonencode(local.definition.policyRule)
}

resource "azurerm_resource_group_policy_assignment" "allowed_locations" {
  for_each = local.scopes

  name                 = local.assignment_names[each.key]
  resource_group_id    = each.value
  policy_definition_id = azurerm_policy_definition.allowed_locations.id
  display_name         = "Residency (${var.boundary}): allowed locations"

  parameters = jsonencode({
    listOfAllowedLocations = { value = var.allowed_locations }
  })
}

resource "azurerm_resource_group_policy_assignment" "deny_geo_redundant_storage" {
  for_each = local.geo_redundant_storage_denied

  name                 = var.shared_assignment_names.deny_geo_redundant_storage
  resource_group_id    = each.value
  policy_definition_id = var.shared_definition_ids["deny-geo-redundant-storage"]
  display_name         = "Residency (${var.boundary}): no geo-redundant storage"
}

resource "azurerm_resource_group_policy_assignment" "required_tags" {
  for_each = length(var.required_tags) > 0 ? local.scopes : {}

  name                 = var.shared_assignment_names.require_tags
  resource_group_id    = each.value
  policy_definition_id = var.shared_definition_ids["require-tags"]
  display_name         = "Required tags"

  parameters = jsonencode({
    tagNames = { value = var.required_tags }
    effect   = { value = var.tag_policy_effect }
  })
}
