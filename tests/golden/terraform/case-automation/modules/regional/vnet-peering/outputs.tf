output "id" {
  description = "Resource ID of the peering."
  value       = azurerm_virtual_network_peering.this.id
}
