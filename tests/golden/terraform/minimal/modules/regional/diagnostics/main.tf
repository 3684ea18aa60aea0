# A region's diagnostic settings: each watched resource sends its platform
# logs and metrics to one Log Analytics workspace, the region's own unless
# the topology names another region's (`monitoring { logs_to = ... }`).
# Where the workspace is, the logs are: topoc checks that location against
# the boundaries whose data each watched resource holds (rule R013).

resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.targets

  name                       = var.name
  target_resource_id         = each.value.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  dynamic "enabled_log" {
    for_each = toset(each.value.category_groups)

    content {
      category_group = enabled_log.value
    }
  }

  dynamic "enabled_log" {
    for_each = toset(each.value.categories)

    content {
      category = enabled_log.value
    }
  }

  # `enabled_metric` replaces `metric`, deprecated in azurerm 4.x.
  dynamic "enabled_metric" {
    for_each = each.value.metrics ? ["AllMetrics"] : []

    content {
      category = enabled_metric.value
    }
  }
}
