output "id" {
  description = "Resource ID of the cache."
  value       = azurerm_redis_cache.this.id
}

output "hostname" {
  description = "Host name of the cache."
  value       = azurerm_redis_cache.this.hostname
}

# The persistence account's blob service, where the region's diagnostic
# setting collects its blob logs; null without persistence.
output "persistence_blob_service_id" {
  description = "Resource ID of the persistence account's blob service, or null without one."
  value       = var.persistence == null ? null : "${azurerm_storage_account.persistence[0].id}/blobServices/default"
}

output "replica_id" {
  description = "Resource ID of the geo-replica cache, or null without one."
  value       = var.geo_replica == null ? null : azurerm_redis_cache.replica[0].id
}
