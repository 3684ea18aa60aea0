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
