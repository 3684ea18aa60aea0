// A region's AI Search service. Each region keeps its own indexes, built from
// data of its own boundary, so search never answers across a boundary. The
// service is reached only through its private endpoint, and keys are
// disabled in favour of Entra ID roles.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The search service.')
param settings searchSettings

@description('Azure location of the region.')
param location string

@description('Resource ID of the region\'s endpoints subnet.')
param endpointSubnetId string

@description('Resource IDs of the region\'s private DNS zones, keyed by zone name.')
param privateDnsZoneIds resourceIds

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A region\'s AI Search service.')
type searchSettings = {
  @description('Name of the search service.')
  name: string

  @description('Pricing tier.')
  sku: ('basic' | 'standard' | 'standard2' | 'standard3' | 'storage_optimized_l1' | 'storage_optimized_l2')

  @description('Replicas (1 to 12); two or more for read availability, three for writes.')
  @minValue(1)
  @maxValue(12)
  replicaCount: int

  @description('Partitions (1 to 12).')
  @minValue(1)
  @maxValue(12)
  partitionCount: int

  @description('Name of the private endpoint.')
  privateEndpointName: string

  @description('The private DNS zones the endpoint registers in.')
  privateDnsZones: string[]
}

resource search 'Microsoft.Search/searchServices@2026-11-01' = {
  name: settings.name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  sku: {
    name: settings.sku
  }
  properties: {
    replicaCount: settings.replicaCount
    partitionCount: settings.partitionCount
    hostingMode: 'Default'
    publicNetworkAccess: 'disabled'
    disableLocalAuth: true
  }
}

module endpoint 'private-endpoint.bicep' = {
  params: {
    name: settings.privateEndpointName
    location: location
    subnetId: endpointSubnetId
    serviceId: search.id
    groupId: 'searchService'
    privateDnsZoneIds: toObject(settings.privateDnsZones, zone => zone, zone => privateDnsZoneIds[zone])
    tags: tags
  }
}

@description('Resource ID of the search service.')
output id string = search.id
