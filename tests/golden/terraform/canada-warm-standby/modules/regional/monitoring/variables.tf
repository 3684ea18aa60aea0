variable "log_analytics_name" {
  type        = string
  description = "Name of the Log Analytics workspace."
}

variable "application_insights_name" {
  type        = string
  description = "Name of the Application Insights component."
}

variable "boundary_insights" {
  type        = map(string)
  default     = {}
  description = "Shared Application Insights components this region hosts: boundary name => component name."
}

variable "location" {
  type        = string
  description = "Azure location of both resources."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds both resources."
}

variable "retention_days" {
  type        = number
  description = "Days the workspace keeps data (30 to 730)."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
