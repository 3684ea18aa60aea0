# Traffic Manager: DNS-level routing. Each profile answers queries for
# <relative_name>.trafficmanager.net with one of its endpoints, chosen by
# the routing method among those its probe finds healthy. Endpoints are a
# region's ingress public IP (Azure endpoints), any host or address
# (external endpoints) or another profile (nested endpoints).

resource "azurerm_traffic_manager_profile" "this" {
  for_each = var.profiles

  name                   = each.value.name
  resource_group_name    = var.resource_group_name
  traffic_routing_method = each.value.traffic_routing_method
  max_return             = each.value.max_return
  tags                   = var.tags

  dns_config {
    relative_name = each.value.relative_name
    ttl           = each.value.ttl
  }

  monitor_config {
    protocol                     = each.value.monitor.protocol
    port                         = each.value.monitor.port
    path                         = each.value.monitor.path
    interval_in_seconds          = each.value.monitor.interval_in_seconds
    timeout_in_seconds           = each.value.monitor.timeout_in_seconds
    tolerated_number_of_failures = each.value.monitor.tolerated_number_of_failures
    expected_status_code_ranges  = each.value.monitor.expected_status_code_ranges

    dynamic "custom_header" {
      for_each = each.value.monitor.custom_headers

      content {
        name  = custom_header.key
        value = custom_header.value
      }
    }
  }
}

resource "azurerm_traffic_manager_azure_endpoint" "this" {
  for_each = var.azure_endpoints

  name               = each.value.name
  profile_id         = azurerm_traffic_manager_profile.this[each.value.profile].id
  target_resource_id = each.value.target_resource_id
  priority           = each.value.priority
  weight             = each.value.weight
  enabled            = each.value.enabled
  geo_mappings       = length(each.value.geo_mappings) > 0 ? each.value.geo_mappings : null

  dynamic "subnet" {
    for_each = each.value.subnets

    content {
      first = subnet.value.first
      scope = subnet.value.scope
    }
  }

  # Sent with the probes to this endpoint, over the profile's of the same name.
  dynamic "custom_header" {
    for_each = each.value.custom_headers

    content {
      name  = custom_header.key
      value = custom_header.value
    }
  }
}

resource "azurerm_traffic_manager_external_endpoint" "this" {
  for_each = var.external_endpoints

  name              = each.value.name
  profile_id        = azurerm_traffic_manager_profile.this[each.value.profile].id
  target            = each.value.target
  endpoint_location = each.value.endpoint_location
  priority          = each.value.priority
  weight            = each.value.weight
  enabled           = each.value.enabled
  geo_mappings      = length(each.value.geo_mappings) > 0 ? each.value.geo_mappings : null

  dynamic "subnet" {
    for_each = each.value.subnets

    content {
      first = subnet.value.first
      scope = subnet.value.scope
    }
  }

  # Sent with the probes to this endpoint, over the profile's of the same name.
  dynamic "custom_header" {
    for_each = each.value.custom_headers

    content {
      name  = custom_header.key
      value = custom_header.value
    }
  }
}

resource "azurerm_traffic_manager_nested_endpoint" "this" {
  for_each = var.nested_endpoints

  name                    = each.value.name
  profile_id              = azurerm_traffic_manager_profile.this[each.value.profile].id
  target_resource_id      = azurerm_traffic_manager_profile.this[each.value.child_profile].id
  minimum_child_endpoints = each.value.minimum_child_endpoints
  endpoint_location       = each.value.endpoint_location
  priority                = each.value.priority
  weight                  = each.value.weight
  enabled                 = each.value.enabled
  geo_mappings            = length(each.value.geo_mappings) > 0 ? each.value.geo_mappings : null

  dynamic "subnet" {
    for_each = each.value.subnets

    content {
      first = subnet.value.first
      scope = subnet.value.scope
    }
  }

  # Sent with the probes to this endpoint, over the profile's of the same name.
  dynamic "custom_header" {
    for_each = each.value.custom_headers

    content {
      name  = custom_header.key
      value = custom_header.value
    }
  }
}

# A profile's probe health events (ProbeHealthStatusEvents: whether each
# endpoint answers its probes; Traffic Manager logs no client request) and
# metrics, for the profiles whose topology sets `logs_to`.
resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostics

  name                       = each.value.name
  target_resource_id         = azurerm_traffic_manager_profile.this[each.key].id
  log_analytics_workspace_id = each.value.log_analytics_workspace_id

  enabled_log {
    category = "ProbeHealthStatusEvents"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}
