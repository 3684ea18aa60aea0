output "environment_ids" {
  description = "Resource IDs of the environments, keyed by topology name."
  value       = { for key, env in azurerm_container_app_environment.this : key => env.id }
}

output "app_fqdns" {
  description = "Ingress host names of the apps that take ingress, keyed `<environment>/<app>`."
  value       = { for key, app in azurerm_container_app.this : key => app.ingress[0].fqdn if length(app.ingress) > 0 }
}
