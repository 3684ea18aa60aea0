// One boundary's residency policy. The boundary gets an allowed-locations
// definition of its own, assigned to each resource group that holds its
// resources (its regions' groups and, when it has a Cosmos DB account, its
// data group). The shared definitions from policy-definitions.bicep are
// assigned beside it: required tags everywhere, and no geo-redundant storage
// where a region's Azure pair lies outside the boundary.

targetScope = 'subscription'

import { policyDefinitionSettings } from 'policy-definitions.bicep'

@description('The boundary\'s definition and where it and the shared definitions are assigned.')
param settings residencySettings

@description('The shared definitions (policy-definitions.bicep), which must exist first.')
param sharedDefinitions policyDefinitionSettings

@description('Effect of the required-tags policy.')
@allowed([
  'Deny'
  'Audit'
  'Disabled'
])
param tagPolicyEffect string

@export()
@description('A boundary\'s residency policy.')
type residencySettings = {
  @description('Name of the boundary.')
  boundary: string

  @description('Name of the boundary\'s allowed-locations definition.')
  definitionName: string

  @description('Azure locations data of the boundary may be in.')
  allowedLocations: string[]

  @description('The resource groups the policies are assigned to.')
  scopes: scope[]

  @description('Tags every resource must carry; empty for no tag policy.')
  requiredTags: string[]
}

type scope = {
  @description('Name of the resource group.')
  resourceGroupName: string

  @description('Name of the allowed-locations assignment.')
  assignmentName: string

  @description('Whether geo-redundant storage is denied: the region\'s Azure pair lies outside the boundary.')
  denyGeoRedundantStorage: bool
}

var allowedLocationsPolicy = loadJsonContent('../policy/allowed-locations.json').properties

resource definition 'Microsoft.Authorization/policyDefinitions@2026-07-01' = {
  name: settings.definitionName
  properties: {
    policyType: 'Custom'
    mode: allowedLocationsPolicy.mode
    displayName: '${allowedLocationsPolicy.displayName} (${settings.boundary})'
    description: allowedLocationsPolicy.description
    metadata: allowedLocationsPolicy.metadata
    parameters: allowedLocationsPolicy.parameters
    policyRule: allowedLocationsPolicy.policyRule
  }
}

module assignments 'policy-assignments.bicep' = [
  for s in settings.scopes: {
    scope: resourceGroup(s.resourceGroupName)
    params: {
      boundary: settings.boundary
      allowedLocationsName: s.assignmentName
      allowedLocationsId: definition.id
      allowedLocations: settings.allowedLocations
      denyGeoRedundantStorage: s.denyGeoRedundantStorage
      sharedDefinitions: sharedDefinitions
      requiredTags: settings.requiredTags
      tagPolicyEffect: tagPolicyEffect
    }
  }
]
