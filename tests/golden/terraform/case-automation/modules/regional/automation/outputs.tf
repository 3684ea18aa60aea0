output "id" {
  description = "Resource ID of the Automation account."
  value       = azurerm_automation_account.this.id
}

output "name" {
  description = "Name of the Automation account."
  value       = azurerm_automation_account.this.name
}

output "principal_id" {
  description = "Object ID of the account's system-assigned identity, which the runbooks sign in with."
  value       = azurerm_automation_account.this.identity[0].principal_id
}
