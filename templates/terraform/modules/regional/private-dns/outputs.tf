output "zone_ids" {
  description = "Zone resource IDs keyed by service."
  value       = { for key, zone in azurerm_private_dns_zone.this : key => zone.id }
}
