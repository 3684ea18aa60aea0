# A region's observability: a Log Analytics workspace (AKS Container
# Insights and diagnostics land here) and a workspace-based Application
# Insights component for the application's own telemetry. Keeping both
# regional keeps telemetry, which can hold tenant data, inside the boundary.

resource "azurerm_log_analytics_workspace" "this" {
  name                = var.log_analytics_name
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "PerGB2018"
  retention_in_days   = var.retention_days
  tags                = var.tags
}

resource "azurerm_application_insights" "this" {
  name                = var.application_insights_name
  location            = var.location
  resource_group_name = var.resource_group_name
  workspace_id        = azurerm_log_analytics_workspace.this.id
  application_type    = "web"
  tags                = var.tags
}

# The shared component of each boundary whose `application_insights` names
# this region: one application map and transaction search for the
# applications of every region of that boundary, on this region's workspace.
resource "azurerm_application_insights" "boundary" {
  for_each            = var.boundary_insights
  name                = each.value
  location            = var.location
  resource_group_name = var.resource_group_name
  workspace_id        = azurerm_log_analytics_workspace.this.id
  application_type    = "web"
  tags                = var.tags
}
