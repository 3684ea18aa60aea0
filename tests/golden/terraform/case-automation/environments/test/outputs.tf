output "region_resource_group_names" {
  description = "Resource groups of the regions, keyed by region."
  value       = { for key, group in azurerm_resource_group.region : key => group.name }
}
