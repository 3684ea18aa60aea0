# A region's Service Bus Premium namespace, reached only through private
# endpoints, with its topics, subscriptions and their SQL filters, and an
# optional geo-disaster recovery partner in another region.
#
# Nobody holds a key: local (SAS) authentication is off, so clients sign in
# with Entra ID. Partitions are fixed when the namespace is created (azurerm
# forces a new namespace when they change), and every topic of a
# partitioned namespace is partitioned.
#
# Geo-disaster recovery copies the topics, subscriptions and filters to the
# partner, not the messages. Clients use the alias's host name, which points
# at the primary until a failover breaks the pairing and points it at the
# partner.

resource "azurerm_servicebus_namespace" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku                           = "Premium"
  capacity                      = var.capacity
  premium_messaging_partitions  = var.partitions
  local_auth_enabled            = false
  public_network_access_enabled = false
  minimum_tls_version           = "1.2"
  tags                          = var.tags

  # Event Grid never delivers through a private endpoint: with public access
  # off, it reaches the namespace only as a trusted Microsoft service, with
  # its own identity. The block's own public_network_access_enabled defaults
  # to true in azurerm and would open the namespace, so it is written here.
  dynamic "network_rule_set" {
    for_each = var.trusted_services_allowed ? [1] : []
    content {
      default_action                = "Allow"
      public_network_access_enabled = false
      trusted_services_allowed      = true
    }
  }

  # Stateful: the messages not yet received are held here and nowhere else,
  # so replacing the namespace loses them. Terraform takes only a literal
  # here, so topoc writes `false` when the topology sets
  # `prevent_destroy = false` (docs/lifecycle.md).
  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_servicebus_topic" "this" {
  for_each = var.topics

  name                                    = each.key
  namespace_id                            = azurerm_servicebus_namespace.this.id
  default_message_ttl                     = each.value.default_message_ttl
  auto_delete_on_idle                     = each.value.auto_delete_on_idle
  requires_duplicate_detection            = each.value.duplicate_detection_window != null
  duplicate_detection_history_time_window = each.value.duplicate_detection_window
  partitioning_enabled                    = each.value.partitioning_enabled
  max_size_in_megabytes                   = each.value.max_size_in_megabytes

  # Stateful: a topic holds its messages until every subscription has them.
  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_servicebus_subscription" "this" {
  for_each = var.subscriptions

  name                                 = each.value.name
  topic_id                             = azurerm_servicebus_topic.this[each.value.topic].id
  max_delivery_count                   = each.value.max_delivery_count
  default_message_ttl                  = each.value.default_message_ttl
  auto_delete_on_idle                  = each.value.auto_delete_on_idle
  dead_lettering_on_message_expiration = each.value.dead_lettering_on_message_expiration

  # Stateful: the subscription's queue of undelivered and dead-lettered
  # messages.
  lifecycle {
    prevent_destroy = true
  }
}

# A subscription with a filter receives only the messages it matches. Until
# this rule exists, Azure's own `$Default` rule lets every message through.
resource "azurerm_servicebus_subscription_rule" "filter" {
  for_each = { for key, subscription in var.subscriptions : key => subscription if subscription.sql_filter != null }

  name            = "filter"
  subscription_id = azurerm_servicebus_subscription.this[each.key].id
  filter_type     = "SqlFilter"
  sql_filter      = each.value.sql_filter
}

resource "azurerm_servicebus_namespace" "partner" {
  count = var.geo_dr == null ? 0 : 1

  name                          = var.geo_dr.name
  location                      = var.geo_dr.location
  resource_group_name           = var.resource_group_name
  sku                           = "Premium"
  capacity                      = var.geo_dr.capacity
  premium_messaging_partitions  = var.geo_dr.partitions
  local_auth_enabled            = false
  public_network_access_enabled = false
  minimum_tls_version           = "1.2"
  tags                          = var.tags
}

# The pairing: Azure copies the entities to the partner from here on. The
# partner must be empty when it is paired.
resource "azurerm_servicebus_namespace_disaster_recovery_config" "this" {
  count = var.geo_dr == null ? 0 : 1

  name                 = var.geo_dr.alias
  primary_namespace_id = azurerm_servicebus_namespace.this.id
  partner_namespace_id = azurerm_servicebus_namespace.partner[0].id
}

resource "azurerm_private_endpoint" "this" {
  name                = var.private_endpoint.name
  location            = var.private_endpoint.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint.subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = var.private_endpoint.name
    private_connection_resource_id = azurerm_servicebus_namespace.this.id
    subresource_names              = ["namespace"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = var.private_endpoint.private_dns_zone_ids
  }
}

# The partner is a namespace of its own with its own host name, so it gets
# its own endpoint in the region's endpoints subnet, ready for a failover.
resource "azurerm_private_endpoint" "partner" {
  count = var.geo_dr == null ? 0 : 1

  name                = var.geo_dr.private_endpoint_name
  location            = var.private_endpoint.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint.subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = var.geo_dr.private_endpoint_name
    private_connection_resource_id = azurerm_servicebus_namespace.partner[0].id
    subresource_names              = ["namespace"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = var.private_endpoint.private_dns_zone_ids
  }
}
