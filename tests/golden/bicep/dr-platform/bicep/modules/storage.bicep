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

  @description('Days deleted blobs and containers can be restored: 1 to 365.')
  @minValue(1)
  @maxValue(365)
  softDeleteDays: int

  @description('Whether the account keeps a change feed: object replication reads it, for the replica account and for a Backup vault\'s vaulted backup.')
  changeFeed: bool

  @description('Days after which a previous blob version is deleted; absent keeps previous versions.')
  versionRetentionDays: int?

  @description('Lifecycle rules: block blobs whose names start with the prefix (container name first) move to cooler tiers and are deleted the given number of days after their last modification.')
  lifecycleRules: lifecycleRule[]

  @description('Blob containers, each with an optional time-based retention policy.')
  containers: blobContainer[]

  @description('The second account every container is copied to by object replication; absent for none.')
  replica: replicaSettings?

  @description('Name of the private endpoint for the secondary blob endpoint of a read-access geo-redundant account (RAGRS, RAGZRS); absent for other replication types.')
  secondaryPrivateEndpointName: string?

  @description('The account\'s customer-managed key in the region\'s Key Vault; absent for Microsoft-managed keys.')
  customerManagedKey: customerManagedKeySettings?
}

@description('A customer-managed key and the identity the account reads it with.')
type customerManagedKeySettings = {
  @description('Name of the region\'s Key Vault, in this resource group, with purge protection on.')
  keyVaultName: string

  @description('Name of the key in the vault.')
  keyName: string

  @description('RSA key size in bits.')
  keySize: (2048 | 3072 | 4096)

  @description('Name of the user-assigned identity the account reads the key with.')
  identityName: string
}

@description('A lifecycle rule; an absent action is not taken.')
type lifecycleRule = {
  @description('Name of the rule.')
  name: string

  @description('Blob name prefix, container name first; absent matches every block blob.')
  prefix: string?

  @description('Days after the last modification to move a blob to the cool tier.')
  coolAfterDays: int?

  @description('Days after the last modification to move a blob to the cold tier.')
  coldAfterDays: int?

  @description('Days after the last modification to move a blob to the archive tier.')
  archiveAfterDays: int?

  @description('Days after the last modification to delete a blob.')
  deleteAfterDays: int?
}

@description('The disaster recovery account of object replication.')
type replicaSettings = {
  @description('Name of the account.')
  name: string

  @description('Azure location of the account.')
  location: string

  @description('Replication type: ZRS where the location has availability zones, else LRS.')
  replicationType: ('LRS' | 'ZRS')
}

@description('A blob container.')
type blobContainer = {
  @description('Name of the container.')
  name: string

  @description('Days blobs stay unchangeable and undeletable after they are written; absent for no retention policy.')
  immutabilityDays: int?
}

var customerManagedKey = settings.?customerManagedKey

resource keyVault 'Microsoft.KeyVault/vaults@2026-05-15' existing = if (customerManagedKey != null) {
  name: customerManagedKey.?keyVaultName ?? ''
}

// Created through Resource Manager, which the vault's firewall does not
// govern. Azure Storage reads the key's newest version, checking once a day,
// so a new version rotates the account's key.
resource key 'Microsoft.KeyVault/vaults/keys@2026-05-15' = if (customerManagedKey != null) {
  parent: keyVault
  name: customerManagedKey.?keyName ?? ''
  properties: {
    kty: 'RSA'
    keySize: customerManagedKey!.keySize
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
  }
}

// A user-assigned identity: the only kind Azure accepts when the key is set
// as the account is created.
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = if (customerManagedKey != null) {
  name: customerManagedKey.?identityName ?? ''
  location: location
  tags: tags
}

// Built-in role Key Vault Crypto Service Encryption User: wrap and unwrap
// with the vault's keys.
var cryptoServiceEncryptionUserRoleId = 'e147488a-f6f5-4113-8e2d-b22465e65bf6'

resource cryptoServiceEncryptionUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (customerManagedKey != null) {
  name: guid(keyVault.id, keyIdentity.id, cryptoServiceEncryptionUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      cryptoServiceEncryptionUserRoleId
    )
    principalId: keyIdentity!.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource account 'Microsoft.Storage/storageAccounts@2026-09-01' = {
  name: settings.name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_${settings.replicationType}'
  }
  identity: customerManagedKey == null
    ? null
    : {
        type: 'UserAssigned'
        userAssignedIdentities: {
          '${keyIdentity.id}': {}
        }
      }
  properties: {
    // Without a customer-managed key Azure uses Microsoft-managed keys. The
    // key is versionless: the account follows the vault's newest version.
    encryption: customerManagedKey == null
      ? null
      : {
          keySource: 'Microsoft.Keyvault'
          identity: {
            userAssignedIdentity: keyIdentity.id
          }
          keyvaultproperties: {
            keyname: key.name
            keyvaulturi: keyVault!.properties.vaultUri
          }
          services: {
            blob: {
              enabled: true
              keyType: 'Account'
            }
            file: {
              enabled: true
              keyType: 'Account'
            }
          }
        }
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
  // The identity must hold its role before the account uses the key.
  dependsOn: [
    cryptoServiceEncryptionUser
  ]
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2026-09-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    // The change feed records every blob change; object replication reads it.
    changeFeed: {
      enabled: settings.changeFeed
    }
    deleteRetentionPolicy: {
      enabled: true
      days: settings.softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: settings.softDeleteDays
    }
  }
}

// One management policy rule per lifecycle rule; an absent action is left
// out.
var tierRules = map(settings.lifecycleRules, rule => {
  name: rule.name
  enabled: true
  type: 'Lifecycle'
  definition: {
    filters: union({ blobTypes: ['blockBlob'] }, rule.?prefix == null ? {} : { prefixMatch: [rule.?prefix] })
    actions: {
      baseBlob: union(
        rule.?coolAfterDays == null
          ? {}
          : { tierToCool: { daysAfterModificationGreaterThan: rule.?coolAfterDays ?? 0 } },
        rule.?coldAfterDays == null
          ? {}
          : { tierToCold: { daysAfterModificationGreaterThan: rule.?coldAfterDays ?? 0 } },
        rule.?archiveAfterDays == null
          ? {}
          : { tierToArchive: { daysAfterModificationGreaterThan: rule.?archiveAfterDays ?? 0 } },
        rule.?deleteAfterDays == null
          ? {}
          : { delete: { daysAfterModificationGreaterThan: rule.?deleteAfterDays ?? 0 } }
      )
    }
  }
})

var versionRules = settings.?versionRetentionDays == null
  ? []
  : [
      {
        name: 'versions'
        enabled: true
        type: 'Lifecycle'
        definition: {
          filters: { blobTypes: ['blockBlob'] }
          actions: { version: { delete: { daysAfterCreationGreaterThan: settings.?versionRetentionDays } } }
        }
      }
    ]

var policyRules = concat(tierRules, versionRules)

// Moves blobs to cooler tiers and deletes them, and deletes previous
// versions; Azure runs the policy once a day.
resource managementPolicy 'Microsoft.Storage/storageAccounts/managementPolicies@2026-09-01' = if (!empty(policyRules)) {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: policyRules
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = [
  for container in settings.containers: {
    parent: blobs
    name: container.name
    properties: {
      publicAccess: 'None'
    }
  }
]

// A time-based retention (WORM) policy, left unlocked: ARM templates cannot
// lock one (locking is an action on the policy, not a property), and a
// locked policy can never be removed.
resource retention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2026-09-01' = [
  for (container, i) in settings.containers: if (container.?immutabilityDays != null) {
    parent: containers[i]
    name: 'default'
    properties: {
      immutabilityPeriodSinceCreationInDays: container.?immutabilityDays ?? 1
      allowProtectedAppendWrites: false
    }
  }
]

var replica = settings.?replica

// The disaster recovery account: locked down like the first, zone-redundant
// or local in its own location, with versioning on as object replication
// requires of a destination. It has no private endpoint: clients read it
// only after a failover adds one.
resource replicaAccount 'Microsoft.Storage/storageAccounts@2026-09-01' = if (replica != null) {
  name: replica!.name
  location: replica!.location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_${replica!.replicationType}'
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

resource replicaBlobs 'Microsoft.Storage/storageAccounts/blobServices@2026-09-01' = if (replica != null) {
  parent: replicaAccount
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: settings.softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: settings.softDeleteDays
    }
  }
}

resource replicaContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = [
  for container in (replica == null ? [] : settings.containers): {
    parent: replicaBlobs
    name: container.name
    properties: {
      publicAccess: 'None'
    }
  }
]

// Object replication is set on the destination first, which gives the
// policy and each rule their IDs, then on the source with the same IDs.
// Every blob is copied, those written before the policy included
// (minCreationTime at the start of the Windows epoch).
resource destinationPolicy 'Microsoft.Storage/storageAccounts/objectReplicationPolicies@2026-09-01' = if (replica != null) {
  parent: replicaAccount
  name: 'default'
  properties: {
    sourceAccount: account.id
    destinationAccount: replicaAccount.id
    rules: [
      for container in settings.containers: {
        sourceContainer: container.name
        destinationContainer: container.name
        filters: {
          minCreationTime: '1601-01-01T00:00:00Z'
        }
      }
    ]
  }
  dependsOn: [
    containers
    replicaContainers
  ]
}

// The source side's name is the policy ID Azure gave the destination's, known
// only once it is deployed: a module takes it as a parameter.
module sourcePolicy 'storage-replication.bicep' = if (replica != null) {
  params: {
    accountName: account.name
    // What-if cannot predict the source side: its name exists only once the
    // destination side is deployed.
    #disable-next-line what-if-short-circuiting
    policyId: destinationPolicy!.properties.policyId
    destinationAccountId: replicaAccount.id
    rules: destinationPolicy!.properties.rules
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
