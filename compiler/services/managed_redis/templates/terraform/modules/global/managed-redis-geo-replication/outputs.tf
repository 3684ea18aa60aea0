output "id" {
  description = "Resource ID of the group's first instance, through which the group is managed."
  value       = azurerm_managed_redis_geo_replication.this.id
}
