// A region's Key Vault for the secrets and certificates of that region's
// workloads. Authorization is Azure RBAC only (no access policies), and the
// vault is reachable only through its private endpoint.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The vault.')
param settings keyVaultSettings

@description('Azure location of the region.')
param location string

@description('Resource ID of the region\'s endpoints subnet.')
param endpointSubnetId string

@description('Resource IDs of the region\'s private DNS zones, keyed by zone name.')
param privateDnsZoneIds resourceIds

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A region\'s Key Vault.')
type keyVaultSettings = {
  @description('Name of the vault.')
  name: string

  @description('Tier: premium for HSM-protected keys.')
  skuName: ('standard' | 'premium')

  @description('Days a deleted vault and its objects can be recovered (7 to 90).')
  @minValue(7)
  @maxValue(90)
  softDeleteRetentionDays: int

  @description('Whether deleted objects cannot be purged before the retention ends; cannot be undone.')
  purgeProtection: bool

  @description('Name of the private endpoint.')
  privateEndpointName: string

  @description('The private DNS zones the endpoint registers in.')
  privateDnsZones: string[]
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: settings.name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: settings.skuName
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: settings.softDeleteRetentionDays
    // Azure accepts only true here; leaving it out is how it stays off.
    enablePurgeProtection: settings.purgeProtection ? true : null
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
  }
}

module endpoint 'private-endpoint.bicep' = {
  params: {
    name: settings.privateEndpointName
    location: location
    subnetId: endpointSubnetId
    serviceId: vault.id
    groupId: 'vault'
    privateDnsZoneIds: toObject(settings.privateDnsZones, zone => zone, zone => privateDnsZoneIds[zone])
    tags: tags
  }
}

@description('Resource ID of the vault.')
output id string = vault.id

@description('URI of the vault.')
output vaultUri string = vault.properties.vaultUri
