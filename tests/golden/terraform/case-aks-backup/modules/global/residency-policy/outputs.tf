output "definition_id" {
  description = "ID of the boundary's allowed-locations definition."
  value       = azurerm_policy_definition.allowed_locations.id
}

output "allowed_locations_assignment_ids" {
  description = "Allowed-locations assignment IDs keyed by scope (data, region-<key>)."
  value       = { for key, assignment in azurerm_resource_group_policy_assignment.allowed_locations : key => assignment.id }
}
