// The Azure Policy definitions every boundary shares, read from the JSON files
// in ../policy (the usual Azure Policy definition format, so they can be
// reviewed and tested on their own). Custom rather than built-in definitions:
// the rules ship with the topology that relies on them and cannot change
// under it. residency-policy.bicep assigns them per boundary.

targetScope = 'subscription'

@description('Names of the definitions.')
param settings policyDefinitionSettings

@export()
@description('The shared policy definitions.')
type policyDefinitionSettings = {
  @description('Name of the definition that denies geo-redundant storage.')
  denyGeoRedundantStorageName: string

  @description('Name of the definition that requires the topology\'s tags.')
  requireTagsName: string

  @description('Appended to display names: the topology and environment.')
  displaySuffix: string
}

var denyGeoRedundantStorage = loadJsonContent('../policy/deny-geo-redundant-storage.json').properties
var requireTags = loadJsonContent('../policy/require-tags.json').properties

resource denyGeoRedundantStorageDefinition 'Microsoft.Authorization/policyDefinitions@2026-07-01' = {
  name: settings.denyGeoRedundantStorageName
  properties: {
    policyType: 'Custom'
    mode: denyGeoRedundantStorage.mode
    displayName: '${denyGeoRedundantStorage.displayName} (${settings.displaySuffix})'
    description: denyGeoRedundantStorage.description
    metadata: denyGeoRedundantStorage.metadata
    parameters: denyGeoRedundantStorage.parameters
    policyRule: denyGeoRedundantStorage.policyRule
  }
}

resource requireTagsDefinition 'Microsoft.Authorization/policyDefinitions@2026-07-01' = {
  name: settings.requireTagsName
  properties: {
    policyType: 'Custom'
    mode: requireTags.mode
    displayName: '${requireTags.displayName} (${settings.displaySuffix})'
    description: requireTags.description
    metadata: requireTags.metadata
    parameters: requireTags.parameters
    policyRule: requireTags.policyRule
  }
}

@description('Resource ID of the definition that denies geo-redundant storage.')
output denyGeoRedundantStorageId string = denyGeoRedundantStorageDefinition.id

@description('Resource ID of the definition that requires tags.')
output requireTagsId string = requireTagsDefinition.id
