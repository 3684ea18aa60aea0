// Traffic Manager: DNS-level routing. Each profile answers queries for
// <relativeName>.trafficmanager.net with one of its endpoints, chosen by its
// routing method among those its probe finds healthy: a region's ingress
// public IP (Azure endpoints), any host or address (external endpoints) or
// another profile (nested endpoints).

import { resourceTags } from 'types.bicep'

@description('The profiles and their endpoints.')
param settings trafficManagerSettings

@description('Resource ID of the public IP in front of each region\'s ingress, keyed by region.')
param publicIpIds { *: string }

@description('Resource ID of the Log Analytics workspace that receives a profile\'s probe health events, keyed by profile name; only the profiles that set `logs_to`.')
param workspaceIds { *: string } = {}

@description('Tags on every profile.')
param tags resourceTags

@export()
@description('Traffic Manager profiles and endpoints; an endpoint names its profile by index.')
type trafficManagerSettings = {
  @description('The profiles.')
  profiles: profile[]

  @description('Endpoints pointing to a region\'s ingress public IP.')
  azureEndpoints: endpoint[]

  @description('Endpoints pointing to a host name or an IP address.')
  externalEndpoints: endpoint[]

  @description('Endpoints pointing to another profile.')
  nestedEndpoints: endpoint[]
}

type profile = {
  @description('Name of the profile, also its DNS label.')
  name: string

  @description('DNS label under trafficmanager.net.')
  relativeName: string

  @description('Priority, Performance, Weighted, Geographic, MultiValue or Subnet.')
  routingMethod: string

  @description('Seconds resolvers keep an answer.')
  ttl: int

  @description('Endpoints a MultiValue answer lists; null for other methods.')
  maxReturn: int?

  @description('The health probe.')
  monitor: monitor

  @description('Name of the profile\'s diagnostic setting; set exactly when the topology sends its logs to a workspace (`logs_to`).')
  diagnosticSettingName: string?
}

type monitor = {
  @description('HTTP, HTTPS or TCP.')
  protocol: string

  @description('Port probed.')
  port: int

  @description('Path probed; null for TCP.')
  path: string?

  @description('10 or 30 seconds.')
  intervalInSeconds: int

  @description('Seconds before a probe counts as failed.')
  timeoutInSeconds: int

  @description('Failed probes tolerated before an endpoint is down.')
  toleratedNumberOfFailures: int

  @description('Status code ranges counted as healthy.')
  expectedStatusCodeRanges: { min: int, max: int }[]

  @description('Headers sent with each probe.')
  customHeaders: { name: string, value: string }[]
}

type endpoint = {
  @description('Name of the endpoint.')
  name: string

  @description('Index of its profile in `profiles`.')
  profile: int

  @description('1 (first) to 1000.')
  priority: int

  @description('1 to 1000.')
  weight: int

  @description('Enabled or Disabled.')
  endpointStatus: string

  @description('Geographic codes answered with this endpoint.')
  geoMapping: string[]

  @description('Client networks answered with this endpoint.')
  subnets: { first: string, scope: int }[]

  @description('Headers sent with the probes to this endpoint, over the profile\'s of the same name.')
  customHeaders: { name: string, value: string }[]

  @description('Azure endpoints: the region whose ingress public IP it points to, a key of `publicIpIds`.')
  region: string?

  @description('External endpoints: the host name or IP address.')
  target: string?

  @description('External and nested endpoints: the Azure location nearest them, for Performance routing.')
  endpointLocation: string?

  @description('Nested endpoints: index of the child profile in `profiles`.')
  childProfile: int?

  @description('Nested endpoints: healthy endpoints the child needs for this one to be up.')
  minChildEndpoints: int?
}

resource profiles 'Microsoft.Network/trafficmanagerprofiles@2026-09-01' = [
  for p in settings.profiles: {
    name: p.name
    location: 'global'
    tags: tags
    properties: {
      profileStatus: 'Enabled'
      trafficRoutingMethod: p.routingMethod
      maxReturn: p.?maxReturn
      dnsConfig: {
        relativeName: p.relativeName
        ttl: p.ttl
      }
      monitorConfig: {
        protocol: p.monitor.protocol
        port: p.monitor.port
        path: p.monitor.?path
        intervalInSeconds: p.monitor.intervalInSeconds
        timeoutInSeconds: p.monitor.timeoutInSeconds
        toleratedNumberOfFailures: p.monitor.toleratedNumberOfFailures
        expectedStatusCodeRanges: p.monitor.expectedStatusCodeRanges
        customHeaders: p.monitor.customHeaders
      }
    }
  }
]

resource azureEndpoints 'Microsoft.Network/trafficmanagerprofiles/AzureEndpoints@2026-09-01' = [
  for e in settings.azureEndpoints: {
    parent: profiles[e.profile]
    name: e.name
    properties: {
      targetResourceId: publicIpIds[e.region!]
      endpointStatus: e.endpointStatus
      priority: e.priority
      weight: e.weight
      geoMapping: empty(e.geoMapping) ? null : e.geoMapping
      subnets: empty(e.subnets) ? null : e.subnets
      customHeaders: empty(e.customHeaders) ? null : e.customHeaders
    }
  }
]

resource externalEndpoints 'Microsoft.Network/trafficmanagerprofiles/ExternalEndpoints@2026-09-01' = [
  for e in settings.externalEndpoints: {
    parent: profiles[e.profile]
    name: e.name
    properties: {
      target: e.target!
      endpointLocation: e.?endpointLocation
      endpointStatus: e.endpointStatus
      priority: e.priority
      weight: e.weight
      geoMapping: empty(e.geoMapping) ? null : e.geoMapping
      subnets: empty(e.subnets) ? null : e.subnets
      customHeaders: empty(e.customHeaders) ? null : e.customHeaders
    }
  }
]

resource nestedEndpoints 'Microsoft.Network/trafficmanagerprofiles/NestedEndpoints@2026-09-01' = [
  for e in settings.nestedEndpoints: {
    parent: profiles[e.profile]
    name: e.name
    properties: {
      targetResourceId: profiles[e.childProfile!].id
      minChildEndpoints: e.minChildEndpoints!
      endpointLocation: e.?endpointLocation
      endpointStatus: e.endpointStatus
      priority: e.priority
      weight: e.weight
      geoMapping: empty(e.geoMapping) ? null : e.geoMapping
      subnets: empty(e.subnets) ? null : e.subnets
      customHeaders: empty(e.customHeaders) ? null : e.customHeaders
    }
  }
]

// A profile's probe health events (ProbeHealthStatusEvents: whether each
// endpoint answers its probes; Traffic Manager logs no client request) and
// metrics, for the profiles whose topology sets `logs_to`.
#disable-next-line use-recent-api-versions
resource profileLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (p, i) in settings.profiles: if (p.?diagnosticSettingName != null) {
    name: p.?diagnosticSettingName ?? ''
    scope: profiles[i]
    properties: {
      workspaceId: workspaceIds[?p.name] ?? ''
      logs: [
        {
          category: 'ProbeHealthStatusEvents'
          enabled: true
        }
      ]
      metrics: [
        {
          category: 'AllMetrics'
          enabled: true
        }
      ]
    }
  }
]

@description('DNS name of each profile, in the order of `settings.profiles`.')
output fqdns string[] = [for (p, i) in settings.profiles: profiles[i].properties.dnsConfig.fqdn]
