# One boundary's Cosmos DB account. Its geo locations are the boundary's
# regions and their failover locations, never a location outside it, so the
# account itself cannot replicate tenant data across a residency boundary.
# Reached only through private endpoints, one in each region that uses it,
# kept in that region's resource group beside its other endpoints.

resource "azurerm_cosmosdb_account" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  offer_type          = "Standard"
  kind                = "GlobalDocumentDB"

  multiple_write_locations_enabled  = var.multiple_write_locations_enabled
  automatic_failover_enabled        = var.automatic_failover_enabled
  public_network_access_enabled     = false
  is_virtual_network_filter_enabled = length(var.virtual_network_subnet_ids) > 0
  minimal_tls_version               = "Tls12"
  tags                              = var.tags

  # No account keys: data-plane clients authenticate with Entra ID and get
  # access through Cosmos DB SQL role assignments. Databases, containers and
  # stored procedures are created through Azure Resource Manager, which
  # never uses the keys.
  local_authentication_disabled = true

  consistency_policy {
    consistency_level       = var.consistency.level
    max_interval_in_seconds = var.consistency.max_interval_in_seconds
    max_staleness_prefix    = var.consistency.max_staleness_prefix
  }

  dynamic "geo_location" {
    for_each = var.geo_locations

    content {
      location          = geo_location.value.location
      failover_priority = geo_location.value.failover_priority
      zone_redundant    = geo_location.value.zone_redundant
    }
  }

  # Defence in depth should public access ever be switched on: only the
  # boundary's own AKS subnets would be let in.
  dynamic "virtual_network_rule" {
    for_each = var.virtual_network_subnet_ids

    content {
      id = virtual_network_rule.value
    }
  }

  backup {
    type                = var.backup.type
    tier                = var.backup.tier
    interval_in_minutes = var.backup.interval_in_minutes
    retention_in_hours  = var.backup.retention_in_hours
    storage_redundancy  = var.backup.storage_redundancy
  }

  # Stateful: replacing it loses the data. Terraform takes only a literal
  # here, so topoc writes `false` when the topology sets
  # `prevent_destroy = false` (docs/lifecycle.md).
  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_cosmosdb_sql_database" "this" {
  name                = var.database_name
  resource_group_name = var.resource_group_name
  account_name        = azurerm_cosmosdb_account.this.name

  # Stateful: replacing it loses the data. Terraform takes only a literal
  # here, so topoc writes `false` when the topology sets
  # `prevent_destroy = false` (docs/lifecycle.md).
  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_cosmosdb_sql_container" "this" {
  for_each = var.containers

  name                  = each.key
  resource_group_name   = var.resource_group_name
  account_name          = azurerm_cosmosdb_account.this.name
  database_name         = azurerm_cosmosdb_sql_database.this.name
  partition_key_paths   = each.value.partition_key_paths
  partition_key_version = 2
  default_ttl           = each.value.default_ttl

  autoscale_settings {
    max_throughput = each.value.max_throughput
  }

  indexing_policy {
    indexing_mode = "consistent"

    dynamic "included_path" {
      for_each = each.value.included_paths

      content {
        path = included_path.value
      }
    }

    dynamic "excluded_path" {
      for_each = each.value.excluded_paths

      content {
        path = excluded_path.value
      }
    }
  }

  # Fixed at creation: Azure refuses a changed policy on an existing container,
  # and azurerm does not replace the container for it, so the apply fails.
  conflict_resolution_policy {
    mode                          = each.value.conflict_resolution.mode
    conflict_resolution_path      = each.value.conflict_resolution.path
    conflict_resolution_procedure = each.value.conflict_resolution.procedure
  }

  # Stateful: replacing it loses the data. Terraform takes only a literal
  # here, so topoc writes `false` when the topology sets
  # `prevent_destroy = false` (docs/lifecycle.md).
  lifecycle {
    prevent_destroy = true
  }
}

# Merge procedures of containers with a Custom conflict policy. Until one is
# registered, Cosmos DB parks conflicts in the container's conflicts feed.
resource "azurerm_cosmosdb_sql_stored_procedure" "this" {
  for_each = var.stored_procedures

  name                = each.value.name
  resource_group_name = var.resource_group_name
  account_name        = azurerm_cosmosdb_account.this.name
  database_name       = azurerm_cosmosdb_sql_database.this.name
  container_name      = azurerm_cosmosdb_sql_container.this[each.key].name
  body                = each.value.body
}

resource "azurerm_private_endpoint" "this" {
  for_each = var.private_endpoints

  name                = each.value.name
  location            = each.value.location
  resource_group_name = each.value.resource_group_name
  subnet_id           = var.private_endpoint_subnet_ids[each.key]
  tags                = var.tags

  private_service_connection {
    name                           = each.value.name
    private_connection_resource_id = azurerm_cosmosdb_account.this.id
    subresource_names              = ["Sql"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [var.private_dns_zone_ids[each.key]]
  }
}

# The account's diagnostic setting, in the account's own resource group, to
# the Log Analytics workspace of a region of the account's boundary (null
# when no region of the boundary runs `monitoring` with diagnostics).
# Categories by name for the NoSQL API (Learn, "Supported logs for
# Microsoft.DocumentDB/DatabaseAccounts"): DataPlaneRequests (every data
# operation, with the client's IP address and principal),
# QueryRuntimeStatistics (query text), PartitionKeyStatistics and
# PartitionKeyRUConsumption (partition key values) hold request data;
# ControlPlaneRequests the account's changes. DataPlaneRequests5M and
# DataPlaneRequests15M are aggregates of DataPlaneRequests; the page names
# no category group, so none is used. The Cassandra, Gremlin, Mongo
# and Table categories stay empty for a NoSQL account. Resource-specific
# tables (`Dedicated`), as Learn recommends for Cosmos DB. Arguments as in
# azurerm v4.55.0 (monitor_diagnostic_setting_resource.go): `enabled_log`,
# `log_analytics_destination_type` (`Dedicated` or `AzureDiagnostics`).
resource "azurerm_monitor_diagnostic_setting" "this" {
  count = var.diagnostics == null ? 0 : 1

  name                           = var.diagnostics.name
  target_resource_id             = azurerm_cosmosdb_account.this.id
  log_analytics_workspace_id     = var.diagnostics.log_analytics_workspace_id
  log_analytics_destination_type = "Dedicated"

  dynamic "enabled_log" {
    for_each = toset(["ControlPlaneRequests", "DataPlaneRequests", "PartitionKeyRUConsumption", "PartitionKeyStatistics", "QueryRuntimeStatistics"])

    content {
      category = enabled_log.value
    }
  }
}
