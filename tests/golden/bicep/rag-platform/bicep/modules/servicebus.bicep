// A region's Service Bus Premium namespace, reached only through private
// endpoints, with its topics, subscriptions and their SQL filters, and an
// optional geo-disaster recovery partner in another region.
//
// Nobody holds a key: local (SAS) authentication is off, so clients sign in
// with Entra ID. Partitions are fixed when the namespace is created, and
// every topic of a partitioned namespace is partitioned. Geo-disaster
// recovery copies the topics, subscriptions and filters to the partner, not
// the messages; clients use the alias's host name.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The namespace, its topics, subscriptions and partner.')
param settings serviceBusSettings

@description('Azure location of the region.')
param location string

@description('Resource ID of the region\'s endpoints subnet.')
param endpointSubnetId string

@description('Resource IDs of the region\'s private DNS zones, keyed by zone name.')
param privateDnsZoneIds resourceIds

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A topic of the namespace; ISO 8601 durations, absent for Azure\'s default.')
type serviceBusTopic = {
  @description('Name of the topic.')
  name: string

  @description('How long a message lives; absent: it never expires.')
  defaultMessageTimeToLive: string?

  @description('Idle time after which Azure deletes the topic; absent: never.')
  autoDeleteOnIdle: string?

  @description('How long message IDs are remembered to drop duplicates; absent: no duplicate detection.')
  duplicateDetectionWindow: string?

  @description('Whether the topic is partitioned: exactly when the namespace is.')
  partitioned: bool

  @description('Size of the topic in megabytes.')
  maxSizeInMegabytes: int
}

@export()
@description('A subscription of a topic.')
type serviceBusSubscription = {
  @description('Index in `topics` of the topic it subscribes to.')
  topicIndex: int

  @description('Name of the subscription.')
  name: string

  @description('Deliveries before a message is dead-lettered.')
  @minValue(1)
  maxDeliveryCount: int

  @description('How long a message lives; absent: the topic\'s time to live.')
  defaultMessageTimeToLive: string?

  @description('Idle time after which Azure deletes the subscription; absent: never.')
  autoDeleteOnIdle: string?

  @description('Whether expired messages go to the dead-letter queue.')
  deadLetteringOnMessageExpiration: bool

  @description('SQL filter of the messages it receives; absent: every message.')
  sqlFilter: string?
}

@export()
@description('The geo-disaster recovery partner of the namespace.')
type serviceBusPartner = {
  @description('Name of the partner namespace.')
  name: string

  @description('Azure location of the partner.')
  location: string

  @description('Premium messaging units of the partner.')
  capacity: (1 | 2 | 4 | 8 | 16)

  @description('Partitions of the partner.')
  partitions: (1 | 2 | 4)

  @description('Name of the pairing: the alias clients connect to.')
  alias: string

  @description('Name of the partner\'s private endpoint in the region\'s endpoints subnet.')
  privateEndpointName: string
}

@export()
@description('A region\'s Service Bus Premium namespace.')
type serviceBusSettings = {
  @description('Name of the namespace; also its host name under servicebus.windows.net.')
  name: string

  @description('Premium messaging units, a multiple of the partitions.')
  capacity: (1 | 2 | 4 | 8 | 16)

  @description('Partitions; fixed when the namespace is created.')
  partitions: (1 | 2 | 4)

  @description('Whether trusted Microsoft services (Event Grid delivering blob events) may pass the closed public endpoint.')
  trustedServicesAllowed: bool

  @description('The topics.')
  topics: serviceBusTopic[]

  @description('The subscriptions of the topics.')
  subscriptions: serviceBusSubscription[]

  @description('Geo-disaster recovery partner; absent for none.')
  geoDr: serviceBusPartner?

  @description('Name of the namespace\'s private endpoint.')
  privateEndpointName: string

  @description('The private DNS zones the endpoints register in.')
  privateDnsZones: string[]
}

var zoneIds = toObject(settings.privateDnsZones, zone => zone, zone => privateDnsZoneIds[zone])

var namespaceProperties = {
  premiumMessagingPartitions: settings.partitions
  disableLocalAuth: true
  publicNetworkAccess: 'Disabled'
  minimumTlsVersion: '1.2'
}

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: settings.name
  location: location
  tags: tags
  sku: {
    name: 'Premium'
    tier: 'Premium'
    capacity: settings.capacity
  }
  properties: namespaceProperties
}

// Event Grid never delivers through a private endpoint: with public access
// off, it reaches the namespace only as a trusted Microsoft service, with
// its own identity.
resource networkRules 'Microsoft.ServiceBus/namespaces/networkRuleSets@2026-01-01' = if (settings.trustedServicesAllowed) {
  parent: namespace
  name: 'default'
  properties: {
    defaultAction: 'Allow'
    publicNetworkAccess: 'Disabled'
    trustedServiceAccessEnabled: true
  }
}

resource topics 'Microsoft.ServiceBus/namespaces/topics@2026-01-01' = [
  for topic in settings.topics: {
    parent: namespace
    name: topic.name
    properties: {
      defaultMessageTimeToLive: topic.?defaultMessageTimeToLive
      autoDeleteOnIdle: topic.?autoDeleteOnIdle
      requiresDuplicateDetection: topic.?duplicateDetectionWindow != null
      duplicateDetectionHistoryTimeWindow: topic.?duplicateDetectionWindow
      enablePartitioning: topic.partitioned
      maxSizeInMegabytes: topic.maxSizeInMegabytes
    }
  }
]

resource subscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2026-01-01' = [
  for subscription in settings.subscriptions: {
    parent: topics[subscription.topicIndex]
    name: subscription.name
    properties: {
      maxDeliveryCount: subscription.maxDeliveryCount
      defaultMessageTimeToLive: subscription.?defaultMessageTimeToLive
      autoDeleteOnIdle: subscription.?autoDeleteOnIdle
      deadLetteringOnMessageExpiration: subscription.deadLetteringOnMessageExpiration
    }
  }
]

// A subscription with a filter receives only the messages it matches.
resource filters 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2026-01-01' = [
  for (subscription, i) in settings.subscriptions: if (subscription.?sqlFilter != null) {
    parent: subscriptions[i]
    name: 'filter'
    properties: {
      filterType: 'SqlFilter'
      sqlFilter: {
        sqlExpression: subscription.?sqlFilter ?? ''
      }
    }
  }
]

resource partner 'Microsoft.ServiceBus/namespaces@2026-01-01' = if (settings.?geoDr != null) {
  name: settings.?geoDr.?name ?? 'none'
  location: settings.?geoDr.?location ?? location
  tags: tags
  sku: {
    name: 'Premium'
    tier: 'Premium'
    capacity: settings.?geoDr.?capacity ?? settings.capacity
  }
  properties: union(namespaceProperties, {
    premiumMessagingPartitions: settings.?geoDr.?partitions ?? settings.partitions
  })
}

// The pairing: Azure copies the entities to the partner from here on.
resource pairing 'Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs@2026-01-01' = if (settings.?geoDr != null) {
  parent: namespace
  name: settings.?geoDr.?alias ?? 'none'
  properties: {
    partnerNamespace: partner.id
  }
}

module endpoint 'private-endpoint.bicep' = {
  params: {
    name: settings.privateEndpointName
    location: location
    subnetId: endpointSubnetId
    serviceId: namespace.id
    groupId: 'namespace'
    privateDnsZoneIds: zoneIds
    tags: tags
  }
}

module partnerEndpoint 'private-endpoint.bicep' = if (settings.?geoDr != null) {
  params: {
    name: settings.?geoDr.?privateEndpointName ?? 'none'
    location: location
    subnetId: endpointSubnetId
    serviceId: partner.id
    groupId: 'namespace'
    privateDnsZoneIds: zoneIds
    tags: tags
  }
}

@description('Resource ID of the namespace.')
output id string = namespace.id
