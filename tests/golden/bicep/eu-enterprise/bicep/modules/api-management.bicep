// A region's API Management instance. Its gateway runs in the region's
// location and, on the Premium tier, in each additional location with the
// primary's units; the management plane and developer portal stay in the
// primary location, and each location's gateway keeps its own response
// cache and rate-limit counters.
//
// Creating the instance, or adding a location, takes 30 to 60 minutes.

import { resourceTags } from 'types.bicep'

@description('The instance.')
param settings apiManagementSettings

@description('Azure location of the region: the primary gateway, management plane and developer portal.')
param location string

@description('Subnet of the region\'s VNet the primary gateway is injected into; empty unless `virtualNetworkType` is External or Internal.')
param subnetId string = ''

@description('Subnet each additional location\'s gateway is injected into, in the order of `additionalLocations`; each empty unless `virtualNetworkType` is External or Internal.')
param additionalSubnetIds string[] = []

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A region\'s API Management instance.')
type apiManagementSettings = {
  @description('Name of the instance, also its host name under azure-api.net.')
  name: string

  @description('Tier.')
  sku: ('Developer' | 'Basic' | 'Standard' | 'Premium')

  @description('Units in each location.')
  capacity: int

  @description('Name of the organization that publishes the APIs.')
  publisherName: string

  @description('Email address that receives the instance\'s notifications.')
  publisherEmail: string

  @description('Availability zones of the primary location (Premium only); empty for none.')
  zones: string[]

  @description('None, or External or Internal: the gateway is injected into a subnet of each location\'s VNet and answers on a public address, or on a private one only (Developer and Premium only).')
  virtualNetworkType: ('None' | 'External' | 'Internal')

  @description('Other Azure locations the gateway runs in (Premium only).')
  additionalLocations: additionalLocation[]
}

type additionalLocation = {
  @description('Azure location.')
  location: string

  @description('Index in `regions` of the region whose VNet holds the gateway\'s subnet there.')
  region: int
}

var injected = settings.virtualNetworkType != 'None'

resource service 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: settings.name
  location: location
  tags: tags
  sku: {
    name: settings.sku
    capacity: settings.capacity
  }
  zones: empty(settings.zones) ? null : settings.zones
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publisherName: settings.publisherName
    publisherEmail: settings.publisherEmail
    virtualNetworkType: settings.virtualNetworkType
    virtualNetworkConfiguration: injected
      ? {
          subnetResourceId: subnetId
        }
      : null
    additionalLocations: [
      for (additional, i) in settings.additionalLocations: {
        location: additional.location
        sku: {
          name: settings.sku
          capacity: settings.capacity
        }
        virtualNetworkConfiguration: injected
          ? {
              subnetResourceId: additionalSubnetIds[i]
            }
          : null
      }
    ]
  }
}

@description('Resource ID of the API Management instance.')
output id string = service.id

@description('URL of the gateway, which routes each request to the nearest location.')
output gatewayUrl string = service.properties.gatewayUrl

// ARM lists the additional locations in the order they were given.
@description('URL of the gateway in each location, by Azure location: where Front Door reaches it.')
output gatewayRegionalUrls { *: string } = union(
  { '${location}': service.properties.gatewayRegionalUrl },
  toObject(
    range(0, length(settings.additionalLocations)),
    i => settings.additionalLocations[i].location,
    i => service.properties.additionalLocations[i].gatewayRegionalUrl
  )
)

@description('Object ID of the instance\'s system-assigned identity.')
output principalId string = service.identity.principalId
