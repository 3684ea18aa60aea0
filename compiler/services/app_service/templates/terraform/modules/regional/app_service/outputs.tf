output "plan_ids" {
  description = "Resource IDs of the plans, keyed by their topology name."
  value       = { for key, plan in azurerm_service_plan.this : key => plan.id }
}

output "default_hostnames" {
  description = "Default host names of the sites (reached through their private endpoints), keyed by their topology name."
  value = merge(
    { for key, app in azurerm_linux_web_app.this : key => app.default_hostname },
    { for key, app in azurerm_linux_function_app.this : key => app.default_hostname },
  )
}

output "principal_ids" {
  description = "Object IDs of the sites' system-assigned identities, keyed by their topology name."
  value = merge(
    { for key, app in azurerm_linux_web_app.this : key => app.identity[0].principal_id },
    { for key, app in azurerm_linux_function_app.this : key => app.identity[0].principal_id },
  )
}

output "site_ids" {
  description = "Resource IDs of the sites, keyed by their topology name: the scopes of their diagnostic settings."
  value = merge(
    { for key, app in azurerm_linux_web_app.this : key => app.id },
    { for key, app in azurerm_linux_function_app.this : key => app.id },
  )
}
