output "ids" {
  description = "Definition resource IDs keyed by JSON file name."
  value       = { for key, definition in azurerm_policy_definition.this : key => definition.id }
}
