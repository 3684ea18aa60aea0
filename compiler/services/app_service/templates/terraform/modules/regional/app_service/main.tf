# A region's App Service: Linux plans and the web apps and function apps on
# them. Every site is HTTPS-only by default, refuses FTP(S) and basic
# publishing credentials, takes no public traffic (a private endpoint on the
# `sites` sub-resource instead), and sends all outbound traffic through the
# region's delegated subnet, so it reaches the key vault and the storage
# account over their private endpoints. Each site has a system-assigned
# identity: Key Vault references in app settings resolve with it, and
# function apps reach their host storage with it instead of account keys
# (the region's storage account has shared keys off).

locals {
  web_apps      = { for key, site in var.sites : key => site if site.kind == "web" }
  function_apps = { for key, site in var.sites : key => site if site.kind == "function" }

  # App settings, with each Key Vault secret as a reference the platform
  # resolves with the site's identity.
  app_settings = {
    for key, site in var.sites : key => merge(site.app_settings, {
      for setting, secret in site.key_vault_secrets :
      setting => "@Microsoft.KeyVault(SecretUri=${var.key_vault.vault_uri}secrets/${secret}/)"
    })
  }
}

resource "azurerm_service_plan" "this" {
  for_each = var.plans

  name                   = each.value.name
  location               = var.location
  resource_group_name    = var.resource_group_name
  os_type                = "Linux"
  sku_name               = each.value.sku_name
  worker_count           = each.value.worker_count
  zone_balancing_enabled = each.value.zone_balancing_enabled
  tags                   = var.tags
}

resource "azurerm_linux_web_app" "this" {
  for_each = local.web_apps

  name                                           = each.value.name
  location                                       = var.location
  resource_group_name                            = var.resource_group_name
  service_plan_id                                = azurerm_service_plan.this[each.value.plan].id
  https_only                                     = each.value.https_only
  public_network_access_enabled                  = false
  virtual_network_subnet_id                      = var.subnet_id
  ftp_publish_basic_authentication_enabled       = false
  webdeploy_publish_basic_authentication_enabled = false
  app_settings                                   = local.app_settings[each.key]
  tags                                           = var.tags

  identity {
    type = "SystemAssigned"
  }

  site_config {
    always_on                         = each.value.always_on
    ftps_state                        = "Disabled"
    http2_enabled                     = each.value.http2_enabled
    minimum_tls_version               = each.value.minimum_tls_version
    scm_minimum_tls_version           = each.value.minimum_tls_version
    health_check_path                 = each.value.health_check_path
    health_check_eviction_time_in_min = each.value.health_check_eviction_time_in_min
    use_32_bit_worker                 = false
    vnet_route_all_enabled            = true

    dynamic "application_stack" {
      for_each = each.value.application_stack == null ? [] : [each.value.application_stack]

      content {
        dotnet_version = application_stack.value.argument == "dotnet_version" ? application_stack.value.version : null
        node_version   = application_stack.value.argument == "node_version" ? application_stack.value.version : null
        php_version    = application_stack.value.argument == "php_version" ? application_stack.value.version : null
        python_version = application_stack.value.argument == "python_version" ? application_stack.value.version : null
      }
    }

    dynamic "cors" {
      for_each = length(each.value.cors_allowed_origins) == 0 ? [] : [each.value.cors_allowed_origins]

      content {
        allowed_origins = cors.value
      }
    }
  }
}

resource "azurerm_linux_function_app" "this" {
  for_each = local.function_apps

  name                                           = each.value.name
  location                                       = var.location
  resource_group_name                            = var.resource_group_name
  service_plan_id                                = azurerm_service_plan.this[each.value.plan].id
  storage_account_name                           = var.storage_account.name
  storage_uses_managed_identity                  = true
  https_only                                     = each.value.https_only
  public_network_access_enabled                  = false
  virtual_network_subnet_id                      = var.subnet_id
  ftp_publish_basic_authentication_enabled       = false
  webdeploy_publish_basic_authentication_enabled = false
  app_settings                                   = local.app_settings[each.key]
  tags                                           = var.tags

  identity {
    type = "SystemAssigned"
  }

  site_config {
    # null leaves it to Azure: off on Elastic Premium, whose platform keeps
    # instances warm itself.
    always_on                         = each.value.always_on ? true : null
    ftps_state                        = "Disabled"
    http2_enabled                     = each.value.http2_enabled
    minimum_tls_version               = each.value.minimum_tls_version
    scm_minimum_tls_version           = each.value.minimum_tls_version
    health_check_path                 = each.value.health_check_path
    health_check_eviction_time_in_min = each.value.health_check_eviction_time_in_min
    use_32_bit_worker                 = false
    vnet_route_all_enabled            = true

    dynamic "application_stack" {
      for_each = each.value.application_stack == null ? [] : [each.value.application_stack]

      content {
        dotnet_version              = application_stack.value.argument == "dotnet_version" ? application_stack.value.version : null
        use_dotnet_isolated_runtime = application_stack.value.argument == "dotnet_version" ? true : null
        java_version                = application_stack.value.argument == "java_version" ? application_stack.value.version : null
        node_version                = application_stack.value.argument == "node_version" ? application_stack.value.version : null
        powershell_core_version     = application_stack.value.argument == "powershell_core_version" ? application_stack.value.version : null
        python_version              = application_stack.value.argument == "python_version" ? application_stack.value.version : null
      }
    }

    dynamic "cors" {
      for_each = length(each.value.cors_allowed_origins) == 0 ? [] : [each.value.cors_allowed_origins]

      content {
        allowed_origins = cors.value
      }
    }
  }
}

# Reading secrets for Key Vault references (the vault uses Azure RBAC).
resource "azurerm_role_assignment" "key_vault_secrets" {
  for_each = var.key_vault == null ? {} : var.sites

  scope                = var.key_vault.id
  role_definition_name = "Key Vault Secrets User"
  principal_type       = "ServicePrincipal"
  principal_id = merge(
    { for key, app in azurerm_linux_web_app.this : key => app.identity[0].principal_id },
    { for key, app in azurerm_linux_function_app.this : key => app.identity[0].principal_id },
  )[each.key]
}

# The Functions host keeps leases, keys and timer state in blobs; with an
# identity-based AzureWebJobsStorage it needs Storage Blob Data Owner.
resource "azurerm_role_assignment" "host_storage" {
  for_each = var.storage_account == null ? {} : local.function_apps

  scope                = var.storage_account.id
  role_definition_name = "Storage Blob Data Owner"
  principal_type       = "ServicePrincipal"
  principal_id         = azurerm_linux_function_app.this[each.key].identity[0].principal_id
}

resource "azurerm_private_endpoint" "site" {
  for_each = var.sites

  name                = each.value.private_endpoint_name
  location            = var.private_endpoint.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint.subnet_id
  tags                = var.tags

  private_service_connection {
    name = each.value.private_endpoint_name
    private_connection_resource_id = merge(
      { for key, app in azurerm_linux_web_app.this : key => app.id },
      { for key, app in azurerm_linux_function_app.this : key => app.id },
    )[each.key]
    subresource_names    = ["sites"]
    is_manual_connection = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = var.private_endpoint.private_dns_zone_ids
  }
}
