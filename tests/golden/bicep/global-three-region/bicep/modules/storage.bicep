// A region's storage account: the source of truth for the documents the
// region's search indexes are built from. The replication type comes from the
// topology; geo-redundant types copy data to the Azure paired region, which
// the residency check has confirmed stays inside the boundary.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The storage account.')
param settings storageSettings

@description('Azure location of the region.')
param location string

@description('Resource ID of the region\'s endpoints subnet.')
param endpointSubnetId string

@description('Resource IDs of the region\'s private DNS zones, keyed by zone name.')
param privateDnsZoneIds resourceIds

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A region\'s storage account.')
type storageSettings = {
  @description('Name of the storage account.')
  name: string

  @description('Replication type.')
  replicationType: ('LRS' | 'ZRS' | 'GRS' | 'RAGRS' | 'GZRS' | 'RAGZRS')

  @description('Name of the private endpoint.')
  privateEndpointName: string

  @description('The private DNS zones the endpoint registers in.')
  privateDnsZones: string[]
}

resource account 'Microsoft.Storage/storageAccounts@2026-09-01' = {
  name: settings.name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_${settings.replicationType}'
  }
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Disabled'
    defaultToOAuthAuthentication: true
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2026-09-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

module endpoint 'private-endpoint.bicep' = {
  params: {
    name: settings.privateEndpointName
    location: location
    subnetId: endpointSubnetId
    serviceId: account.id
    groupId: 'blob'
    privateDnsZoneIds: toObject(settings.privateDnsZones, zone => zone, zone => privateDnsZoneIds[zone])
    tags: tags
  }
}

@description('Resource ID of the storage account.')
output id string = account.id
