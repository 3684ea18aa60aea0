output "id" {
  description = "Resource ID of the account."
  value       = azurerm_cosmosdb_account.this.id
}

output "name" {
  description = "Name of the account."
  value       = azurerm_cosmosdb_account.this.name
}

output "endpoint" {
  description = "Endpoint of the account."
  value       = azurerm_cosmosdb_account.this.endpoint
}
