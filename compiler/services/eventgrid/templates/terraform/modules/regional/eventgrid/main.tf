# A region's Event Grid system topic on its storage account, delivering the
# account's blob created events to a Service Bus topic of the same region.
#
# A system topic lives in its source's location (Microsoft Learn, "System
# topics in Azure Event Grid"), so Event Grid handles each event, the blob's
# URL and metadata, in the storage account's region. The namespace refuses
# shared access keys (local_auth_enabled = false in the Service Bus module),
# so the subscription delivers with the system topic's own identity
# (delivery_identity; ARM deliveryWithResourceIdentity), which holds Azure
# Service Bus Data Sender on the topic before the subscription is created:
# Event Grid checks the destination when the subscription is made.

resource "azurerm_eventgrid_system_topic" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  source_resource_id  = var.storage_account_id
  topic_type          = "Microsoft.Storage.StorageAccounts"
  tags                = var.tags

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_role_assignment" "sender" {
  scope                = var.service_bus_topic_id
  role_definition_name = "Azure Service Bus Data Sender"
  principal_id         = azurerm_eventgrid_system_topic.this.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_eventgrid_system_topic_event_subscription" "blob_created" {
  name                          = var.subscription_name
  system_topic                  = azurerm_eventgrid_system_topic.this.name
  resource_group_name           = var.resource_group_name
  service_bus_topic_endpoint_id = var.service_bus_topic_id
  included_event_types          = ["Microsoft.Storage.BlobCreated"]

  delivery_identity {
    type = "SystemAssigned"
  }

  depends_on = [azurerm_role_assignment.sender]
}
