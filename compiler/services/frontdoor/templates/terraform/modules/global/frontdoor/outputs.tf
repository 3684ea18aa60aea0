output "profile_id" {
  description = "Resource ID of the Front Door profile."
  value       = azurerm_cdn_frontdoor_profile.this.id
}

output "endpoint_host_name" {
  description = "Host name of the endpoint, <name>-<hash>.z01.azurefd.net; point the public CNAME here."
  value       = azurerm_cdn_frontdoor_endpoint.this.host_name
}

output "origin_group_ids" {
  description = "Origin group resource IDs keyed by boundary."
  value       = { for key, group in azurerm_cdn_frontdoor_origin_group.this : key => group.id }
}

output "custom_domain_validation_tokens" {
  description = "Validation token of each custom domain, keyed by host name; the `_dnsauth.<name>` TXT record holds it."
  value       = { for key, domain in azurerm_cdn_frontdoor_custom_domain.this : key => domain.validation_token }
}
