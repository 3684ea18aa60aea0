// An Azure Container Registry in its home region's location, geo-replicated
// to the replica locations, reached only through private endpoints (one in
// each region that uses it, in that region's resource group), with image
// pull granted to each AKS cluster's kubelet identity. Geo-replication,
// zone redundancy and disabled public network access are Premium settings.
// The admin account stays off: clients sign in with Entra ID.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The registry, its replications and private endpoints.')
param settings registrySettings

@description('Resource IDs of the endpoints subnets of the regions with a private endpoint, keyed by region.')
param endpointSubnetIds resourceIds

@description('Resource IDs of the privatelink.azurecr.io zone of those regions, keyed by region.')
param privateDnsZoneIds resourceIds

@description('Object IDs of the AKS kubelet identities that pull images, keyed by region.')
param pullPrincipalIds { *: string } = {}

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A container registry.')
type registrySettings = {
  @description('Name of the registry: 5-50 letters and digits, unique across Azure.')
  name: string

  @description('Azure location of the registry: its home region\'s location.')
  location: string

  @description('Tier of the registry.')
  sku: 'Basic' | 'Standard' | 'Premium'

  @description('Whether the registry spreads over the home location\'s availability zones.')
  zoneRedundant: bool

  @description('Replica locations, never the home location.')
  replications: replication[]

  @description('Private endpoints, one per region that reaches the registry.')
  privateEndpoints: privateEndpoint[]

  @description('Keys of the regions whose AKS cluster pulls images (AcrPull).')
  pullRegions: string[]
}

type replication = {
  @description('Azure location of the replica; also its name.')
  location: string

  @description('Whether the replica spreads over its location\'s availability zones.')
  zoneRedundant: bool
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

var acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: settings.name
  location: settings.location
  tags: tags
  sku: {
    name: settings.sku
  }
  properties: {
    adminUserEnabled: false
    publicNetworkAccess: 'Disabled'
    zoneRedundancy: settings.zoneRedundant ? 'Enabled' : 'Disabled'
  }
}

resource replications 'Microsoft.ContainerRegistry/registries/replications@2025-04-01' = [
  for r in settings.replications: {
    parent: registry
    name: r.location
    location: r.location
    tags: tags
    properties: {
      zoneRedundancy: r.zoneRedundant ? 'Enabled' : 'Disabled'
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
      serviceId: registry.id
      groupId: 'registry'
      privateDnsZoneIds: {
        'privatelink.azurecr.io': privateDnsZoneIds[e.region]
      }
      tags: tags
    }
  }
]

// Named from the region, known before the deployment starts, rather than
// from the identity, which the clusters' deployments only produce.
resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for region in settings.pullRegions: {
    name: guid(registry.id, region, acrPullRoleId)
    scope: registry
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRoleId)
      principalId: pullPrincipalIds[region]
      principalType: 'ServicePrincipal'
    }
  }
]

@description('Resource ID of the registry.')
output id string = registry.id

@description('Login server of the registry (<name>.azurecr.io).')
output loginServer string = registry.properties.loginServer
