// A region's Event Grid system topic on its storage account, delivering the
// account's blob created events to a Service Bus topic of the same region.
//
// A system topic lives in its source's location (Microsoft Learn, "System
// topics in Azure Event Grid"), so Event Grid handles each event, the blob's
// URL and metadata, in the storage account's region. The namespace refuses
// shared access keys (disableLocalAuth in servicebus.bicep), so the
// subscription delivers with the system topic's own identity
// (deliveryWithResourceIdentity), which holds Azure Service Bus Data Sender
// on the topic before the subscription is created.

import { resourceTags } from 'types.bicep'

@description('The system topic, its subscription and the Service Bus topic it delivers to.')
param settings eventGridSettings

@description('Azure location of the region, that of its storage account.')
param location string

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A region\'s Event Grid system topic on its storage account.')
type eventGridSettings = {
  @description('Name of the system topic.')
  name: string

  @description('Name of the event subscription that delivers blob created events.')
  subscriptionName: string

  @description('Name of the region\'s storage account, the topic\'s source.')
  storageAccountName: string

  @description('Name of the region\'s Service Bus namespace.')
  serviceBusNamespaceName: string

  @description('Name of the Service Bus topic the events are delivered to.')
  serviceBusTopicName: string
}

// Azure Service Bus Data Sender (built-in role).
var serviceBusDataSenderRoleId = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'

resource account 'Microsoft.Storage/storageAccounts@2026-09-01' existing = {
  name: settings.storageAccountName
}

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = {
  name: settings.serviceBusNamespaceName
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2026-01-01' existing = {
  parent: namespace
  name: settings.serviceBusTopicName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: settings.name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: account.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(topic.id, systemTopic.id, serviceBusDataSenderRoleId)
  scope: topic
  properties: {
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', serviceBusDataSenderRoleId)
  }
}

resource blobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: settings.subscriptionName
  properties: {
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'ServiceBusTopic'
        properties: {
          resourceId: topic.id
        }
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
    }
  }
  dependsOn: [
    sender
  ]
}

@description('Resource ID of the system topic.')
output id string = systemTopic.id
