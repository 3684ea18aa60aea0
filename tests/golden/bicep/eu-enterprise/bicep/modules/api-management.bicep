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

  @description('Other Azure locations the gateway runs in (Premium only).')
  additionalLocations: string[]
}

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
    additionalLocations: [
      for additional in settings.additionalLocations: {
        location: additional
        sku: {
          name: settings.sku
          capacity: settings.capacity
        }
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
    i => settings.additionalLocations[i],
    i => service.properties.additionalLocations[i].gatewayRegionalUrl
  )
)

@description('Object ID of the instance\'s system-assigned identity.')
output principalId string = service.identity.principalId
