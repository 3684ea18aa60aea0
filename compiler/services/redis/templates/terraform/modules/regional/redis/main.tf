# A region's Azure Cache for Redis, reached only through its private
# endpoint. An optional geo-replica (Premium only) is a second cache in
# another location of the same boundary, linked as a passive secondary and
# reached through a private endpoint of its own in the replica's region.
#
# Passive geo-replication (Microsoft Learn, "Configure passive
# geo-replication for Premium Azure Cache for Redis instances"): both caches
# Premium, the secondary the same size or larger (the same size here, so
# geo-failover works), the same Redis version; no zone redundancy, no
# persistence, at most one replica per primary; and a private endpoint
# cannot be added to a cache that is already linked, so the link waits for
# both endpoints.
#
# Clustering (Microsoft Learn, "How to configure Redis clustering for a
# Premium Azure Cache for Redis"): Premium only, 1 to 10 shards, and it cannot
# be turned off once on. Linked caches must be clustered alike, so the
# replica takes the primary's shard count.
#
# Persistence (Microsoft Learn, "Configure data persistence for a Premium
# Azure Cache for Redis instance"): Premium only, RDB snapshots or an AOF log,
# not both, never on a geo-replicated cache, written to a storage account in
# the cache's own location. The cache gets an account of its own: the
# region's storage account refuses shared keys, which the cache authenticates
# with here, and keeps deleted blobs, which Microsoft advises against for
# persistence (the cache rewrites its files every few minutes or seconds).
# A key-authenticated cache cannot pass a storage firewall, so the account
# is reached over its public endpoint, with TLS 1.2 and no anonymous access.

locals {
  # Basic and Standard caches use the C family, Premium the P family.
  family = var.sku_name == "Premium" ? "P" : "C"
  # Only Premium caches can be spread over availability zones, and linked
  # caches cannot be zone-redundant. azurerm 4.55 has no argument for the
  # API's zonalAllocationPolicy (the Bicep module sets NoZones on linked
  # caches), so Azure's own default applies to them here.
  zones = var.sku_name == "Premium" && var.geo_replica == null && length(var.zones) > 0 ? var.zones : null

  rdb = var.persistence == null ? false : var.persistence.kind == "rdb"
  aof = var.persistence == null ? false : var.persistence.kind == "aof"
  # The persistence account's connection string, without its key.
  persistence_format = "DefaultEndpointsProtocol=https;BlobEndpoint=%s;AccountName=%s;AccountKey=%s"
}

resource "azurerm_storage_account" "persistence" {
  count = var.persistence == null ? 0 : 1

  name                            = var.persistence.account_name
  location                        = var.location
  resource_group_name             = var.resource_group_name
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = var.persistence.replication_type
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = true
  tags                            = var.tags
}

resource "azurerm_redis_cache" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku_name                      = var.sku_name
  family                        = local.family
  capacity                      = var.capacity
  shard_count                   = var.shard_count
  zones                         = local.zones
  redis_version                 = "6"
  minimum_tls_version           = "1.2"
  non_ssl_port_enabled          = false
  public_network_access_enabled = false
  tags                          = var.tags

  # Clients authenticate with Entra ID tokens, never the access keys; the
  # provider refuses to turn the keys off without Entra authentication on.
  access_keys_authentication_enabled = false

  redis_configuration {
    active_directory_authentication_enabled = true
    rdb_backup_enabled                      = local.rdb ? true : null
    rdb_backup_frequency                    = local.rdb ? var.persistence.rdb_frequency : null
    aof_backup_enabled                      = local.aof ? true : null

    # Built from the account's own attributes when it is deployed: the key
    # never appears in the configuration, only in the (sensitive) state.
    rdb_storage_connection_string = local.rdb ? format(
      local.persistence_format,
      azurerm_storage_account.persistence[0].primary_blob_endpoint,
      azurerm_storage_account.persistence[0].name,
      azurerm_storage_account.persistence[0].primary_access_key,
    ) : null
    aof_storage_connection_string_0 = local.aof ? format(
      local.persistence_format,
      azurerm_storage_account.persistence[0].primary_blob_endpoint,
      azurerm_storage_account.persistence[0].name,
      azurerm_storage_account.persistence[0].primary_access_key,
    ) : null
  }
}

resource "azurerm_redis_cache" "replica" {
  count = var.geo_replica == null ? 0 : 1

  name                          = var.geo_replica.name
  location                      = var.geo_replica.location
  resource_group_name           = var.resource_group_name
  sku_name                      = var.sku_name
  family                        = local.family
  capacity                      = var.capacity
  shard_count                   = var.shard_count
  redis_version                 = "6"
  minimum_tls_version           = "1.2"
  non_ssl_port_enabled          = false
  public_network_access_enabled = false
  tags                          = var.tags

  # Clients authenticate with Entra ID tokens, never the access keys; the
  # provider refuses to turn the keys off without Entra authentication on.
  access_keys_authentication_enabled = false

  redis_configuration {
    active_directory_authentication_enabled = true
  }
}

resource "azurerm_redis_linked_server" "replica" {
  count = var.geo_replica == null ? 0 : 1

  target_redis_cache_name     = azurerm_redis_cache.this.name
  resource_group_name         = var.resource_group_name
  linked_redis_cache_id       = azurerm_redis_cache.replica[0].id
  linked_redis_cache_location = azurerm_redis_cache.replica[0].location
  server_role                 = "Secondary"

  depends_on = [azurerm_private_endpoint.this, azurerm_private_endpoint.replica]
}

resource "azurerm_private_endpoint" "this" {
  name                = var.private_endpoint.name
  location            = var.private_endpoint.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint.subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = var.private_endpoint.name
    private_connection_resource_id = azurerm_redis_cache.this.id
    subresource_names              = ["redisCache"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = var.private_endpoint.private_dns_zone_ids
  }
}

resource "azurerm_private_endpoint" "replica" {
  count = var.geo_replica == null ? 0 : 1

  name                = var.geo_replica.private_endpoint_name
  location            = var.geo_replica.private_endpoint_location
  resource_group_name = var.resource_group_name
  subnet_id           = var.geo_replica_subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = var.geo_replica.private_endpoint_name
    private_connection_resource_id = azurerm_redis_cache.replica[0].id
    subresource_names              = ["redisCache"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = var.geo_replica_private_dns_zone_ids
  }
}
