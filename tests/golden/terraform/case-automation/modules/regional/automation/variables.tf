variable "name" {
  type        = string
  description = "Name of the Automation account."
}

variable "location" {
  type        = string
  description = "Azure location of the account, where its runbooks' jobs run."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the account."
}

variable "sku_name" {
  type        = string
  description = "Pricing tier of the account: Basic or Free."
  default     = "Basic"
}

variable "runbooks" {
  type = map(object({
    type        = string
    description = string
    content     = string
    schedule = object({
      frequency  = string
      interval   = number
      start_time = string
    })
  }))
  description = "Runbooks by name: type (PowerShell72, PowerShell, PowerShellWorkflow, Python3), description, script text and an optional schedule (frequency OneTime, Hour, Day, Week or Month; interval; RFC 3339 start time or null)."
  default     = {}
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to the account and its runbooks."
  default     = {}
}
