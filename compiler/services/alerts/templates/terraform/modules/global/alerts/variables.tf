variable "resource_group_name" {
  type        = string
  description = "Resource group of the action group (the global one)."
}

variable "action_group" {
  type = object({
    name       = string
    short_name = string
    email      = optional(string)
  })
  description = "The action group every alert notifies; short_name is at most 12 characters."
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
  }))
  description = "Metric alerts keyed by alert and watched resource; frequency and window_size are ISO 8601 durations (PT5M)."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
