output "id" {
  description = "Resource ID of the server."
  value       = azurerm_postgresql_flexible_server.this.id
}

output "fqdn" {
  description = "Host name of the server."
  value       = azurerm_postgresql_flexible_server.this.fqdn
}

output "replica_ids" {
  description = "Resource IDs of the read replicas, keyed like var.replicas."
  value       = { for key, replica in azurerm_postgresql_flexible_server.replica : key => replica.id }
}
