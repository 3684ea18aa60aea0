// One direction of a peering between two regional VNets of a boundary (Azure
// peers each side separately; the pair is connected once both exist), and
// the links of the remote region's Private Link zones to this VNet, which
// peering alone does not give: names of the remote private endpoints would
// resolve to public addresses here. Zones this region has a copy of its own
// are not linked: a virtual network takes one zone of a name only.

import { resourceTags } from 'types.bicep'

@description('The peering and the remote zones to link.')
param settings vnetPeeringSettings

@description('Name of the local virtual network, which the peering belongs to.')
param virtualNetworkName string

@description('Resource ID of the local virtual network, linked to the remote zones.')
param virtualNetworkId string

@description('Resource ID of the virtual network peered with.')
param remoteVirtualNetworkId string

@description('Resource group of the remote region, which holds its Private Link zones.')
param remoteResourceGroupName string

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('One direction of a peering between two regions\' virtual networks.')
type vnetPeeringSettings = {
  @description('Key of the local region.')
  local: string

  @description('Key of the remote region.')
  remote: string

  @description('Name of the peering under the local virtual network.')
  name: string

  @description('Private Link zones of the remote region to link to the local virtual network.')
  remoteZones: string[]

  @description('Name of the local virtual network\'s link in each remote zone.')
  linkName: string
}

resource network 'Microsoft.Network/virtualNetworks@2026-03-01' existing = {
  name: virtualNetworkName
}

// Traffic between the two virtual networks only: neither side routes a
// third network's traffic or has a gateway to share.
resource peering 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2026-03-01' = {
  parent: network
  name: settings.name
  properties: {
    remoteVirtualNetwork: {
      id: remoteVirtualNetworkId
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: false
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

module remoteLinks 'private-dns-links.bicep' = if (!empty(settings.remoteZones)) {
  scope: resourceGroup(remoteResourceGroupName)
  params: {
    zones: settings.remoteZones
    linkName: settings.linkName
    virtualNetworkId: virtualNetworkId
    tags: tags
  }
}

@description('Resource ID of the peering.')
output id string = peering.id
