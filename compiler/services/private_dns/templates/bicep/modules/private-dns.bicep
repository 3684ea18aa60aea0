// A region's Private Link DNS zones, one per service the region reaches
// through a private endpoint, each linked to the region's virtual network.
// Zones are per region rather than shared: private endpoints of one Cosmos DB
// account in two regions register the same host names, which one shared
// zone could point at only one of them. Endpoints add their records through
// their DNS zone groups.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The zones and their link name.')
param settings privateDnsSettings

@description('Resource ID of the region\'s virtual network.')
param virtualNetworkId string

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A region\'s Private Link DNS zones.')
type privateDnsSettings = {
  @description('Zone names, such as privatelink.documents.azure.com.')
  zones: string[]

  @description('Name of each zone\'s link to the virtual network.')
  linkName: string
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zone in settings.zones: {
    name: zone
    location: 'global'
    tags: tags
  }
]

resource links 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zone, i) in settings.zones: {
    parent: zones[i]
    name: settings.linkName
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

@description('Resource IDs of the zones, keyed by zone name.')
output zoneIds resourceIds = toObject(
  settings.zones,
  zone => zone,
  zone => resourceId('Microsoft.Network/privateDnsZones', zone)
)
