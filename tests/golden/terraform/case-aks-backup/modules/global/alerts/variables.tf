variable "resource_group_name" {
  type        = string
  description = "Resource group of the action group (the global one)."
}

variable "action_group" {
  type = object({
    name       = string
    short_name = string
    email      = optional(string)
    webhooks   = optional(list(string), [])
  })
  description = "The default action group (\"default\" in an alert's action_groups); short_name is at most 12 characters, webhooks name keys of var.webhook_urls."
}

variable "groups" {
  type = map(object({
    name       = string
    short_name = string
    email      = optional(string)
    webhooks   = optional(list(string), [])
  }))
  description = "Further action groups keyed as alerts name them, each like var.action_group."
  default     = {}
}

variable "webhook_urls" {
  type        = map(string)
  description = "URL of each webhook receiver, keyed by receiver name; they carry credentials."
  sensitive   = true
  default     = {}
}

variable "alerts" {
  type = map(object({
    name                = string
    resource_group_name = string
    scope_id            = string
    description         = string
    severity            = number
    frequency           = string
    window_size         = string
    metric_namespace    = string
    metric_name         = string
    aggregation         = string
    operator            = string
    threshold           = number
    dimension = optional(object({
      name   = string
      values = list(string)
    }))
    action_groups = list(string)
  }))
  description = "Metric alerts keyed by alert and watched resource; frequency and window_size are ISO 8601 durations (PT5M); action_groups are \"default\" or keys of var.groups."
  default     = {}
}

variable "log_alerts" {
  type = map(object({
    name                = string
    resource_group_name = string
    location            = string
    scope_id            = string
    description         = string
    severity            = number
    frequency           = string
    window_size         = string
    query               = string
    operator            = string
    threshold           = number
    action_groups       = list(string)
  }))
  description = "Log search alerts keyed by alert and region: each runs query (one row with a value column) on the Application Insights component scope_id, in that component's location; frequency and window_size as in var.alerts."
  default     = {}
}

variable "availability_tests" {
  type = map(object({
    name                      = string
    resource_group_name       = string
    location                  = string
    component_id              = string
    description               = string
    url                       = string
    frequency                 = number
    timeout                   = number
    expected_status_code      = number
    geo_locations             = list(string)
    certificate_days          = optional(number)
    alert_name                = string
    alert_resource_group_name = string
    alert_window_size         = string
    severity                  = number
    failed_locations          = number
    duration_alert_name       = optional(string)
    slower_than_ms            = optional(number)
    action_groups             = list(string)
  }))
  description = "Availability tests keyed by name: each requests url from geo_locations (Azure test location IDs) every frequency seconds and records the results in the Application Insights component_id, in its location; an alert fires when failed_locations fail, another when slower_than_ms is set and exceeded on average; action_groups as in var.alerts."
  default     = {}
}

variable "activity_alerts" {
  type = map(object({
    name           = string
    location       = string
    description    = string
    category       = string
    operation_name = optional(string)
    resource_type  = optional(string)
    service_health = optional(object({
      events    = list(string)
      locations = list(string)
    }))
    action_groups = list(string)
  }))
  description = "Activity-log alerts on the subscription keyed by alert name; location is global, westeurope or northeurope; category is Administrative, ServiceHealth or ResourceHealth; action_groups as in var.alerts."
  default     = {}
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
