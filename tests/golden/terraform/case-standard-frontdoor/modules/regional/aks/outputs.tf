output "id" {
  description = "Resource ID of the cluster."
  value       = azurerm_kubernetes_cluster.this.id
}

output "name" {
  description = "Name of the cluster."
  value       = azurerm_kubernetes_cluster.this.name
}

output "oidc_issuer_url" {
  description = "OIDC issuer URL for workload identity federation."
  value       = azurerm_kubernetes_cluster.this.oidc_issuer_url
}

output "kubelet_identity_object_id" {
  description = "Object ID of the kubelet identity (for image pull and data-plane role assignments)."
  value       = azurerm_kubernetes_cluster.this.kubelet_identity[0].object_id
}

output "node_resource_group" {
  description = "Resource group AKS manages for the cluster's nodes."
  value       = azurerm_kubernetes_cluster.this.node_resource_group
}

output "principal_id" {
  description = "Object ID of the cluster's system-assigned identity."
  value       = azurerm_kubernetes_cluster.this.identity[0].principal_id
}
