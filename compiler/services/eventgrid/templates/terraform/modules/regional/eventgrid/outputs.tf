output "id" {
  description = "Resource ID of the system topic."
  value       = azurerm_eventgrid_system_topic.this.id
}
