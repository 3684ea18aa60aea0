// One boundary's Cosmos DB account. Its locations are the boundary's regions
// and their failover locations, never a location outside it, so the account
// itself cannot replicate tenant data across a residency boundary. It is
// reached only through private endpoints, one in each region that uses it,
// kept in that region's resource group beside its other endpoints.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The account, its database and containers.')
param settings cosmosSettings

@description('Resource IDs of the endpoints subnets of the regions with a private endpoint, keyed by region.')
param endpointSubnetIds resourceIds

@description('Resource IDs of the privatelink.documents.azure.com zone of those regions, keyed by region.')
param privateDnsZoneIds resourceIds

@description('Subnets admitted through service endpoints should public access ever be enabled, keyed by region.')
param virtualNetworkSubnetIds resourceIds

@description('Tags on every resource that takes tags.')
param tags resourceTags

@description('Resource ID of the Log Analytics workspace of a region of the account\'s boundary that receives its diagnostic logs; empty for none.')
param logAnalyticsWorkspaceId string = ''

@description('Name of the account\'s diagnostic setting; empty for none.')
param diagnosticSettingName string = ''

@export()
@description('A boundary\'s Cosmos DB account.')
type cosmosSettings = {
  @description('Name of the account.')
  name: string

  @description('Azure location of the account: its first write region.')
  location: string

  @description('The account\'s locations; failover priority 0 is the write region of a single-write account.')
  locations: geoLocation[]

  @description('Default consistency, with the staleness bounds of BoundedStaleness.')
  consistency: consistencyPolicy

  @description('Whether every location accepts writes.')
  multipleWriteLocations: bool

  @description('Whether Azure fails over to the next location by priority on a regional outage.')
  automaticFailover: bool

  @description('Backup: Continuous (with a tier) or Periodic (with where copies are kept).')
  backup: backupPolicy

  @description('Name of the SQL database.')
  databaseName: string

  @description('The containers of the database.')
  containers: container[]

  @description('One private endpoint per region that uses the account.')
  privateEndpoints: privateEndpoint[]
}

type geoLocation = {
  @description('Azure location.')
  location: string

  @description('Failover order, 0 first.')
  failoverPriority: int

  @description('Whether the location spreads replicas over availability zones.')
  zoneRedundant: bool
}

type consistencyPolicy = {
  @description('Default consistency level.')
  level: ('Strong' | 'BoundedStaleness' | 'Session' | 'ConsistentPrefix' | 'Eventual')

  @description('Most seconds a read may lag (BoundedStaleness only).')
  maxIntervalInSeconds: int?

  @description('Most versions a read may lag (BoundedStaleness only).')
  maxStalenessPrefix: int?
}

type backupPolicy = {
  @description('Continuous or Periodic.')
  type: ('Continuous' | 'Periodic')

  @description('Continuous7Days or Continuous30Days (Continuous only).')
  tier: ('Continuous7Days' | 'Continuous30Days')?

  @description('Where periodic backup copies are kept: Geo, Zone or Local (Periodic only).')
  storageRedundancy: ('Geo' | 'Zone' | 'Local')?
}

type container = {
  @description('Name of the container.')
  name: string

  @description('Partition key paths, such as /tenantId.')
  partitionKeyPaths: string[]

  @description('Seconds items live after their last write; -1 for no default expiry; null for no expiry at all.')
  defaultTtl: int?

  @description('Autoscale maximum RU/s.')
  maxThroughput: int

  @description('Index paths included.')
  includedPaths: string[]

  @description('Index paths excluded.')
  excludedPaths: string[]

  @description('LastWriterWins (with a path) or Custom (with a procedure).')
  conflictResolution: conflictResolutionPolicy

  @description('The stored procedure that resolves conflicts under a Custom policy; null for none.')
  procedure: storedProcedure?
}

type conflictResolutionPolicy = {
  @description('LastWriterWins or Custom.')
  mode: ('LastWriterWins' | 'Custom')

  @description('Numeric property whose highest value wins (LastWriterWins only).')
  path: string?

  @description('Path of the merge procedure, dbs/<database>/colls/<container>/sprocs/<name> (Custom only).')
  procedure: string?
}

type storedProcedure = {
  @description('Name of the procedure.')
  name: string

  @description('JavaScript body of the procedure.')
  body: string
}

type privateEndpoint = {
  @description('Key of the region the endpoint is in.')
  region: string

  @description('Name of the private endpoint.')
  name: string

  @description('Azure location of that region.')
  location: string

  @description('Resource group of that region.')
  resourceGroupName: string
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2026-03-15' = {
  name: settings.name
  location: settings.location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      for l in settings.locations: {
        locationName: l.location
        failoverPriority: l.failoverPriority
        isZoneRedundant: l.zoneRedundant
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: settings.consistency.level
      maxIntervalInSeconds: settings.consistency.?maxIntervalInSeconds
      maxStalenessPrefix: settings.consistency.?maxStalenessPrefix
    }
    enableMultipleWriteLocations: settings.multipleWriteLocations
    enableAutomaticFailover: settings.automaticFailover
    publicNetworkAccess: 'Disabled'
    isVirtualNetworkFilterEnabled: !empty(virtualNetworkSubnetIds)
    virtualNetworkRules: [
      for region in objectKeys(virtualNetworkSubnetIds): {
        id: virtualNetworkSubnetIds[region]
      }
    ]
    minimalTlsVersion: 'Tls12'
    // No account keys: data-plane clients use Entra ID and Cosmos DB SQL role
    // assignments; this file creates everything through Resource Manager.
    disableLocalAuth: true
    backupPolicy: settings.backup.type == 'Continuous'
      ? {
          type: 'Continuous'
          continuousModeProperties: {
            tier: settings.backup.?tier
          }
        }
      : {
          type: 'Periodic'
          periodicModeProperties: {
            backupIntervalInMinutes: 240
            backupRetentionIntervalInHours: 8
            backupStorageRedundancy: settings.backup.?storageRedundancy
          }
        }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2026-03-15' = {
  parent: account
  name: settings.databaseName
  properties: {
    resource: {
      id: settings.databaseName
    }
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2026-03-15' = [
  for c in settings.containers: {
    parent: database
    name: c.name
    properties: {
      resource: {
        id: c.name
        partitionKey: {
          paths: c.partitionKeyPaths
          kind: 'Hash'
          version: 2
        }
        defaultTtl: c.?defaultTtl
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: [
            for path in c.includedPaths: {
              path: path
            }
          ]
          excludedPaths: [
            for path in c.excludedPaths: {
              path: path
            }
          ]
        }
        // Fixed at creation: changing the policy means recreating the container.
        conflictResolutionPolicy: c.conflictResolution.mode == 'Custom'
          ? {
              mode: 'Custom'
              conflictResolutionProcedure: c.conflictResolution.?procedure
            }
          : {
              mode: 'LastWriterWins'
              conflictResolutionPath: c.conflictResolution.?path
            }
      }
      options: {
        autoscaleSettings: {
          maxThroughput: c.maxThroughput
        }
      }
    }
  }
]

// Merge procedures of containers with a Custom conflict policy. Until one is
// registered, Cosmos DB parks conflicts in the container's conflicts feed.
// Containers without one skip their entry; its name is then never used.
resource procedures 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/storedProcedures@2026-03-15' = [
  for (c, i) in settings.containers: if (c.?procedure != null) {
    parent: containers[i]
    name: c.?procedure.?name ?? 'none'
    properties: {
      resource: {
        id: c.?procedure.?name ?? 'none'
        body: c.?procedure.?body ?? ''
      }
    }
  }
]

module endpoints 'private-endpoint.bicep' = [
  for e in settings.privateEndpoints: {
    scope: resourceGroup(e.resourceGroupName)
    params: {
      name: e.name
      location: e.location
      subnetId: endpointSubnetIds[e.region]
      serviceId: account.id
      groupId: 'Sql'
      privateDnsZoneIds: {
        'privatelink.documents.azure.com': privateDnsZoneIds[e.region]
      }
      tags: tags
    }
  }
]

// The account's diagnostic setting, here so it is in the account's own
// resource group (an extension resource is deployed at its target's scope).
// Categories by name for the NoSQL API (Learn, "Supported logs for
// Microsoft.DocumentDB/DatabaseAccounts"): DataPlaneRequests (every data
// operation, with the client's IP address and principal),
// QueryRuntimeStatistics (query text), PartitionKeyStatistics and
// PartitionKeyRUConsumption (partition key values) hold request data;
// ControlPlaneRequests the account's changes. DataPlaneRequests5M and
// DataPlaneRequests15M are aggregates of DataPlaneRequests; the page names
// no category group, so none is used. Resource-specific tables
// (`Dedicated`), as Learn recommends for Cosmos DB. Bicep's type index has
// no newer version with categoryGroup than 2021-05-01-preview, kept for
// consistency with diagnostics.bicep.
#disable-next-line use-recent-api-versions
resource accountLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (!empty(diagnosticSettingName)) {
  name: diagnosticSettingName
  scope: account
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      for category in [
        'ControlPlaneRequests'
        'DataPlaneRequests'
        'PartitionKeyRUConsumption'
        'PartitionKeyStatistics'
        'QueryRuntimeStatistics'
      ]: {
        category: category
        enabled: true
      }
    ]
  }
}

@description('Resource ID of the account.')
output id string = account.id

@description('Endpoint of the account.')
output endpoint string = account.properties.documentEndpoint
