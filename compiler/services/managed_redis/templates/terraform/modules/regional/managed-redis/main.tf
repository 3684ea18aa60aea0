# A region's Azure Managed Redis: the cluster and its one database, which
# azurerm writes as a single resource, reached only through its private
# endpoint (group redisEnterprise, zone privatelink.redis.azure.net).
#
# Azure Managed Redis has no virtual network injection and no IP firewall,
# so public network access is off and the private endpoint is the only way
# in. Clients authenticate with Entra ID tokens; the access keys stay off
# (azurerm v4.55.0 default_database.access_keys_authentication_enabled).
#
# Active geo-replication: every member of a group names it in
# default_database.geo_replication_group_name, at creation (changing it
# recreates the database and loses its data); the link itself is the
# global managed-redis-geo-replication module. Persistence conflicts with a
# group name in azurerm, so this module writes none.

resource "azurerm_managed_redis" "this" {
  name                      = var.name
  location                  = var.location
  resource_group_name       = var.resource_group_name
  sku_name                  = var.sku_name
  high_availability_enabled = var.high_availability_enabled
  public_network_access     = "Disabled"
  tags                      = var.tags

  default_database {
    access_keys_authentication_enabled = false
    geo_replication_group_name         = var.geo_replication_group_name
  }
}

resource "azurerm_private_endpoint" "this" {
  name                = var.private_endpoint.name
  location            = var.private_endpoint.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint.subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = var.private_endpoint.name
    private_connection_resource_id = azurerm_managed_redis.this.id
    subresource_names              = ["redisEnterprise"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = var.private_endpoint.private_dns_zone_ids
  }
}
