// A region's Azure OpenAI account and its model deployments. The deployment
// type (Standard, DataZoneStandard, GlobalStandard) decides where prompts may
// be processed, so it comes from the topology's residency check, never from
// a default here.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The account and its deployments.')
param settings openaiSettings

@description('Azure location of the region, where the private endpoint is.')
param location string

@description('Resource ID of the region\'s endpoints subnet.')
param endpointSubnetId string

@description('Resource IDs of the region\'s private DNS zones, keyed by zone name.')
param privateDnsZoneIds resourceIds

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A region\'s Azure OpenAI account.')
type openaiSettings = {
  @description('Name of the account; also its custom subdomain.')
  name: string

  @description('Azure location of the account, which may differ from the region\'s.')
  location: string

  @description('Where deployments may process prompts: Standard keeps them in the account\'s location.')
  deploymentType: ('Standard' | 'DataZoneStandard' | 'GlobalStandard')

  @description('The model deployments.')
  deployments: deployment[]

  @description('Name of the private endpoint.')
  privateEndpointName: string

  @description('The private DNS zones the endpoint registers in.')
  privateDnsZones: string[]
}

type deployment = {
  @description('Name of the deployment, which clients call.')
  name: string

  @description('Model name, such as gpt-4o.')
  model: string

  @description('Model version, pinned.')
  version: string

  @description('Capacity in thousands of tokens per minute.')
  capacity: int
}

resource account 'Microsoft.CognitiveServices/accounts@2026-09-01' = {
  name: settings.name
  location: settings.location
  tags: tags
  kind: 'OpenAI'
  identity: {
    type: 'SystemAssigned'
  }
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: settings.name
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
    networkAcls: {
      defaultAction: 'Deny'
    }
  }
}

// One at a time: an account accepts one deployment change at a time.
@batchSize(1)
resource deployments 'Microsoft.CognitiveServices/accounts/deployments@2026-09-01' = [
  for d in settings.deployments: {
    parent: account
    name: d.name
    sku: {
      name: settings.deploymentType
      capacity: d.capacity
    }
    properties: {
      model: {
        format: 'OpenAI'
        name: d.model
        version: d.version
      }
      // Pinned model versions move only when Azure retires them.
      versionUpgradeOption: 'OnceCurrentVersionExpired'
    }
  }
]

module endpoint 'private-endpoint.bicep' = {
  params: {
    name: settings.privateEndpointName
    location: location
    subnetId: endpointSubnetId
    serviceId: account.id
    groupId: 'account'
    privateDnsZoneIds: toObject(settings.privateDnsZones, zone => zone, zone => privateDnsZoneIds[zone])
    tags: tags
  }
}

@description('Resource ID of the account.')
output id string = account.id

@description('Endpoint of the account.')
output endpoint string = account.properties.endpoint
