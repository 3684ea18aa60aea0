// A private endpoint for one service, in a region's `endpoints` subnet, with
// its DNS records registered in the region's Private Link DNS zones. The
// service itself keeps public network access disabled.

import { resourceIds, resourceTags } from 'types.bicep'

@description('Name of the private endpoint (also used for its connection).')
param name string

@description('Azure location of the region the endpoint is in.')
param location string

@description('Resource ID of the subnet the endpoint takes an address from.')
param subnetId string

@description('Resource ID of the service the endpoint connects to.')
param serviceId string

@description('The service\'s Private Link sub-resource, such as Sql, blob or vault.')
param groupId string

@description('Resource IDs of the private DNS zones the endpoint registers in, keyed by zone name.')
param privateDnsZoneIds resourceIds

@description('Tags on every resource that takes tags.')
param tags resourceTags

resource endpoint 'Microsoft.Network/privateEndpoints@2026-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: serviceId
          groupIds: [
            groupId
          ]
        }
      }
    ]
  }
}

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2026-03-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      for zone in objectKeys(privateDnsZoneIds): {
        name: replace(zone, '.', '-')
        properties: {
          privateDnsZoneId: privateDnsZoneIds[zone]
        }
      }
    ]
  }
}

@description('Resource ID of the private endpoint.')
output id string = endpoint.id
