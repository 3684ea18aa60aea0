output "action_group_id" {
  description = "Resource ID of the action group."
  value       = azurerm_monitor_action_group.this.id
}

output "alert_ids" {
  description = "Metric alert resource IDs keyed like var.alerts."
  value       = { for key, alert in azurerm_monitor_metric_alert.this : key => alert.id }
}
