// The residency policies of one resource group: its boundary's allowed
// locations, and the shared definitions that apply to it. Assignment names
// repeat across groups; they are unique within each.

import { policyDefinitionSettings } from 'policy-definitions.bicep'

@description('Name of the boundary.')
param boundary string

@description('Name of the allowed-locations assignment.')
param allowedLocationsName string

@description('Resource ID of the boundary\'s allowed-locations definition.')
param allowedLocationsId string

@description('Azure locations data of the boundary may be in.')
param allowedLocations string[]

@description('Whether geo-redundant storage is denied here: the region\'s Azure pair lies outside the boundary.')
param denyGeoRedundantStorage bool

@description('The shared definitions, assigned under their own names.')
param sharedDefinitions policyDefinitionSettings

@description('Tags every resource must carry; empty for no tag policy.')
param requiredTags string[]

@description('Effect of the required-tags policy.')
@allowed([
  'Deny'
  'Audit'
  'Disabled'
])
param tagPolicyEffect string

resource allowedLocationsAssignment 'Microsoft.Authorization/policyAssignments@2026-07-01' = {
  name: allowedLocationsName
  properties: {
    policyDefinitionId: allowedLocationsId
    displayName: 'Residency (${boundary}): allowed locations'
    parameters: {
      listOfAllowedLocations: {
        value: allowedLocations
      }
    }
  }
}

resource denyGeoRedundantStorageAssignment 'Microsoft.Authorization/policyAssignments@2026-07-01' = if (denyGeoRedundantStorage) {
  name: sharedDefinitions.denyGeoRedundantStorageName
  properties: {
    policyDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/policyDefinitions',
      sharedDefinitions.denyGeoRedundantStorageName
    )
    displayName: 'Residency (${boundary}): no geo-redundant storage'
  }
}

resource requireTagsAssignment 'Microsoft.Authorization/policyAssignments@2026-07-01' = if (!empty(requiredTags)) {
  name: sharedDefinitions.requireTagsName
  properties: {
    policyDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/policyDefinitions',
      sharedDefinitions.requireTagsName
    )
    displayName: 'Required tags'
    parameters: {
      tagNames: {
        value: requiredTags
      }
      effect: {
        value: tagPolicyEffect
      }
    }
  }
}
