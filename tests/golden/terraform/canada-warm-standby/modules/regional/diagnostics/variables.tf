variable "name" {
  type        = string
  description = "Name of every diagnostic setting (unique per watched resource)."
}

variable "log_analytics_workspace_id" {
  type        = string
  description = "Resource ID of the Log Analytics workspace that receives the logs and metrics."
}

variable "targets" {
  type = map(object({
    id              = string
    category_groups = list(string)
    categories      = list(string)
    metrics         = bool
  }))
  description = "Watched resources keyed by service: each one's ID, the log category groups and categories it sends, and whether it sends AllMetrics."
}
