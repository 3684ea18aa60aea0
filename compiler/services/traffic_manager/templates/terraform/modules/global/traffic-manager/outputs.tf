output "profile_ids" {
  description = "Resource IDs of the profiles, keyed by their topology name."
  value       = { for key, profile in azurerm_traffic_manager_profile.this : key => profile.id }
}

output "fqdns" {
  description = "DNS name of each profile, <relative_name>.trafficmanager.net, keyed by topology name; point the application's CNAME here."
  value       = { for key, profile in azurerm_traffic_manager_profile.this : key => profile.fqdn }
}
