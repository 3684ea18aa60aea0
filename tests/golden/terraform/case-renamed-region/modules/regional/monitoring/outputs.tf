output "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace."
  value       = azurerm_log_analytics_workspace.this.id
}

output "application_insights_id" {
  description = "Resource ID of the Application Insights component."
  value       = azurerm_application_insights.this.id
}

output "application_insights_connection_string" {
  description = "Connection string applications use to send telemetry."
  value       = azurerm_application_insights.this.connection_string
  sensitive   = true
}

output "boundary_insights_ids" {
  description = "Resource IDs of the shared Application Insights components, by boundary."
  value       = { for boundary, component in azurerm_application_insights.boundary : boundary => component.id }
}

output "boundary_insights_connection_strings" {
  description = "Connection strings of the shared components, by boundary: what the boundary's applications send telemetry with."
  value       = { for boundary, component in azurerm_application_insights.boundary : boundary => component.connection_string }
  sensitive   = true
}
