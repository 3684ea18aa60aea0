output "region_resource_group_names" {
  description = "Resource groups of the regions, keyed by region."
  value       = { for key, group in azurerm_resource_group.region : key => group.name }
}

output "data_resource_group_names" {
  description = "Resource groups of the Cosmos DB accounts, keyed by boundary."
  value       = { for key, group in azurerm_resource_group.data : key => group.name }
}

output "aks_cluster_names" {
  description = "AKS clusters keyed by region."
  value       = { for key, cluster in module.aks : key => cluster.name }
}

output "aks_oidc_issuer_urls" {
  description = "OIDC issuers for workload identity federation, keyed by region."
  value       = { for key, cluster in module.aks : key => cluster.oidc_issuer_url }
}

output "cosmos_endpoints" {
  description = "Cosmos DB endpoints keyed by boundary."
  value       = { for key, account in module.cosmos : key => account.endpoint }
}

output "openai_endpoints" {
  description = "Azure OpenAI endpoints keyed by region."
  value       = { for key, account in module.openai : key => account.endpoint }
}

output "key_vault_uris" {
  description = "Key Vault URIs keyed by region."
  value       = { for key, vault in module.keyvault : key => vault.vault_uri }
}

output "frontdoor_endpoint_host_name" {
  description = "Front Door endpoint host name; point the public CNAME here."
  value       = module.frontdoor.endpoint_host_name
}

output "frontdoor_custom_domain_validation_tokens" {
  description = "Validation token of each Front Door custom domain; a domain without a `zone` needs it in a `_dnsauth.<name>` TXT record written by hand."
  value       = module.frontdoor.custom_domain_validation_tokens
}
