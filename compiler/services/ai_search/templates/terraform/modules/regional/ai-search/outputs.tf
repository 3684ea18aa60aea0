output "id" {
  description = "Resource ID of the search service."
  value       = azurerm_search_service.this.id
}

output "name" {
  description = "Name of the search service."
  value       = azurerm_search_service.this.name
}

output "principal_id" {
  description = "Principal ID of the service's managed identity (for indexer data access)."
  value       = azurerm_search_service.this.identity[0].principal_id
}
