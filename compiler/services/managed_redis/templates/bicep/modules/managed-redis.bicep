// A region's Azure Managed Redis: the cluster and its one database
// (`default`), reached only through its private endpoint (group
// redisEnterprise, zone privatelink.redis.azure.net). Azure Managed Redis has
// no virtual network injection and no IP firewall, so public network access
// is off. Clients authenticate with Entra ID tokens; the access keys stay off.
//
// Active geo-replication: each member of a group names it
// (`groupNickname`) and lists the databases it links to, its own included.
// The regions are deployed one after the other when the topology has a
// group, so each member links to those deployed before it; Azure makes the
// links reciprocal. A group holds at most five instances, all of the same
// size, and takes no persistence, so none is written.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The instance and its geo-replication group.')
param settings managedRedisSettings

@description('Azure location of the region.')
param location string

@description('Resource ID of the region\'s endpoints subnet.')
param endpointSubnetId string

@description('Resource IDs of the region\'s private DNS zones, keyed by zone name.')
param privateDnsZoneIds resourceIds

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A region\'s Azure Managed Redis.')
type managedRedisSettings = {
  @description('Name of the instance.')
  name: string

  @description('Tier and size, such as Balanced_B3.')
  skuName: string

  @description('Whether the instance runs a replica node beside its primary.')
  highAvailability: bool

  @description('The active geo-replication group; null for none.')
  geoReplication: geoReplicationGroup?

  @description('Name of the private endpoint.')
  privateEndpointName: string

  @description('The private DNS zones the endpoint registers in.')
  privateDnsZones: string[]
}

type geoReplicationGroup = {
  @description('Name of the group.')
  groupNickname: string

  @description('The members this one links to, itself included.')
  linkedDatabases: groupMember[]
}

type groupMember = {
  @description('Resource group of the member\'s instance.')
  resourceGroup: string

  @description('Name of the member\'s instance.')
  name: string
}

var linkedDatabases = map(settings.?geoReplication.?linkedDatabases ?? [], member => {
  id: resourceId(member.resourceGroup, 'Microsoft.Cache/redisEnterprise/databases', member.name, 'default')
})

resource cluster 'Microsoft.Cache/redisEnterprise@2025-07-01' = {
  name: settings.name
  location: location
  tags: tags
  sku: {
    name: settings.skuName
  }
  properties: {
    minimumTlsVersion: '1.2'
    highAvailability: settings.highAvailability ? 'Enabled' : 'Disabled'
    publicNetworkAccess: 'Disabled'
  }
}

resource database 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' = {
  parent: cluster
  name: 'default'
  properties: {
    clientProtocol: 'Encrypted'
    clusteringPolicy: 'OSSCluster'
    evictionPolicy: 'VolatileLRU'
    accessKeysAuthentication: 'Disabled'
    geoReplication: settings.?geoReplication == null
      ? null
      : {
          groupNickname: settings.?geoReplication.?groupNickname
          linkedDatabases: linkedDatabases
        }
  }
}

module endpoint 'private-endpoint.bicep' = {
  params: {
    name: settings.privateEndpointName
    location: location
    subnetId: endpointSubnetId
    serviceId: cluster.id
    groupId: 'redisEnterprise'
    privateDnsZoneIds: toObject(settings.privateDnsZones, zone => zone, zone => privateDnsZoneIds[zone])
    tags: tags
  }
  dependsOn: [
    database
  ]
}

@description('Resource ID of the instance.')
output id string = cluster.id
