# A region's Azure Automation account and its runbooks, each published from
# the script the topology names (copied into this tree under runbooks/), and
# the schedules that start them.
#
# The account has a system-assigned identity for the runbooks to sign in
# with (Connect-AzAccount -Identity); grant it roles on what they change.
# Public network access and local (key-based) authentication are off: the
# runbooks are uploaded and started through Azure Resource Manager, which
# neither affects; webhooks and agent-based hybrid workers would need them.

resource "azurerm_automation_account" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku_name                      = var.sku_name
  public_network_access_enabled = false
  local_authentication_enabled  = false
  tags                          = var.tags

  identity {
    type = "SystemAssigned"
  }
}

# `content` publishes the script: azurerm uploads it as the draft and
# publishes it in one step.
resource "azurerm_automation_runbook" "this" {
  for_each = var.runbooks

  name                    = each.key
  location                = var.location
  resource_group_name     = var.resource_group_name
  automation_account_name = azurerm_automation_account.this.name
  runbook_type            = each.value.type
  description             = each.value.description
  content                 = each.value.content
  log_progress            = true
  log_verbose             = false
  tags                    = var.tags
}

# One schedule per scheduled runbook, named after it. Without a start time
# azurerm starts the schedule seven minutes after it is created; a start
# time that is written must be at least five minutes after the apply.
resource "azurerm_automation_schedule" "this" {
  for_each = { for name, runbook in var.runbooks : name => runbook.schedule if runbook.schedule != null }

  name                    = each.key
  resource_group_name     = var.resource_group_name
  automation_account_name = azurerm_automation_account.this.name
  frequency               = each.value.frequency
  interval                = each.value.frequency == "OneTime" ? null : each.value.interval
  start_time              = each.value.start_time
  timezone                = "Etc/UTC"
  description             = "Starts runbook ${each.key}."
}

resource "azurerm_automation_job_schedule" "this" {
  for_each = azurerm_automation_schedule.this

  resource_group_name     = var.resource_group_name
  automation_account_name = azurerm_automation_account.this.name
  runbook_name            = azurerm_automation_runbook.this[each.key].name
  schedule_name           = each.value.name
}
