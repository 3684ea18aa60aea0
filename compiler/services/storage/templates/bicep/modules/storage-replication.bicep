// The source side of a storage account's object replication policy. Its
// name is the policy ID Azure gave the destination side, a value known only
// during the deployment, which a resource name in storage.bicep cannot take
// but a module parameter can.

@description('Name of the source storage account.')
param accountName string

@description('ID Azure gave the policy on the destination account.')
param policyId string

@description('Resource ID of the destination account.')
param destinationAccountId string

@description('The rules of the destination side, with the IDs Azure gave them.')
param rules replicationRule[]

@description('A rule: the container copied and the container it is copied to.')
type replicationRule = {
  @description('ID Azure gave the rule on the destination account.')
  ruleId: string?

  @description('Container of the source account.')
  sourceContainer: string

  @description('Container of the destination account.')
  destinationContainer: string

  @description('Which blobs are copied.')
  filters: {
    @description('Blobs created after this time are copied.')
    minCreationTime: string?
  }?
}

resource account 'Microsoft.Storage/storageAccounts@2026-09-01' existing = {
  name: accountName
}

resource policy 'Microsoft.Storage/storageAccounts/objectReplicationPolicies@2026-09-01' = {
  parent: account
  name: policyId
  properties: {
    sourceAccount: account.id
    destinationAccount: destinationAccountId
    rules: rules
  }
}
