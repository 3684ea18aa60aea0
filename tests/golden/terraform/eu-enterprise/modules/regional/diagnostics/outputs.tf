output "ids" {
  description = "Resource ID of each diagnostic setting, keyed like `targets`."
  value       = { for key, setting in azurerm_monitor_diagnostic_setting.this : key => setting.id }
}
