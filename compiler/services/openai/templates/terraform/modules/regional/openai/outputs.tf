output "id" {
  description = "Resource ID of the Azure OpenAI account."
  value       = azurerm_cognitive_account.this.id
}

output "endpoint" {
  description = "Endpoint URL of the account."
  value       = azurerm_cognitive_account.this.endpoint
}

output "principal_id" {
  description = "Principal ID of the account's managed identity."
  value       = azurerm_cognitive_account.this.identity[0].principal_id
}
