// Key Vault Secrets User on a vault for the Front Door profile's identity,
// deployed in the vault's resource group before the Front Door secrets
// that read its certificates.

@description('Name of the vault, in this deployment\'s resource group.')
param vaultName string

@description('Resource ID of the Front Door profile; it names the role assignment.')
param profileId string

@description('Object ID of the Front Door profile\'s system-assigned identity.')
param principalId string

var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: vaultName
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, profileId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
