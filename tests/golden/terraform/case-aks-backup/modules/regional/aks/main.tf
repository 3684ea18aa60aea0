# A region's AKS cluster: a system pool for cluster add-ons and one user pool
# per entry of var.user_pools for workloads, all on Azure CNI in the region's
# `aks` subnet so pods get VNet addresses and reach private endpoints directly.

resource "azurerm_kubernetes_cluster" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  dns_prefix          = var.dns_prefix
  kubernetes_version  = var.kubernetes_version
  sku_tier            = var.sku_tier

  private_cluster_enabled   = var.private_cluster
  oidc_issuer_enabled       = true
  workload_identity_enabled = true
  automatic_upgrade_channel = "patch"
  node_os_upgrade_channel   = "NodeImage"

  # Access to the Kubernetes API goes through Entra ID and Azure RBAC only.
  local_account_disabled            = true
  role_based_access_control_enabled = true

  default_node_pool {
    name                        = var.system_pool.name
    vm_size                     = var.system_pool.vm_size
    vnet_subnet_id              = var.subnet_id
    zones                       = var.system_pool.zones
    auto_scaling_enabled        = true
    min_count                   = var.system_pool.min_count
    max_count                   = var.system_pool.max_count
    os_disk_size_gb             = var.system_pool.os_disk_size_gb
    max_pods                    = var.system_pool.max_pods
    node_labels                 = var.system_pool.labels
    temporary_name_for_rotation = "rotation"
    tags                        = var.tags

    # azurerm 4.x dropped default_node_pool.node_taints; this flag taints the
    # system nodes CriticalAddonsOnly=true:NoSchedule so workloads land on
    # the user pools.
    only_critical_addons_enabled = true

    upgrade_settings {
      max_surge = "33%"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  # Azure CNI: nodes and pods take addresses from the aks subnet. Cilium's
  # data plane runs in overlay mode instead, pods getting addresses from a
  # private range that never reaches the VNet.
  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = var.network_policy == "cilium" ? "overlay" : null
    network_policy      = var.network_policy
    network_data_plane  = var.network_policy == "cilium" ? "cilium" : "azure"
    load_balancer_sku   = "standard"
    outbound_type       = "loadBalancer"
    service_cidr        = var.service_cidr
    dns_service_ip      = var.dns_service_ip
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  dynamic "oms_agent" {
    for_each = var.log_analytics_workspace_id == null ? [] : [var.log_analytics_workspace_id]

    content {
      log_analytics_workspace_id      = oms_agent.value
      msi_auth_for_monitoring_enabled = true
    }
  }

  key_vault_secrets_provider {
    secret_rotation_enabled  = true
    secret_rotation_interval = "5m"
  }

  tags = var.tags

  lifecycle {
    # The cluster autoscaler owns the node count between min_count and max_count.
    ignore_changes = [default_node_pool[0].node_count]
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "this" {
  for_each = var.user_pools

  name                  = each.key
  kubernetes_cluster_id = azurerm_kubernetes_cluster.this.id
  mode                  = "User"
  vm_size               = each.value.vm_size
  vnet_subnet_id        = var.subnet_id
  zones                 = each.value.zones
  auto_scaling_enabled  = true
  min_count             = each.value.min_count
  max_count             = each.value.max_count
  os_disk_size_gb       = each.value.os_disk_size_gb
  max_pods              = each.value.max_pods
  node_labels           = each.value.labels
  node_taints           = each.value.taints
  tags                  = var.tags

  upgrade_settings {
    max_surge = "33%"
  }

  lifecycle {
    ignore_changes = [node_count]
  }
}

# With a system-assigned identity on subnets it does not own, the cluster
# needs Network Contributor on the subnets it places things in: its nodes'
# `aks` subnet and the `ingress` subnet of the internal load balancer (and
# its Private Link service) that Front Door reaches. Scoped to those subnets,
# not the whole VNet, so the cluster cannot touch the endpoints subnet.
resource "azurerm_role_assignment" "network_contributor" {
  for_each = var.network_subnet_ids

  scope                = each.value
  role_definition_name = "Network Contributor"
  principal_id         = azurerm_kubernetes_cluster.this.identity[0].principal_id
}

# Container insights authenticates with the cluster's managed identity
# (`msi_auth_for_monitoring_enabled`), and then collects only through a data
# collection rule associated with the cluster, which azurerm does not create
# by itself: the rule sends the Container insights stream to the workspace.
# Azure Monitor requires the rule in its workspace's location, which
# `logs_to` may place in another region than the cluster's.
resource "azurerm_monitor_data_collection_rule" "container_insights" {
  count = var.container_insights_rule_name == null ? 0 : 1

  name                = var.container_insights_rule_name
  location            = coalesce(var.container_insights_location, var.location)
  resource_group_name = var.resource_group_name
  kind                = "Linux"
  tags                = var.tags

  destinations {
    log_analytics {
      name                  = "workspace"
      workspace_resource_id = var.log_analytics_workspace_id
    }
  }

  data_flow {
    streams      = ["Microsoft-ContainerInsights-Group-Default"]
    destinations = ["workspace"]
  }

  data_sources {
    extension {
      name           = "ContainerInsightsExtension"
      extension_name = "ContainerInsights"
      streams        = ["Microsoft-ContainerInsights-Group-Default"]
    }
  }
}

resource "azurerm_monitor_data_collection_rule_association" "container_insights" {
  count = var.container_insights_rule_name == null ? 0 : 1

  name                    = "ContainerInsightsExtension"
  target_resource_id      = azurerm_kubernetes_cluster.this.id
  data_collection_rule_id = azurerm_monitor_data_collection_rule.container_insights[0].id
}
