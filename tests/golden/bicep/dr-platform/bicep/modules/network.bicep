// A region's virtual network: one subnet per entry of `subnets`, each with
// its own network security group so rules can differ per tier later without
// moving subnets.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The virtual network and its subnets.')
param settings networkSettings

@description('Azure location of the region.')
param location string

@description('Whether Front Door reaches this region through a Private Link service; only a region it reaches otherwise needs the `frontDoorBackend` rule.')
param frontDoorPrivateLink bool = false

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A region\'s virtual network.')
type networkSettings = {
  @description('Name of the virtual network.')
  name: string

  @description('Address spaces of the virtual network, in CIDR notation.')
  addressSpace: string[]

  @description('The subnets, each with a network security group of its own.')
  subnets: subnet[]

  @description('For a region that is a Front Door origin: the inbound rule admitting Front Door\'s back end to its ingress when it is reached without Private Link.')
  frontDoorBackend: frontDoorBackendRule?
}

type frontDoorBackendRule = {
  @description('Key of the subnet the rule admits traffic to.')
  subnet: string

  @description('TCP ports Front Door connects to.')
  ports: string[]

  @description('Priority of the rule in the subnet\'s network security group.')
  priority: int
}

type subnet = {
  @description('What the subnet is for: aks, endpoints, ingress or a name from the topology.')
  key: string

  @description('Name of the subnet.')
  name: string

  @description('Address range of the subnet, in CIDR notation.')
  addressPrefix: string

  @description('Name of the subnet\'s network security group.')
  networkSecurityGroupName: string

  @description('Service endpoints enabled on the subnet, such as Microsoft.AzureCosmosDB.')
  serviceEndpoints: string[]

  @description('Enabled makes network security groups and route tables apply to private endpoints too.')
  privateEndpointNetworkPolicies: ('Enabled' | 'Disabled')

  @description('Disabled lets a Private Link service take its source addresses from the subnet.')
  privateLinkServiceNetworkPolicies: ('Enabled' | 'Disabled')

  @description('The service the subnet is delegated to: Microsoft.Web/serverFarms (App Service VNet integration) or Microsoft.App/environments (Container Apps); absent for none.')
  delegation: string?

  @description('Whether the subnet admits HTTP and HTTPS from the internet (a Container Apps environment with a public endpoint); absent for no.')
  publicIngress: bool?

  @description('An API Management gateway injected into the subnet; absent for none.')
  apiManagement: apiManagementInbound?
}

type apiManagementInbound = {
  @description('Service tag the gateway\'s clients come from: Internet, or AzureFrontDoor.Backend when Front Door is its only client; absent for an internal gateway, whose clients the default rules admit.')
  clients: string?

  @description('Whether Traffic Manager, which routes a multi-region instance\'s gateway URL, must reach the gateway too; absent for no.')
  trafficManager: bool?
}

// Front Door reaching the region without Private Link connects from its
// back-end addresses (service tag AzureFrontDoor.Backend), which no default
// rule admits; empty when no subnet needs the rule.
var frontDoorSubnet = frontDoorPrivateLink ? '' : (settings.?frontDoorBackend.?subnet ?? '')

resource securityGroups 'Microsoft.Network/networkSecurityGroups@2026-03-01' = [
  for s in settings.subnets: {
    name: s.networkSecurityGroupName
    location: location
    tags: tags
    properties: {
      securityRules: concat(
        s.key == frontDoorSubnet
          ? [
              {
                name: 'allow-frontdoor-backend'
                properties: {
                  description: 'Front Door back end to the ingress, for origins reached without Private Link.'
                  priority: settings.frontDoorBackend!.priority
                  direction: 'Inbound'
                  access: 'Allow'
                  protocol: 'Tcp'
                  sourcePortRange: '*'
                  destinationPortRanges: settings.frontDoorBackend!.ports
                  sourceAddressPrefix: 'AzureFrontDoor.Backend'
                  destinationAddressPrefix: s.addressPrefix
                }
              }
            ]
          : [],
        s.?publicIngress ?? false
          ? [
              {
                name: 'allow-internet-http'
                properties: {
                  description: 'External ingress of the Container Apps environment.'
                  priority: 110
                  direction: 'Inbound'
                  access: 'Allow'
                  protocol: 'Tcp'
                  sourcePortRange: '*'
                  destinationPortRanges: [
                    '80'
                    '443'
                  ]
                  sourceAddressPrefix: 'Internet'
                  destinationAddressPrefix: s.addressPrefix
                }
              }
            ]
          : [],
        // An injected API Management gateway is managed over port 3443 from
        // the ApiManagement service tag, takes its clients' HTTP and HTTPS,
        // and in a multi-region external instance is probed by Traffic
        // Manager; port 6390 of the infrastructure load balancer and the
        // outbound dependencies are admitted by the default rules.
        s.?apiManagement == null
          ? []
          : [
              {
                name: 'allow-apim-management'
                properties: {
                  description: 'Management endpoint of API Management.'
                  priority: 120
                  direction: 'Inbound'
                  access: 'Allow'
                  protocol: 'Tcp'
                  sourcePortRange: '*'
                  destinationPortRange: '3443'
                  sourceAddressPrefix: 'ApiManagement'
                  destinationAddressPrefix: 'VirtualNetwork'
                }
              }
            ],
        s.?apiManagement.?clients == null
          ? []
          : [
              {
                name: 'allow-apim-clients'
                properties: {
                  description: 'Client requests to the API Management gateway.'
                  priority: 130
                  direction: 'Inbound'
                  access: 'Allow'
                  protocol: 'Tcp'
                  sourcePortRange: '*'
                  destinationPortRanges: [
                    '80'
                    '443'
                  ]
                  sourceAddressPrefix: s.?apiManagement.?clients
                  destinationAddressPrefix: s.addressPrefix
                }
              }
            ],
        s.?apiManagement.?trafficManager ?? false
          ? [
              {
                name: 'allow-apim-traffic-manager'
                properties: {
                  description: 'Traffic Manager probing the regional API Management gateway.'
                  priority: 140
                  direction: 'Inbound'
                  access: 'Allow'
                  protocol: 'Tcp'
                  sourcePortRange: '*'
                  destinationPortRange: '443'
                  sourceAddressPrefix: 'AzureTrafficManager'
                  destinationAddressPrefix: s.addressPrefix
                }
              }
            ]
          : []
      )
    }
  }
]

resource network 'Microsoft.Network/virtualNetworks@2026-03-01' = {
  name: settings.name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: settings.addressSpace
    }
  }
}

// One at a time: Azure rejects concurrent changes to the subnets of one
// virtual network.
@batchSize(1)
resource subnets 'Microsoft.Network/virtualNetworks/subnets@2026-03-01' = [
  for (s, i) in settings.subnets: {
    parent: network
    name: s.name
    properties: {
      addressPrefix: s.addressPrefix
      networkSecurityGroup: {
        id: securityGroups[i].id
      }
      serviceEndpoints: [
        for service in s.serviceEndpoints: {
          service: service
        }
      ]
      privateEndpointNetworkPolicies: s.privateEndpointNetworkPolicies
      privateLinkServiceNetworkPolicies: s.privateLinkServiceNetworkPolicies
      delegations: s.?delegation == null
        ? []
        : [
            {
              name: 'delegation'
              properties: {
                serviceName: s.?delegation
              }
            }
          ]
    }
  }
]

@description('Resource ID of the virtual network.')
output id string = network.id

@description('Name of the virtual network.')
output name string = network.name

@description('Resource IDs of the subnets, keyed by what each is for.')
output subnetIds resourceIds = toObject(settings.subnets, s => s.key, s => '${network.id}/subnets/${s.name}')
