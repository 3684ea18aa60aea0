# The estate's metric alerts and the action groups they notify. Each alert
# watches one resource: Azure Monitor evaluates a multi-resource metric alert
# only for resources of one type in one region, and the estate's accounts
# and clusters are spread over regions. An alert lives in the resource group
# of the resource it watches, so it follows that resource's lifecycle.
#
# Log search alerts (scheduled query rules) run a query on one region's
# Application Insights: percentiles, ratios and custom metrics that metric
# alerts cannot evaluate. Each rule is in its component's location, where
# Azure runs the query and holds its results. The query answers one row with
# a `value` column, so any time aggregation of it is that value.
#
# Availability tests request a URL from Azure's probe locations and record
# the results in a region's Application Insights, beside which the test lives
# (azurerm links it to the component with a `hidden-link` tag). One metric
# alert fires when enough locations fail; another, when the test asks for it,
# when the responses are slower than a threshold on average.
#
# Activity-log alerts watch the subscription's activity log (failover
# operations, Service Health, Resource Health). Azure processes each in its
# location: global, or westeurope/northeurope to keep processing in the EU.
#
# Webhook receivers (generic, Microsoft Teams, PagerDuty) are named in the
# configuration; their URLs carry credentials and come only from the
# sensitive var.webhook_urls.

resource "azurerm_monitor_action_group" "this" {
  name                = var.action_group.name
  resource_group_name = var.resource_group_name
  short_name          = var.action_group.short_name
  tags                = var.tags

  dynamic "email_receiver" {
    for_each = var.action_group.email == null ? [] : [var.action_group.email]

    content {
      name                    = "email"
      email_address           = email_receiver.value
      use_common_alert_schema = true
    }
  }

  dynamic "webhook_receiver" {
    for_each = var.action_group.webhooks

    content {
      name                    = webhook_receiver.value
      service_uri             = var.webhook_urls[webhook_receiver.value]
      use_common_alert_schema = true
    }
  }
}

resource "azurerm_monitor_action_group" "named" {
  for_each = var.groups

  name                = each.value.name
  resource_group_name = var.resource_group_name
  short_name          = each.value.short_name
  tags                = var.tags

  dynamic "email_receiver" {
    for_each = each.value.email == null ? [] : [each.value.email]

    content {
      name                    = "email"
      email_address           = email_receiver.value
      use_common_alert_schema = true
    }
  }

  dynamic "webhook_receiver" {
    for_each = each.value.webhooks

    content {
      name                    = webhook_receiver.value
      service_uri             = var.webhook_urls[webhook_receiver.value]
      use_common_alert_schema = true
    }
  }
}

resource "azurerm_monitor_metric_alert" "this" {
  for_each = var.alerts

  name                = each.value.name
  resource_group_name = each.value.resource_group_name
  scopes              = [each.value.scope_id]
  description         = each.value.description
  severity            = each.value.severity
  frequency           = each.value.frequency
  window_size         = each.value.window_size
  tags                = var.tags

  criteria {
    metric_namespace = each.value.metric_namespace
    metric_name      = each.value.metric_name
    aggregation      = each.value.aggregation
    operator         = each.value.operator
    threshold        = each.value.threshold

    dynamic "dimension" {
      for_each = each.value.dimension == null ? [] : [each.value.dimension]

      content {
        name     = dimension.value.name
        operator = "Include"
        values   = dimension.value.values
      }
    }
  }

  dynamic "action" {
    for_each = each.value.action_groups

    content {
      # "default" is the default group, any other key one of var.groups.
      action_group_id = action.value == "default" ? azurerm_monitor_action_group.this.id : azurerm_monitor_action_group.named[action.value].id
    }
  }
}

resource "azurerm_monitor_scheduled_query_rules_alert_v2" "this" {
  for_each = var.log_alerts

  name                 = each.value.name
  resource_group_name  = each.value.resource_group_name
  location             = each.value.location
  scopes               = [each.value.scope_id]
  description          = each.value.description
  severity             = each.value.severity
  evaluation_frequency = each.value.frequency
  window_duration      = each.value.window_size
  tags                 = var.tags

  # Resolved once the condition clears, as metric alerts are (azurerm's
  # default is false).
  auto_mitigation_enabled = true

  criteria {
    query                   = each.value.query
    time_aggregation_method = "Maximum"
    metric_measure_column   = "value"
    operator                = each.value.operator
    threshold               = each.value.threshold
  }

  action {
    action_groups = [
      for group in each.value.action_groups :
      group == "default" ? azurerm_monitor_action_group.this.id : azurerm_monitor_action_group.named[group].id
    ]
  }
}

resource "azurerm_application_insights_standard_web_test" "this" {
  for_each = var.availability_tests

  name                    = each.value.name
  resource_group_name     = each.value.resource_group_name
  location                = each.value.location
  application_insights_id = each.value.component_id
  description             = each.value.description
  geo_locations           = each.value.geo_locations
  frequency               = each.value.frequency
  timeout                 = each.value.timeout
  enabled                 = true
  tags                    = var.tags

  request {
    url = each.value.url
  }

  validation_rules {
    expected_status_code        = each.value.expected_status_code
    ssl_check_enabled           = startswith(each.value.url, "https://")
    ssl_cert_remaining_lifetime = each.value.certificate_days
  }
}

resource "azurerm_monitor_metric_alert" "availability" {
  for_each = var.availability_tests

  name                = each.value.alert_name
  resource_group_name = each.value.alert_resource_group_name
  scopes              = [azurerm_application_insights_standard_web_test.this[each.key].id, each.value.component_id]
  description         = "Failed availability test: ${each.value.description}"
  severity            = each.value.severity
  frequency           = "PT1M"
  window_size         = each.value.alert_window_size
  tags                = var.tags

  application_insights_web_test_location_availability_criteria {
    web_test_id           = azurerm_application_insights_standard_web_test.this[each.key].id
    component_id          = each.value.component_id
    failed_location_count = each.value.failed_locations
  }

  dynamic "action" {
    for_each = each.value.action_groups

    content {
      action_group_id = action.value == "default" ? azurerm_monitor_action_group.this.id : azurerm_monitor_action_group.named[action.value].id
    }
  }
}

resource "azurerm_monitor_metric_alert" "availability_duration" {
  for_each = { for key, test in var.availability_tests : key => test if test.slower_than_ms != null }

  name                = each.value.duration_alert_name
  resource_group_name = each.value.alert_resource_group_name
  scopes              = [each.value.component_id]
  description         = "Slow availability test: ${each.value.description}"
  severity            = each.value.severity
  frequency           = "PT1M"
  window_size         = each.value.alert_window_size
  tags                = var.tags

  criteria {
    metric_namespace = "microsoft.insights/components"
    metric_name      = "availabilityResults/duration"
    aggregation      = "Average"
    operator         = "GreaterThan"
    threshold        = each.value.slower_than_ms

    dimension {
      name     = "availabilityResult/name"
      operator = "Include"
      values   = [each.value.name]
    }
  }

  dynamic "action" {
    for_each = each.value.action_groups

    content {
      action_group_id = action.value == "default" ? azurerm_monitor_action_group.this.id : azurerm_monitor_action_group.named[action.value].id
    }
  }
}

data "azurerm_subscription" "current" {}

resource "azurerm_monitor_activity_log_alert" "this" {
  for_each = var.activity_alerts

  name                = each.value.name
  resource_group_name = var.resource_group_name
  location            = each.value.location
  scopes              = [data.azurerm_subscription.current.id]
  description         = each.value.description
  tags                = var.tags

  criteria {
    category       = each.value.category
    operation_name = each.value.operation_name
    resource_type  = each.value.resource_type

    dynamic "service_health" {
      for_each = each.value.service_health == null ? [] : [each.value.service_health]

      content {
        events    = service_health.value.events
        locations = service_health.value.locations
      }
    }

    dynamic "resource_health" {
      for_each = each.value.category == "ResourceHealth" ? [1] : []

      content {
        current = ["Degraded", "Unavailable"]
      }
    }
  }

  dynamic "action" {
    for_each = each.value.action_groups

    content {
      action_group_id = action.value == "default" ? azurerm_monitor_action_group.this.id : azurerm_monitor_action_group.named[action.value].id
    }
  }
}
