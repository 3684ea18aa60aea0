# A region's Azure Database for PostgreSQL flexible server, reached only
# through private endpoints, with its read replicas, databases and an
# optional virtual endpoint.
#
# Nobody holds a password: password authentication is off and only Entra ID
# tokens are accepted. The principal that deploys becomes the server's Entra
# administrator and grants database roles to workload identities from there.
#
# Geo-redundant backup can only be chosen when a server is created (azurerm
# forces a new server when it changes). Read replicas are servers created
# with `create_mode = "Replica"`; they have no high availability and no
# backups of their own, and take the primary's compute and storage so one
# can be promoted in its place.

data "azurerm_client_config" "current" {}

resource "azurerm_postgresql_flexible_server" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku_name                      = var.sku_name
  version                       = var.postgres_version
  storage_mb                    = var.storage_mb
  storage_tier                  = var.storage_tier
  auto_grow_enabled             = var.auto_grow_enabled
  zone                          = var.zone
  backup_retention_days         = var.backup_retention_days
  geo_redundant_backup_enabled  = var.geo_redundant_backup_enabled
  public_network_access_enabled = false
  tags                          = var.tags

  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
    tenant_id                     = data.azurerm_client_config.current.tenant_id
  }

  dynamic "high_availability" {
    for_each = var.high_availability == null ? [] : [var.high_availability]
    content {
      mode                      = high_availability.value.mode
      standby_availability_zone = high_availability.value.standby_zone
    }
  }

  # After a failover Azure swaps the primary and standby zones; following
  # them keeps Terraform from failing the server back on the next apply.
  # Stateful: replacing it loses the data. Terraform takes only a literal
  # here, so topoc writes `false` when the topology sets
  # `prevent_destroy = false` (docs/lifecycle.md).
  lifecycle {
    ignore_changes  = [zone, high_availability[0].standby_availability_zone]
    prevent_destroy = true
  }
}

resource "azurerm_postgresql_flexible_server_active_directory_administrator" "this" {
  server_name         = azurerm_postgresql_flexible_server.this.name
  resource_group_name = var.resource_group_name
  tenant_id           = data.azurerm_client_config.current.tenant_id
  object_id           = data.azurerm_client_config.current.object_id
  principal_name      = var.administrator_name
  principal_type      = "ServicePrincipal"
}

resource "azurerm_postgresql_flexible_server_database" "this" {
  for_each = var.databases

  name      = each.key
  server_id = azurerm_postgresql_flexible_server.this.id
  charset   = each.value.charset
  collation = each.value.collation

  # Stateful: see the server.
  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_postgresql_flexible_server" "replica" {
  for_each = var.replicas

  name                          = each.value.name
  location                      = each.value.location
  resource_group_name           = var.resource_group_name
  create_mode                   = "Replica"
  source_server_id              = azurerm_postgresql_flexible_server.this.id
  sku_name                      = var.sku_name
  version                       = var.postgres_version
  storage_mb                    = var.storage_mb
  storage_tier                  = var.storage_tier
  auto_grow_enabled             = var.auto_grow_enabled
  public_network_access_enabled = false
  tags                          = var.tags

  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
    tenant_id                     = data.azurerm_client_config.current.tenant_id
  }

  lifecycle {
    ignore_changes = [zone]
  }
}

# One writer name that follows the primary through a promotion. Created
# once every replica exists: Azure refuses it while a replica is still
# being created.
resource "azurerm_postgresql_flexible_server_virtual_endpoint" "this" {
  count = var.virtual_endpoint_name == null ? 0 : 1

  name              = var.virtual_endpoint_name
  source_server_id  = azurerm_postgresql_flexible_server.this.id
  replica_server_id = azurerm_postgresql_flexible_server.replica[sort(keys(var.replicas))[0]].id
  type              = "ReadWrite"

  depends_on = [azurerm_postgresql_flexible_server.replica]
}

# Server parameters, set once the replicas and the virtual endpoint exist:
# Azure refuses a change to a server busy with another operation. A replica
# keeps parameters of its own, so each gets them too.
resource "azurerm_postgresql_flexible_server_configuration" "this" {
  for_each = var.configurations

  name      = each.key
  server_id = azurerm_postgresql_flexible_server.this.id
  value     = each.value

  depends_on = [
    azurerm_postgresql_flexible_server.replica,
    azurerm_postgresql_flexible_server_virtual_endpoint.this,
  ]
}

resource "azurerm_postgresql_flexible_server_configuration" "replica" {
  for_each = {
    for pair in setproduct(keys(var.replicas), keys(var.configurations)) :
    "${pair[0]}/${pair[1]}" => { replica = pair[0], name = pair[1] }
  }

  name      = each.value.name
  server_id = azurerm_postgresql_flexible_server.replica[each.value.replica].id
  value     = var.configurations[each.value.name]

  depends_on = [azurerm_postgresql_flexible_server_virtual_endpoint.this]
}

resource "azurerm_private_endpoint" "this" {
  name                = var.private_endpoint.name
  location            = var.private_endpoint.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint.subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = var.private_endpoint.name
    private_connection_resource_id = azurerm_postgresql_flexible_server.this.id
    subresource_names              = ["postgresqlServer"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = var.private_endpoint.private_dns_zone_ids
  }
}

# Each replica is a server of its own with its own host name, so it gets
# its own endpoint in the region's endpoints subnet.
resource "azurerm_private_endpoint" "replica" {
  for_each = var.replicas

  name                = each.value.private_endpoint_name
  location            = var.private_endpoint.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint.subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = each.value.private_endpoint_name
    private_connection_resource_id = azurerm_postgresql_flexible_server.replica[each.key].id
    subresource_names              = ["postgresqlServer"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = var.private_endpoint.private_dns_zone_ids
  }
}
