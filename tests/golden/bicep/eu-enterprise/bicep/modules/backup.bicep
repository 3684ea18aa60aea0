// A region's Azure Backup vault (a Data Protection backup vault), the
// long-term retention of the region's PostgreSQL flexible server, the
// vaulted backup of the region's storage account and the backup of the
// region's AKS cluster.
//
// The storage redundancy is fixed when the vault is created. A geo-redundant
// vault copies its backups to the Azure pair of its location; cross-region
// restore makes that copy restorable at any time and cannot be turned off
// again, and Azure accepts it only on a geo-redundant vault.

import { resourceTags } from 'types.bicep'

@description('The vault and what it protects.')
param settings backupSettings

@description('Azure location of the region; the server, storage account and cluster the vault protects are in it too.')
param location string

@description('Resource ID of the region\'s PostgreSQL server; empty when the region runs none.')
param postgresServerId string = ''

@description('Resource ID of the region\'s storage account; empty when the region runs none.')
param storageAccountId string = ''

@description('Resource ID of the region\'s AKS cluster; empty when the region runs none.')
param aksClusterId string = ''

@description('Microsoft Entra tenant the AKS backup extension signs in to storage in.')
param tenantId string = tenant().tenantId

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('Long-term retention of the region\'s PostgreSQL server.')
type backupPostgres = {
  @description('Name of the server the vault protects.')
  serverName: string

  @description('Name of the backup policy.')
  policyName: string

  @description('Name of the backup instance.')
  instanceName: string

  @description('How long the vault keeps each weekly backup, as an ISO 8601 duration.')
  retention: string
}

@export()
@description('Vaulted backup of the region\'s storage account.')
type backupStorage = {
  @description('Name of the storage account the vault backs up.')
  accountName: string

  @description('Name of the backup policy.')
  policyName: string

  @description('Name of the backup instance.')
  instanceName: string

  @description('How long the vault keeps each daily backup, as an ISO 8601 duration.')
  retention: string

  @description('The containers the vault copies: 1 to 100.')
  containers: string[]
}

@export()
@description('Backup of the region\'s AKS cluster, in the operational tier.')
type backupAks = {
  @description('Name of the cluster.')
  clusterName: string

  @description('Name of the storage account the cluster\'s backup extension writes to.')
  storageAccountName: string

  @description('Name of the resource group that holds the disk snapshots, in the same location.')
  snapshotResourceGroup: string

  @description('Name of the backup policy.')
  policyName: string

  @description('Name of the backup instance.')
  instanceName: string

  @description('How long each daily backup is kept, as an ISO 8601 duration.')
  retention: string
}

@export()
@description('A region\'s Backup vault.')
type backupSettings = {
  @description('Name of the vault.')
  name: string

  @description('Storage redundancy of the vault; fixed at creation.')
  redundancy: ('LocallyRedundant' | 'ZoneRedundant' | 'GeoRedundant')

  @description('Whether backups can be restored from the copy in the Azure pair at any time; geo-redundant vaults only.')
  crossRegionRestore: bool?

  @description('Long-term retention of the region\'s PostgreSQL server; absent for none.')
  postgres: backupPostgres?

  @description('Vaulted backup of the region\'s storage account; absent for none.')
  storage: backupStorage?

  @description('Backup of the region\'s AKS cluster; absent for none.')
  aks: backupAks?
}

// Built-in roles: Reader, the role that lets a Backup vault take a
// PostgreSQL flexible server's long-term retention backups, the one that
// lets it back up and restore a storage account's blobs, and the one that
// lets an AKS cluster's backup extension write its container.
var readerRoleId = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
var longTermRetentionRoleId = 'c088a766-074b-43ba-90d4-1fb21feae531'
var storageAccountBackupContributorRoleId = 'e5e2a7ff-d759-4cd2-bb51-3152d37e2eb1'
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

var vaultStore = {
  dataStoreType: 'VaultStore'
  objectType: 'DataStoreInfoBase'
}

resource vault 'Microsoft.DataProtection/backupVaults@2026-07-01' = {
  name: settings.name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    storageSettings: [
      {
        datastoreType: 'VaultStore'
        type: settings.redundancy
      }
    ]
    securitySettings: {
      softDeleteSettings: {
        state: 'On'
        retentionDurationInDays: 14
      }
    }
    featureSettings: settings.redundancy == 'GeoRedundant'
      ? {
          crossRegionRestoreSettings: {
            state: (settings.?crossRegionRestore ?? false) ? 'Enabled' : 'Disabled'
          }
        }
      : null
  }
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2026-10-01' existing = if (settings.?postgres != null) {
  name: settings.?postgres.?serverName ?? 'none'
}

// A weekly full backup, Sundays at 02:00 UTC, kept for `retention`.
resource policy 'Microsoft.DataProtection/backupVaults/backupPolicies@2026-07-01' = if (settings.?postgres != null) {
  parent: vault
  name: settings.?postgres.?policyName ?? 'none'
  properties: {
    objectType: 'BackupPolicy'
    datasourceTypes: [
      'Microsoft.DBforPostgreSQL/flexibleServers'
    ]
    policyRules: [
      {
        objectType: 'AzureBackupRule'
        name: 'BackupIntervals'
        dataStore: vaultStore
        backupParameters: {
          objectType: 'AzureBackupParams'
          backupType: 'Full'
        }
        trigger: {
          objectType: 'ScheduleBasedTriggerContext'
          schedule: {
            repeatingTimeIntervals: [
              'R/2025-01-05T02:00:00+00:00/P1W'
            ]
          }
          taggingCriteria: [
            {
              isDefault: true
              taggingPriority: 99
              tagInfo: {
                tagName: 'Default'
              }
            }
          ]
        }
      }
      {
        objectType: 'AzureRetentionRule'
        name: 'Default'
        isDefault: true
        lifecycles: [
          {
            deleteAfter: {
              objectType: 'AbsoluteDeleteOption'
              duration: settings.?postgres.?retention ?? 'P365D'
            }
            sourceDataStore: vaultStore
            targetDataStoreCopySettings: []
          }
        ]
      }
    ]
  }
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (settings.?postgres != null) {
  name: guid(resourceGroup().id, vault.id, readerRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', readerRoleId)
    principalId: vault.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource longTermRetention 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (settings.?postgres != null) {
  name: guid(server.id, vault.id, longTermRetentionRoleId)
  scope: server
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', longTermRetentionRoleId)
    principalId: vault.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Backup instances are written against API version 2025-01-01: the Bicep
// types of later versions leave `BlobBackupDatasourceParameters` out of the
// data source parameters a blob instance needs (warning BCP036).
var dataSource = {
  datasourceType: 'Microsoft.DBforPostgreSQL/flexibleServers'
  resourceID: postgresServerId
  resourceLocation: location
  resourceName: settings.?postgres.?serverName ?? 'none'
  resourceType: 'Microsoft.DBforPostgreSQL/flexibleServers'
}

resource instance 'Microsoft.DataProtection/backupVaults/backupInstances@2025-01-01' = if (settings.?postgres != null) {
  parent: vault
  name: settings.?postgres.?instanceName ?? 'none'
  properties: {
    objectType: 'BackupInstance'
    friendlyName: settings.?postgres.?instanceName ?? 'none'
    dataSourceInfo: union(dataSource, { objectType: 'Datasource' })
    dataSourceSetInfo: union(dataSource, { objectType: 'DatasourceSet' })
    policyInfo: {
      policyId: policy.id
    }
  }
  dependsOn: [
    reader
    longTermRetention
  ]
}

resource account 'Microsoft.Storage/storageAccounts@2026-09-01' existing = if (settings.?storage != null) {
  name: settings.?storage.?accountName ?? 'none'
}

// A daily backup of the containers, at 02:00 UTC, kept for `retention`.
// Azure copies the blobs into the vault with an object replication policy
// it adds to the account, which therefore keeps its change feed on.
resource blobPolicy 'Microsoft.DataProtection/backupVaults/backupPolicies@2026-07-01' = if (settings.?storage != null) {
  parent: vault
  name: settings.?storage.?policyName ?? 'none'
  properties: {
    objectType: 'BackupPolicy'
    datasourceTypes: [
      'Microsoft.Storage/storageAccounts/blobServices'
    ]
    policyRules: [
      {
        objectType: 'AzureBackupRule'
        name: 'BackupIntervals'
        dataStore: vaultStore
        backupParameters: {
          objectType: 'AzureBackupParams'
          backupType: 'Discrete'
        }
        trigger: {
          objectType: 'ScheduleBasedTriggerContext'
          schedule: {
            repeatingTimeIntervals: [
              'R/2025-01-05T02:00:00+00:00/P1D'
            ]
          }
          taggingCriteria: [
            {
              isDefault: true
              taggingPriority: 99
              tagInfo: {
                tagName: 'Default'
              }
            }
          ]
        }
      }
      {
        objectType: 'AzureRetentionRule'
        name: 'Default'
        isDefault: true
        lifecycles: [
          {
            deleteAfter: {
              objectType: 'AbsoluteDeleteOption'
              duration: settings.?storage.?retention ?? 'P30D'
            }
            sourceDataStore: vaultStore
            targetDataStoreCopySettings: []
          }
        ]
      }
    ]
  }
}

resource storageAccountBackupContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (settings.?storage != null) {
  name: guid(account.id, vault.id, storageAccountBackupContributorRoleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      storageAccountBackupContributorRoleId
    )
    principalId: vault.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource blobInstance 'Microsoft.DataProtection/backupVaults/backupInstances@2025-01-01' = if (settings.?storage != null) {
  parent: vault
  name: settings.?storage.?instanceName ?? 'none'
  properties: {
    objectType: 'BackupInstance'
    friendlyName: settings.?storage.?instanceName ?? 'none'
    dataSourceInfo: {
      objectType: 'Datasource'
      datasourceType: 'Microsoft.Storage/storageAccounts/blobServices'
      resourceID: storageAccountId
      resourceLocation: location
      resourceName: settings.?storage.?accountName ?? 'none'
      resourceType: 'Microsoft.Storage/storageAccounts'
      resourceUri: storageAccountId
    }
    policyInfo: {
      policyId: blobPolicy.id
      policyParameters: {
        backupDatasourceParametersList: [
          {
            objectType: 'BlobBackupDatasourceParameters'
            containersList: settings.?storage.?containers ?? []
          }
        ]
      }
    }
  }
  dependsOn: [
    storageAccountBackupContributor
  ]
}

// The backup of the AKS cluster, in the operational tier: every day at
// 02:00 UTC the cluster's backup extension writes its Kubernetes resources
// to a container of the region's storage account, and Azure Backup
// snapshots its disks into a resource group of their own (created by
// main.bicep); both stay in the region.
var aks = settings.?aks

resource cluster 'Microsoft.ContainerService/managedClusters@2026-08-01' existing = if (aks != null) {
  name: aks.?clusterName ?? 'none'
}

resource aksAccount 'Microsoft.Storage/storageAccounts@2026-09-01' existing = if (aks != null) {
  name: aks.?storageAccountName ?? 'none'
}

resource aksBlobs 'Microsoft.Storage/storageAccounts/blobServices@2026-09-01' existing = if (aks != null) {
  parent: aksAccount
  name: 'default'
}

// Used by the extension alone: it must share the container with nothing.
resource aksContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = if (aks != null) {
  parent: aksBlobs
  name: 'aks-backup'
  properties: {
    publicAccess: 'None'
  }
}

// The account takes no shared keys, so the extension signs in with its own
// identity (useAAD), which holds Storage Blob Data Contributor on it.
resource aksExtension 'Microsoft.KubernetesConfiguration/extensions@2025-03-01' = if (aks != null) {
  scope: cluster
  name: 'azure-aks-backup'
  properties: {
    extensionType: 'microsoft.dataprotection.kubernetes'
    autoUpgradeMinorVersion: true
    releaseTrain: 'stable'
    configurationSettings: {
      'configuration.backupStorageLocation.bucket': aksContainer.name
      'configuration.backupStorageLocation.config.storageAccount': aksAccount.name
      'configuration.backupStorageLocation.config.resourceGroup': resourceGroup().name
      'configuration.backupStorageLocation.config.subscriptionId': subscription().subscriptionId
      'configuration.backupStorageLocation.config.useAAD': 'true'
      'configuration.backupStorageLocation.config.storageAccountURI': aksAccount!.properties.primaryEndpoints.blob
      'credentials.tenantId': tenantId
    }
  }
}

resource aksExtensionStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (aks != null) {
  name: guid(aksAccount.id, aksExtension.id, storageBlobDataContributorRoleId)
  scope: aksAccount
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      storageBlobDataContributorRoleId
    )
    principalId: aksExtension!.properties.aksAssignedIdentity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The vault operates the cluster's backups through trusted access.
resource aksTrustedAccess 'Microsoft.ContainerService/managedClusters/trustedAccessRoleBindings@2025-07-01' = if (aks != null) {
  parent: cluster
  name: 'backup-vault'
  properties: {
    sourceResourceId: vault.id
    roles: [
      'Microsoft.DataProtection/backupVaults/backup-operator'
    ]
  }
}

resource aksVaultCluster 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (aks != null) {
  name: guid(cluster.id, vault.id, readerRoleId)
  scope: cluster
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', readerRoleId)
    principalId: vault.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The vault reads the snapshots and the cluster's identity writes them.
module aksSnapshots 'backup-aks-snapshots.bicep' = if (aks != null) {
  scope: resourceGroup(aks.?snapshotResourceGroup ?? resourceGroup().name)
  params: {
    vaultId: vault.id
    vaultPrincipalId: vault.identity.principalId
    clusterId: cluster.id
    clusterPrincipalId: cluster!.identity.principalId
  }
}

var operationalStore = {
  dataStoreType: 'OperationalStore'
  objectType: 'DataStoreInfoBase'
}

resource aksPolicy 'Microsoft.DataProtection/backupVaults/backupPolicies@2026-07-01' = if (aks != null) {
  parent: vault
  name: aks.?policyName ?? 'none'
  properties: {
    objectType: 'BackupPolicy'
    datasourceTypes: [
      'Microsoft.ContainerService/managedClusters'
    ]
    policyRules: [
      {
        objectType: 'AzureBackupRule'
        name: 'BackupIntervals'
        dataStore: operationalStore
        backupParameters: {
          objectType: 'AzureBackupParams'
          backupType: 'Incremental'
        }
        trigger: {
          objectType: 'ScheduleBasedTriggerContext'
          schedule: {
            repeatingTimeIntervals: [
              'R/2025-01-05T02:00:00+00:00/P1D'
            ]
          }
          taggingCriteria: [
            {
              isDefault: true
              taggingPriority: 99
              tagInfo: {
                tagName: 'Default'
              }
            }
          ]
        }
      }
      {
        objectType: 'AzureRetentionRule'
        name: 'Default'
        isDefault: true
        lifecycles: [
          {
            deleteAfter: {
              objectType: 'AbsoluteDeleteOption'
              duration: aks.?retention ?? 'P7D'
            }
            sourceDataStore: operationalStore
            targetDataStoreCopySettings: []
          }
        ]
      }
    ]
  }
}

var clusterDataSource = {
  datasourceType: 'Microsoft.ContainerService/managedClusters'
  resourceID: aksClusterId
  resourceLocation: location
  resourceName: aks.?clusterName ?? 'none'
  resourceType: 'Microsoft.ContainerService/managedClusters'
  resourceUri: aksClusterId
}

// Cluster-scoped resources and the disks' volumes too, in every namespace
// but the ones Azure Backup always skips (kube-system, kube-node-lease,
// kube-public).
resource aksInstance 'Microsoft.DataProtection/backupVaults/backupInstances@2025-01-01' = if (aks != null) {
  parent: vault
  name: aks.?instanceName ?? 'none'
  properties: {
    objectType: 'BackupInstance'
    friendlyName: aks.?instanceName ?? 'none'
    dataSourceInfo: union(clusterDataSource, { objectType: 'Datasource' })
    dataSourceSetInfo: union(clusterDataSource, { objectType: 'DatasourceSet' })
    policyInfo: {
      policyId: aksPolicy.id
      policyParameters: {
        dataStoreParametersList: [
          {
            objectType: 'AzureOperationalStoreParameters'
            dataStoreType: 'OperationalStore'
            resourceGroupId: subscriptionResourceId(
              'Microsoft.Resources/resourceGroups',
              aks.?snapshotResourceGroup ?? 'none'
            )
          }
        ]
        backupDatasourceParametersList: [
          {
            objectType: 'KubernetesClusterBackupDatasourceParameters'
            includeClusterScopeResources: true
            snapshotVolumes: true
          }
        ]
      }
    }
  }
  dependsOn: [
    aksExtensionStorage
    aksTrustedAccess
    aksVaultCluster
    aksSnapshots
  ]
}

@description('Resource ID of the vault.')
output id string = vault.id

@description('Object ID of the vault\'s system-assigned identity.')
output principalId string = vault.identity.principalId
