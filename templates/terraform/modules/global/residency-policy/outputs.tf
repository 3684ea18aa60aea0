output "allowed_locations_assignment_ids" {
  description = "Allowed-locations assignment IDs keyed by scope."
  value       = { for key, assignment in azurerm_resource_group_policy_assignment.allowed_locations : key => assignment.id }
}
