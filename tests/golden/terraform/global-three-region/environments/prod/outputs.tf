output "region_resource_group_names" {
  description = "Resource groups of the regions, keyed by region."
  value       = { for key, group in azurerm_resource_group.region : key => group.name }
}

output "aks_cluster_names" {
  description = "AKS clusters keyed by region."
  value       = { for key, cluster in module.aks : key => cluster.name }
}

output "aks_oidc_issuer_urls" {
  description = "OIDC issuers for workload identity federation, keyed by region."
  value       = { for key, cluster in module.aks : key => cluster.oidc_issuer_url }
}

output "key_vault_uris" {
  description = "Key Vault URIs keyed by region."
  value       = { for key, vault in module.keyvault : key => vault.vault_uri }
}

output "frontdoor_endpoint_host_name" {
  description = "Front Door endpoint host name; point the public CNAME here."
  value       = module.frontdoor.endpoint_host_name
}

output "traffic_manager_fqdns" {
  description = "DNS name of each Traffic Manager profile, keyed by profile."
  value       = module.traffic_manager.fqdns
}
