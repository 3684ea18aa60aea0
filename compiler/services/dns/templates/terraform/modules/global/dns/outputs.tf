output "zone_name_servers" {
  description = "Name servers of each zone this module makes, keyed by zone; delegate the zone to them at its registrar."
  value       = { for key, zone in azurerm_dns_zone.this : key => zone.name_servers }
}
