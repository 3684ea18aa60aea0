output "id" {
  description = "Resource ID of the API Management instance."
  value       = azurerm_api_management.this.id
}

output "name" {
  description = "Name of the API Management instance."
  value       = azurerm_api_management.this.name
}

output "gateway_url" {
  description = "URL of the gateway, which routes each request to the nearest location."
  value       = azurerm_api_management.this.gateway_url
}

output "gateway_regional_urls" {
  description = "URL of the gateway in each location, by Azure location."
  value = merge(
    { (var.location) = azurerm_api_management.this.gateway_regional_url },
    { for l in azurerm_api_management.this.additional_location : l.location => l.gateway_regional_url },
  )
}

output "principal_id" {
  description = "Object ID of the instance's system-assigned identity."
  value       = azurerm_api_management.this.identity[0].principal_id
}
