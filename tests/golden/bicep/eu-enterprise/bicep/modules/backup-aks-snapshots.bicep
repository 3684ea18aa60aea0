// The roles on the resource group that holds an AKS cluster's backup disk
// snapshots, deployed in that group: the Backup vault reads the snapshots,
// and the cluster's identity writes them.

@description('Resource ID of the Backup vault, which names its assignment.')
param vaultId string

@description('Object ID of the Backup vault\'s system-assigned identity.')
param vaultPrincipalId string

@description('Resource ID of the cluster, which names its assignment.')
param clusterId string

@description('Object ID of the cluster\'s system-assigned identity.')
param clusterPrincipalId string

var readerRoleId = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
var contributorRoleId = 'b24988ac-6180-42a0-ab88-20f7382dd24c'

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, vaultId, readerRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', readerRoleId)
    principalId: vaultPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource clusterContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, clusterId, contributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', contributorRoleId)
    principalId: clusterPrincipalId
    principalType: 'ServicePrincipal'
  }
}
