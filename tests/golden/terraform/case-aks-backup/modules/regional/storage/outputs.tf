output "id" {
  description = "Resource ID of the storage account."
  value       = azurerm_storage_account.this.id
}

# The account's blob service: blob resource logs (StorageRead, StorageWrite,
# StorageDelete) are collected there, not on the account, so the region's
# diagnostic setting targets it.
output "blob_service_id" {
  description = "Resource ID of the account's blob service (`blobServices/default`)."
  value       = "${azurerm_storage_account.this.id}/blobServices/default"
}

# The containers, once created: a backup instance that names them is refused
# before they exist, so the region's Backup vault reads them from here.
output "container_names" {
  description = "Names of the account's containers."
  value       = [for container in azurerm_storage_container.this : container.name]
}

output "name" {
  description = "Name of the storage account."
  value       = azurerm_storage_account.this.name
}

output "primary_blob_endpoint" {
  description = "Blob endpoint of the account."
  value       = azurerm_storage_account.this.primary_blob_endpoint
}

# The disaster recovery account's blob service, where the region's
# diagnostic setting collects its blob logs; null without `replicate_to`.
output "replica_blob_service_id" {
  description = "Resource ID of the replica account's blob service, or null without one."
  value       = var.replica == null ? null : "${azurerm_storage_account.replica[0].id}/blobServices/default"
}
