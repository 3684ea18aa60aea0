output "id" {
  description = "Resource ID of the Backup vault."
  value       = azurerm_data_protection_backup_vault.this.id
}

output "principal_id" {
  description = "Object ID of the vault's system-assigned identity."
  value       = azurerm_data_protection_backup_vault.this.identity[0].principal_id
}
