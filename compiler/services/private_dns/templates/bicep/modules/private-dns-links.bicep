// Links of existing Private Link zones of this resource group to a virtual
// network of another region, which resolves the zones' private endpoints
// through a peering.

import { resourceTags } from 'types.bicep'

@description('Names of the zones to link, each already in this resource group.')
param zones string[]

@description('Name of the link in each zone.')
param linkName string

@description('Resource ID of the virtual network to link.')
param virtualNetworkId string

@description('Tags on every resource that takes tags.')
param tags resourceTags

resource existingZones 'Microsoft.Network/privateDnsZones@2024-06-01' existing = [
  for zone in zones: {
    name: zone
  }
]

resource links 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zone, i) in zones: {
    parent: existingZones[i]
    name: linkName
    location: 'global'
    tags: tags
    properties: {
      virtualNetwork: {
        id: virtualNetworkId
      }
      registrationEnabled: false
    }
  }
]
