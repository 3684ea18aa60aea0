output "action_group_id" {
  description = "Resource ID of the default action group."
  value       = azurerm_monitor_action_group.this.id
}

output "action_group_ids" {
  description = "Resource IDs of every action group, keyed as alerts name them (\"default\" and the keys of var.groups)."
  value = merge(
    { default = azurerm_monitor_action_group.this.id },
    { for key, group in azurerm_monitor_action_group.named : key => group.id },
  )
}

output "alert_ids" {
  description = "Metric alert resource IDs keyed like var.alerts."
  value       = { for key, alert in azurerm_monitor_metric_alert.this : key => alert.id }
}

output "log_alert_ids" {
  description = "Log search alert resource IDs keyed like var.log_alerts."
  value       = { for key, alert in azurerm_monitor_scheduled_query_rules_alert_v2.this : key => alert.id }
}

output "availability_test_ids" {
  description = "Availability test resource IDs keyed like var.availability_tests."
  value       = { for key, test in azurerm_application_insights_standard_web_test.this : key => test.id }
}

output "activity_alert_ids" {
  description = "Activity-log alert resource IDs keyed like var.activity_alerts."
  value       = { for key, alert in azurerm_monitor_activity_log_alert.this : key => alert.id }
}
