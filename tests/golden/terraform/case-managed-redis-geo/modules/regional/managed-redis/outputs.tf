output "id" {
  description = "Resource ID of the Managed Redis instance."
  value       = azurerm_managed_redis.this.id
}

# The instance's one database, `default`: Azure Managed Redis writes its
# resource logs (ConnectionEvents) there, not on the cluster, so the
# region's diagnostic setting targets it.
output "database_id" {
  description = "Resource ID of the instance's default database."
  value       = "${azurerm_managed_redis.this.id}/databases/default"
}

output "hostname" {
  description = "Host name of the instance."
  value       = azurerm_managed_redis.this.hostname
}
