output "region_resource_group_names" {
  description = "Resource groups of the regions, keyed by region."
  value       = { for key, group in azurerm_resource_group.region : key => group.name }
}

output "key_vault_uris" {
  description = "Key Vault URIs keyed by region."
  value       = { for key, vault in module.keyvault : key => vault.vault_uri }
}

output "api_management_gateway_urls" {
  description = "Gateway URL of each API Management instance in each of its locations, keyed by region, then by Azure location."
  value       = { for key, apim in module.api_management : key => apim.gateway_regional_urls }
}

output "container_registry_login_servers" {
  description = "Login server of each container registry, keyed by registry."
  value       = { for key, registry in module.container_registry : key => registry.login_server }
}

output "frontdoor_endpoint_host_name" {
  description = "Front Door endpoint host name; point the public CNAME here."
  value       = module.frontdoor.endpoint_host_name
}
