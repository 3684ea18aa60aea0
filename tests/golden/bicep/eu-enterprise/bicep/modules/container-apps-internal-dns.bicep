// The private DNS zone of an internal Container Apps environment. The
// environment answers on a private address only, under a default domain
// Azure chooses when it creates the environment; nothing in a VNet resolves
// that domain until a zone of the same name maps it, and every app under it,
// to the environment's static IP (Microsoft Learn, "Provide a virtual
// network to an internal Azure Container Apps environment"). A module of its
// own because a resource's name must be known when the deployment starts,
// and a module's parameters may come from another resource.

import { resourceTags } from 'types.bicep'

@description('The environment\'s default domain, the name of the zone.')
param domain string

@description('The environment\'s static IP, where every name under the domain points.')
param staticIp string

@description('The virtual networks that resolve the zone: the region\'s own and those peered with it.')
param virtualNetworks linkedNetwork[]

@description('Tags on every resource that takes tags.')
param tags resourceTags

type linkedNetwork = {
  @description('Name of the virtual network, also the name of its link.')
  name: string

  @description('Resource group of the virtual network.')
  resourceGroup: string
}

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: domain
  location: 'global'
  tags: tags
}

// The apps (`<app>.<domain>`) and the domain itself.
resource records 'Microsoft.Network/privateDnsZones/A@2024-06-01' = [
  for record in ['*', '@']: {
    parent: zone
    name: record
    properties: {
      ttl: 300
      aRecords: [
        {
          ipv4Address: staticIp
        }
      ]
    }
  }
]

resource links 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for network in virtualNetworks: {
    parent: zone
    name: network.name
    location: 'global'
    tags: tags
    properties: {
      virtualNetwork: {
        id: resourceId(network.resourceGroup, 'Microsoft.Network/virtualNetworks', network.name)
      }
      registrationEnabled: false
    }
  }
]
