// A region's Azure Database for PostgreSQL flexible server, reached only
// through private endpoints, with its read replicas, databases and an
// optional virtual endpoint.
//
// Nobody holds a password: password authentication is off and only Entra ID
// tokens are accepted. The principal that deploys becomes the server's Entra
// administrator and grants database roles to workload identities from there.
// Geo-redundant backup is fixed when the server is created. Read replicas
// take the primary's compute and storage and have no high availability or
// backups of their own.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The server, its replicas and databases.')
param settings postgresSettings

@description('Azure location of the region.')
param location string

@description('Resource ID of the region\'s endpoints subnet.')
param endpointSubnetId string

@description('Resource IDs of the region\'s private DNS zones, keyed by zone name.')
param privateDnsZoneIds resourceIds

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A read replica of the server.')
type postgresReplica = {
  @description('Name of the replica server.')
  name: string

  @description('Azure location of the replica.')
  location: string

  @description('Name of its private endpoint in the region\'s endpoints subnet.')
  privateEndpointName: string
}

@export()
@description('A database on the server.')
type postgresDatabase = {
  @description('Name of the database.')
  name: string

  @description('Character set.')
  charset: string

  @description('Collation.')
  collation: string
}

@export()
@description('A server parameter set on the server and on each replica.')
type postgresParameter = {
  @description('Name of the parameter, e.g. metrics.collector_database_activity.')
  name: string

  @description('Its value, e.g. on.')
  value: string
}

@export()
@description('A region\'s PostgreSQL flexible server.')
type postgresSettings = {
  @description('Name of the server; also its host name under postgres.database.azure.com.')
  name: string

  @description('Compute size, e.g. Standard_D2ds_v5.')
  skuName: string

  @description('Compute tier.')
  skuTier: ('Burstable' | 'GeneralPurpose' | 'MemoryOptimized')

  @description('PostgreSQL major version.')
  version: string

  @description('Storage size in GiB; Azure only grows it.')
  storageSizeGB: int

  @description('Disk performance tier (IOPS), e.g. P30; absent for Azure\'s default for the size.')
  storageTier: string?

  @description('Whether Azure grows the storage before it fills up.')
  autoGrow: bool

  @description('Availability zone of the server; absent to let Azure choose.')
  zone: string?

  @description('High availability: Disabled, ZoneRedundant or SameZone.')
  highAvailability: ('Disabled' | 'ZoneRedundant' | 'SameZone')

  @description('Zone of the standby server; absent to let Azure choose.')
  standbyZone: string?

  @description('Days of point-in-time backups (7 to 35).')
  @minValue(7)
  @maxValue(35)
  backupRetentionDays: int

  @description('Whether Azure copies backups to the paired region; fixed when the server is created.')
  geoRedundantBackup: bool

  @description('The read replicas.')
  replicas: postgresReplica[]

  @description('Name of the virtual endpoint pairing the server with the first replica; absent for none.')
  virtualEndpointName: string?

  @description('The databases.')
  databases: postgresDatabase[]

  @description('Server parameters (the enhanced metrics an alert watches), on the server and each replica.')
  parameters: postgresParameter[]

  @description('Name of the server\'s private endpoint.')
  privateEndpointName: string

  @description('The private DNS zones the endpoints register in.')
  privateDnsZones: string[]
}

var sku = {
  name: settings.skuName
  tier: settings.skuTier
}

var storage = {
  storageSizeGB: settings.storageSizeGB
  tier: settings.?storageTier
  autoGrow: settings.autoGrow ? 'Enabled' : 'Disabled'
}

var authentication = {
  activeDirectoryAuth: 'Enabled'
  passwordAuth: 'Disabled'
  tenantId: tenant().tenantId
}

var zoneIds = toObject(settings.privateDnsZones, zone => zone, zone => privateDnsZoneIds[zone])

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2026-10-01' = {
  name: settings.name
  location: location
  tags: tags
  sku: sku
  properties: {
    version: settings.version
    storage: storage
    availabilityZone: settings.?zone
    highAvailability: {
      mode: settings.highAvailability
      standbyAvailabilityZone: settings.highAvailability == 'Disabled' ? null : settings.?standbyZone
    }
    backup: {
      backupRetentionDays: settings.backupRetentionDays
      geoRedundantBackup: settings.geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    authConfig: authentication
    network: {
      publicNetworkAccess: 'Disabled'
    }
  }
}

resource administrator 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2026-10-01' = {
  parent: server
  name: deployer().objectId
  properties: {
    principalName: 'topoc-deployer'
    principalType: 'ServicePrincipal'
    tenantId: tenant().tenantId
  }
}

resource databases 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2026-10-01' = [
  for database in settings.databases: {
    parent: server
    name: database.name
    properties: {
      charset: database.charset
      collation: database.collation
    }
  }
]

resource replicas 'Microsoft.DBforPostgreSQL/flexibleServers@2026-10-01' = [
  for replica in settings.replicas: {
    name: replica.name
    location: replica.location
    tags: tags
    sku: sku
    properties: {
      createMode: 'Replica'
      sourceServerResourceId: server.id
      storage: storage
      authConfig: authentication
      network: {
        publicNetworkAccess: 'Disabled'
      }
    }
  }
]

// One writer name that follows the primary through a promotion, created
// once every replica exists.
resource virtualEndpoint 'Microsoft.DBforPostgreSQL/flexibleServers/virtualEndpoints@2026-10-01' = if (settings.?virtualEndpointName != null) {
  parent: server
  name: settings.?virtualEndpointName ?? 'none'
  properties: {
    endpointType: 'ReadWrite'
    members: [
      replicas[0].name
    ]
  }
  dependsOn: [
    replicas
  ]
}

// Server parameters, set one at a time once the replicas and the virtual
// endpoint exist: Azure refuses a change to a server busy with another
// operation. A replica keeps parameters of its own, so each gets them too.
@batchSize(1)
resource parameters 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2026-10-01' = [
  for parameter in settings.parameters: {
    parent: server
    name: parameter.name
    properties: {
      value: parameter.value
      source: 'user-override'
    }
    dependsOn: [
      replicas
      virtualEndpoint
    ]
  }
]

var replicaParameters = flatten(map(
  range(0, length(settings.replicas)),
  i => map(settings.parameters, parameter => { replica: i, name: parameter.name, value: parameter.value })
))

@batchSize(1)
resource replicaParameterValues 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2026-10-01' = [
  for parameter in replicaParameters: {
    parent: replicas[parameter.replica]
    name: parameter.name
    properties: {
      value: parameter.value
      source: 'user-override'
    }
    dependsOn: [
      virtualEndpoint
    ]
  }
]

module endpoint 'private-endpoint.bicep' = {
  params: {
    name: settings.privateEndpointName
    location: location
    subnetId: endpointSubnetId
    serviceId: server.id
    groupId: 'postgresqlServer'
    privateDnsZoneIds: zoneIds
    tags: tags
  }
}

module replicaEndpoints 'private-endpoint.bicep' = [
  for (replica, i) in settings.replicas: {
    params: {
      name: replica.privateEndpointName
      location: location
      subnetId: endpointSubnetId
      serviceId: replicas[i].id
      groupId: 'postgresqlServer'
      privateDnsZoneIds: zoneIds
      tags: tags
    }
  }
]

@description('Resource ID of the server.')
output id string = server.id

@description('Host name of the server.')
output fqdn string = server.properties.fullyQualifiedDomainName

@description('Resource IDs of the read replicas, in the order of settings.replicas.')
output replicaIds string[] = [for i in range(0, length(settings.replicas)): replicas[i].id]
