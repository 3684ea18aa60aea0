output "id" {
  description = "Resource ID of the Managed Redis instance."
  value       = azurerm_managed_redis.this.id
}

output "hostname" {
  description = "Host name of the instance."
  value       = azurerm_managed_redis.this.hostname
}
