// A region's storage account: the source of truth for the documents the
// region's search indexes are built from. The replication type comes from the
// topology; geo-redundant types copy data to the Azure paired region, which
// the residency check has confirmed stays inside the boundary. Shared keys
// are off: clients reach blobs with Entra ID only.

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

  @description('Name of the private endpoint for the secondary blob endpoint of a read-access geo-redundant account (RAGRS, RAGZRS); absent for other replication types.')
  secondaryPrivateEndpointName: string?
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
    allowSharedKeyAccess: false
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

// Reads from the paired region's copy go to <name>-secondary.blob.core.windows.net,
// reached privately through an endpoint of its own on the blob_secondary
// sub-resource, registered in the same privatelink.blob.core.windows.net zone.
module secondaryEndpoint 'private-endpoint.bicep' = if (settings.?secondaryPrivateEndpointName != null) {
  params: {
    name: settings.?secondaryPrivateEndpointName ?? ''
    location: location
    subnetId: endpointSubnetId
    serviceId: account.id
    groupId: 'blob_secondary'
    privateDnsZoneIds: toObject(settings.privateDnsZones, zone => zone, zone => privateDnsZoneIds[zone])
    tags: tags
  }
}

@description('Resource ID of the storage account.')
output id string = account.id
