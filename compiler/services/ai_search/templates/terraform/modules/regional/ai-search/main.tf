# A region's AI Search service. Each region keeps its own indexes built from
# data of its own boundary, so search never answers across a boundary.
# Reached only through its private endpoint; keys are disabled in favour of
# Entra ID roles.
#
# Storage and Azure OpenAI have public network access off, so the indexer
# (blob storage) and the vectorizer (OpenAI embeddings) reach them through
# shared private links: private endpoints the search service owns, each
# pending until the owner of the target approves its connection (see the
# environment's README). Shared private links need the Basic tier or higher,
# and indexers must run in the private execution environment
# (`executionEnvironment = "private"`) to use them.

resource "azurerm_search_service" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku                           = var.sku
  replica_count                 = var.replica_count
  partition_count               = var.partition_count
  public_network_access_enabled = false
  local_authentication_enabled  = false
  tags                          = var.tags

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_private_endpoint" "this" {
  name                = var.private_endpoint.name
  location            = var.private_endpoint.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint.subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = var.private_endpoint.name
    private_connection_resource_id = azurerm_search_service.this.id
    subresource_names              = ["searchService"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = var.private_endpoint.private_dns_zone_ids
  }
}

resource "azurerm_search_shared_private_link_service" "this" {
  for_each = var.shared_private_links

  name               = each.value.name
  search_service_id  = azurerm_search_service.this.id
  subresource_name   = each.value.subresource_name
  target_resource_id = each.value.target_resource_id
  request_message    = "Shared private link of AI Search service ${azurerm_search_service.this.name}"
}
