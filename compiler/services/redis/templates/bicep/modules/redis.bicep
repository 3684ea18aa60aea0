// A region's Azure Cache for Redis, reached only through its private
// endpoint. An optional geo-replica (Premium only) is a second cache in
// another location of the same boundary, linked as a passive secondary and
// reached through a private endpoint of its own in the replica's region.
//
// Passive geo-replication (Microsoft Learn, "Configure passive
// geo-replication for Premium Azure Cache for Redis instances"): both caches
// Premium, the secondary the same size or larger (the same size here, so
// geo-failover works), the same Redis version; no zone redundancy, no
// persistence, at most one replica per primary; and a private endpoint
// cannot be added to a cache that is already linked, so the link waits for
// both endpoints.
//
// Clustering (Microsoft Learn, "How to configure Redis clustering for a
// Premium Azure Cache for Redis"): Premium only, 1 to 10 shards, and it cannot
// be turned off once on. Linked caches must be clustered alike, so the
// replica takes the primary's shard count.
//
// Persistence (Microsoft Learn, "Configure data persistence for a Premium
// Azure Cache for Redis instance"): Premium only, RDB snapshots or an AOF log,
// not both, never on a geo-replicated cache, written to a storage account in
// the cache's own location. The cache gets an account of its own: the
// region's storage account refuses shared keys, which the cache authenticates
// with here, and keeps deleted blobs, which Microsoft advises against for
// persistence. A key-authenticated cache cannot pass a storage firewall, so
// the account is reached over its public endpoint, with TLS 1.2 and no
// anonymous access.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The cache and its geo-replica.')
param settings redisSettings

@description('Azure location of the region.')
param location string

@description('Resource ID of the region\'s endpoints subnet.')
param endpointSubnetId string

@description('Resource IDs of the region\'s private DNS zones, keyed by zone name.')
param privateDnsZoneIds resourceIds

@description('Resource ID of the endpoints subnet the geo-replica\'s private endpoint uses; empty without a replica.')
param replicaEndpointSubnetId string = ''

@description('Resource ID of the Redis Private Link DNS zone the geo-replica\'s endpoint registers in; empty without a replica.')
param replicaPrivateDnsZoneId string = ''

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A region\'s Azure Cache for Redis.')
type redisSettings = {
  @description('Name of the cache.')
  name: string

  @description('Tier.')
  skuName: ('Basic' | 'Standard' | 'Premium')

  @description('Size within the tier: C0 to C6 for Basic and Standard, P1 to P5 for Premium.')
  @minValue(0)
  @maxValue(6)
  capacity: int

  @description('Shards of a clustered Premium cache, also those of its geo-replica; absent for an unclustered cache.')
  @minValue(1)
  @maxValue(10)
  shardCount: int?

  @description('Availability zones of a Premium cache; empty for none.')
  zones: string[]

  @description('Persistence of a Premium cache and the account it writes to; absent for none.')
  persistence: persistence?

  @description('The linked geo-replica; null for none.')
  geoReplica: replica?

  @description('Name of the private endpoint.')
  privateEndpointName: string

  @description('The private DNS zones the endpoint registers in.')
  privateDnsZones: string[]
}

type persistence = {
  @description('RDB snapshots or an append-only log of every write.')
  kind: ('rdb' | 'aof')

  @description('Minutes between RDB snapshots; absent for AOF.')
  rdbFrequency: (15 | 30 | 60 | 360 | 720 | 1440)?

  @description('Name of the storage account, in the cache\'s location.')
  accountName: string

  @description('Redundancy of the storage account: LRS, ZRS, GRS or GZRS.')
  replicationType: ('LRS' | 'ZRS' | 'GRS' | 'GZRS')
}

type replica = {
  @description('Name of the replica cache.')
  name: string

  @description('Azure location of the replica, inside the boundary.')
  location: string

  @description('Name of the replica\'s private endpoint.')
  privateEndpointName: string

  @description('Azure location of the replica\'s private endpoint: that of the virtual network it is in.')
  privateEndpointLocation: string
}

// Basic and Standard caches are the C family, Premium the P family.
var sku = {
  name: settings.skuName
  family: settings.skuName == 'Premium' ? 'P' : 'C'
  capacity: settings.capacity
}

// Only Premium caches can be spread over availability zones, and linked
// caches cannot be zone-redundant.
var zones = settings.skuName == 'Premium' && settings.?geoReplica == null && !empty(settings.zones)
  ? settings.zones
  : null

// Without a replica these are unused: the replica resources are skipped.
var replicaName = settings.?geoReplica.?name ?? '${settings.name}-replica'
var replicaLocation = settings.?geoReplica.?location ?? location

resource persistenceAccount 'Microsoft.Storage/storageAccounts@2026-09-01' = if (settings.?persistence != null) {
  name: settings.?persistence.?accountName ?? '${take(replace(settings.name, '-', ''), 20)}pers'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_${settings.?persistence.?replicationType ?? 'LRS'}'
  }
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: true
  }
}

// Read from the account when the cache is deployed: the key never appears
// in the parameters or the outputs.
var persistenceConnectionString = settings.?persistence == null
  ? ''
  : 'DefaultEndpointsProtocol=https;BlobEndpoint=${persistenceAccount!.properties.primaryEndpoints.blob};AccountName=${persistenceAccount.name};AccountKey=${persistenceAccount!.listKeys().keys[0].value}'

var persistenceConfiguration = settings.?persistence.?kind == 'rdb'
  ? {
      'rdb-backup-enabled': 'true'
      'rdb-backup-frequency': string(settings.?persistence.?rdbFrequency ?? 60)
      'rdb-storage-connection-string': persistenceConnectionString
    }
  : settings.?persistence.?kind == 'aof'
      ? {
          'aof-backup-enabled': 'true'
          'aof-storage-connection-string-0': persistenceConnectionString
        }
      : {}

var cacheProperties = {
  sku: sku
  redisVersion: '6'
  minimumTlsVersion: '1.2'
  enableNonSslPort: false
  publicNetworkAccess: 'Disabled'
  // Clients authenticate with Entra ID tokens, never the access keys, which
  // can only be turned off with Entra authentication on.
  disableAccessKeyAuthentication: true
  redisConfiguration: {
    'aad-enabled': 'true'
    ...persistenceConfiguration
  }
  // Absent, not null, on an unclustered cache.
  ...(settings.?shardCount == null ? {} : { shardCount: settings.?shardCount })
}

// Without zones API version 2024-11-01 picks zones itself ('Automatic') where
// the region has them; linked caches must stay non-zonal.
var linkedCacheProperties = {
  ...cacheProperties
  zonalAllocationPolicy: 'NoZones'
}

resource cache 'Microsoft.Cache/redis@2024-11-01' = {
  name: settings.name
  location: location
  tags: tags
  zones: zones
  properties: settings.?geoReplica == null ? cacheProperties : linkedCacheProperties
}

resource replicaCache 'Microsoft.Cache/redis@2024-11-01' = if (settings.?geoReplica != null) {
  name: replicaName
  location: replicaLocation
  tags: tags
  properties: linkedCacheProperties
}

resource link 'Microsoft.Cache/redis/linkedServers@2024-11-01' = if (settings.?geoReplica != null) {
  parent: cache
  name: replicaName
  properties: {
    linkedRedisCacheId: replicaCache.id
    linkedRedisCacheLocation: replicaLocation
    serverRole: 'Secondary'
  }
  dependsOn: [
    endpoint
    replicaEndpoint
  ]
}

module endpoint 'private-endpoint.bicep' = {
  params: {
    name: settings.privateEndpointName
    location: location
    subnetId: endpointSubnetId
    serviceId: cache.id
    groupId: 'redisCache'
    privateDnsZoneIds: toObject(settings.privateDnsZones, zone => zone, zone => privateDnsZoneIds[zone])
    tags: tags
  }
}

module replicaEndpoint 'private-endpoint.bicep' = if (settings.?geoReplica != null) {
  params: {
    name: settings.?geoReplica.?privateEndpointName ?? '${settings.privateEndpointName}-replica'
    location: settings.?geoReplica.?privateEndpointLocation ?? location
    subnetId: replicaEndpointSubnetId
    serviceId: replicaCache.id
    groupId: 'redisCache'
    privateDnsZoneIds: {
      'privatelink.redis.cache.windows.net': replicaPrivateDnsZoneId
    }
    tags: tags
  }
}

@description('Resource ID of the cache.')
output id string = cache.id
