# A region's Container Apps environments and the apps in each.
#
# Every environment is a workload-profiles environment: the Consumption
# profile always, plus one Dedicated profile when the topology asks for it.
# With VNet integration the environment takes its own subnet, delegated to
# Microsoft.App/environments by the network module; the subnet, zone
# redundancy and the internal load balancer are all fixed when the
# environment is created. Logs go to the Log Analytics workspace that
# receives the region's logs (its own, or the one `logs_to` names) when the
# region runs one, else they are only streamed.

resource "azurerm_container_app_environment" "this" {
  for_each = var.environments

  name                           = each.value.name
  location                       = var.location
  resource_group_name            = var.resource_group_name
  infrastructure_subnet_id       = each.value.subnet == null ? null : var.subnet_ids[each.value.subnet]
  internal_load_balancer_enabled = each.value.internal_load_balancer_enabled
  zone_redundancy_enabled        = each.value.zone_redundancy_enabled
  log_analytics_workspace_id     = var.log_analytics_workspace_id
  logs_destination               = var.log_analytics_workspace_id == null ? null : "log-analytics"
  tags                           = var.tags

  # The Consumption profile must be named `Consumption` and takes no counts.
  workload_profile {
    name                  = "Consumption"
    workload_profile_type = "Consumption"
  }

  dynamic "workload_profile" {
    for_each = each.value.dedicated == null ? [] : [each.value.dedicated]

    content {
      name                  = workload_profile.value.type
      workload_profile_type = workload_profile.value.type
      minimum_count         = workload_profile.value.minimum_count
      maximum_count         = workload_profile.value.maximum_count
    }
  }
}

# An internal environment answers on a private address only, under a
# default domain Azure chooses when it creates the environment. Nothing in
# a VNet resolves that domain until a private DNS zone of the same name
# maps it, and every app under it, to the environment's static IP (Microsoft
# Learn, "Provide a virtual network to an internal Azure Container Apps
# environment"). The zone is linked to the region's VNet and to the VNets
# peered with it, so the gateways and apps of the boundary reach the apps.
locals {
  internal_environments = {
    for key, env in var.environments : key => env if env.internal_load_balancer_enabled
  }
  internal_links = {
    for pair in setproduct(keys(local.internal_environments), keys(var.dns_virtual_networks)) :
    "${pair[0]}/${pair[1]}" => { environment = pair[0], network = pair[1] }
  }
}

resource "azurerm_private_dns_zone" "internal" {
  for_each = local.internal_environments

  name                = azurerm_container_app_environment.this[each.key].default_domain
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_private_dns_a_record" "internal" {
  for_each = {
    for pair in setproduct(keys(local.internal_environments), ["*", "@"]) :
    "${pair[0]}/${pair[1]}" => { environment = pair[0], record = pair[1] }
  }

  name                = each.value.record
  zone_name           = azurerm_private_dns_zone.internal[each.value.environment].name
  resource_group_name = var.resource_group_name
  ttl                 = 300
  records             = [azurerm_container_app_environment.this[each.value.environment].static_ip_address]
  tags                = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "internal" {
  for_each = local.internal_links

  name                  = var.dns_virtual_networks[each.value.network].name
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = azurerm_private_dns_zone.internal[each.value.environment].name
  virtual_network_id    = var.dns_virtual_networks[each.value.network].id
  registration_enabled  = false
  tags                  = var.tags
}

# The identity an app pulls its image and reads the region's vault with,
# created before the app so its roles are in place when the first revision
# starts.
resource "azurerm_user_assigned_identity" "app" {
  for_each = { for key, app in var.apps : key => app if app.identity_name != null }

  name                = each.value.identity_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_container_app" "this" {
  for_each = var.apps

  name                         = each.value.name
  container_app_environment_id = azurerm_container_app_environment.this[each.value.environment].id
  resource_group_name          = var.resource_group_name
  revision_mode                = "Single"
  workload_profile_name        = each.value.workload_profile_name
  tags                         = var.tags

  identity {
    type         = each.value.identity_name == null ? "SystemAssigned" : "UserAssigned"
    identity_ids = each.value.identity_name == null ? null : [azurerm_user_assigned_identity.app[each.key].id]
  }

  dynamic "registry" {
    for_each = each.value.from_registry ? [var.registry.login_server] : []

    content {
      server   = registry.value
      identity = azurerm_user_assigned_identity.app[each.key].id
    }
  }

  template {
    min_replicas = each.value.min_replicas
    max_replicas = each.value.max_replicas

    container {
      name   = each.value.container_name
      image  = each.value.from_registry ? "${var.registry.login_server}/${each.value.image}" : each.value.image
      cpu    = each.value.cpu
      memory = each.value.memory

      dynamic "env" {
        for_each = var.key_vault_uri == null ? [] : [var.key_vault_uri]

        content {
          name  = "AZURE_KEY_VAULT_URI"
          value = env.value
        }
      }
    }
  }

  dynamic "ingress" {
    for_each = each.value.ingress == null ? [] : [each.value.ingress]

    content {
      external_enabled = ingress.value.external_enabled
      target_port      = ingress.value.target_port

      traffic_weight {
        latest_revision = true
        percentage      = 100
      }
    }
  }

  depends_on = [azurerm_role_assignment.acr_pull]
}

# AcrPull on the region's registry for the identities of the apps whose
# image is in it, before their apps exist (rule S076 keeps system-assigned
# identities from pulling).
resource "azurerm_role_assignment" "acr_pull" {
  for_each = { for key, app in var.apps : key => app if app.from_registry }

  scope                = var.registry.id
  role_definition_name = "AcrPull"
  principal_id         = azurerm_user_assigned_identity.app[each.key].principal_id
  principal_type       = "ServicePrincipal"
}

# Secrets of the region's Key Vault, readable by every app of the region.
# Which apps read it is decided by topoc, so for_each never waits on the
# vault's ID.
resource "azurerm_role_assignment" "key_vault_secrets" {
  for_each = { for key, app in var.apps : key => app if app.key_vault_secrets }

  scope                = var.key_vault_id
  role_definition_name = "Key Vault Secrets User"
  principal_id = (
    each.value.identity_name == null
    ? azurerm_container_app.this[each.key].identity[0].principal_id
    : azurerm_user_assigned_identity.app[each.key].principal_id
  )
  principal_type = "ServicePrincipal"
}
