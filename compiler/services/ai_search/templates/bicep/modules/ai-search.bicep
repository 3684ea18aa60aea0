// A region's AI Search service. Each region keeps its own indexes, built from
// data of its own boundary, so search never answers across a boundary. The
// service is reached only through its private endpoint, and keys are
// disabled in favour of Entra ID roles.
//
// Storage and Azure OpenAI have public network access off, so the indexer
// (blob storage) and the vectorizer (OpenAI embeddings) reach them through
// shared private links: private endpoints the search service owns, each
// pending until the owner of the target approves its connection
// (`az network private-endpoint-connection approve --id <connection id>`).
// Shared private links need the Basic tier or higher, and indexers must run
// in the private execution environment to use them.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The search service.')
param settings searchSettings

@description('Azure location of the region.')
param location string

@description('Resource ID of the region\'s endpoints subnet.')
param endpointSubnetId string

@description('Resource IDs of the region\'s private DNS zones, keyed by zone name.')
param privateDnsZoneIds resourceIds

@description('Resource IDs of the shared private links\' targets, keyed by link key (blob, openai).')
param sharedPrivateLinkTargetIds resourceIds

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

  @description('Shared private links to the region\'s storage and Azure OpenAI account.')
  sharedPrivateLinks: sharedPrivateLink[]
}

type sharedPrivateLink = {
  @description('Key of the target in sharedPrivateLinkTargetIds.')
  key: string

  @description('Name of the link, unique within the search service.')
  name: string

  @description('The target\'s Private Link sub-resource: blob or openai_account.')
  groupId: ('blob' | 'openai_account')
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

// One at a time, as azurerm creates them (it locks the search service for
// each shared private link it creates).
@batchSize(1)
resource sharedLinks 'Microsoft.Search/searchServices/sharedPrivateLinkResources@2026-11-01' = [
  for link in settings.sharedPrivateLinks: {
    parent: search
    name: link.name
    properties: {
      groupId: link.groupId
      privateLinkResourceId: sharedPrivateLinkTargetIds[link.key]
      requestMessage: 'Shared private link of AI Search service ${settings.name}'
    }
  }
]

@description('Resource ID of the search service.')
output id string = search.id
