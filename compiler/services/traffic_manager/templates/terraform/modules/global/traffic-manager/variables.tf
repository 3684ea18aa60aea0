variable "resource_group_name" {
  type        = string
  description = "Resource group of the profiles (the global one)."
}

variable "profiles" {
  type = map(object({
    name                   = string
    relative_name          = string
    traffic_routing_method = string
    ttl                    = number
    max_return             = number
    monitor = object({
      protocol                     = string
      port                         = number
      path                         = string
      interval_in_seconds          = number
      timeout_in_seconds           = number
      tolerated_number_of_failures = number
      expected_status_code_ranges  = list(string)
      custom_headers               = map(string)
    })
  }))
  description = "Profiles keyed by their topology name; relative_name is the DNS label under trafficmanager.net, max_return is null except for MultiValue."
}

variable "azure_endpoints" {
  type = map(object({
    name               = string
    profile            = string
    target_resource_id = string
    priority           = number
    weight             = number
    enabled            = bool
    geo_mappings       = list(string)
    subnets            = list(object({ first = string, scope = number }))
    custom_headers     = map(string)
  }))
  description = "Azure endpoints keyed by \"<profile>/<endpoint>\": a public IP with a DNS name in front of a region's ingress."

  validation {
    condition = alltrue([
      for endpoint in values(var.azure_endpoints) :
      can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Network/publicIPAddresses/[^/]+$", endpoint.target_resource_id))
    ])
    error_message = "Each Azure endpoint targets a public IP address: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/publicIPAddresses/<name>."
  }
}

variable "external_endpoints" {
  type = map(object({
    name              = string
    profile           = string
    target            = string
    endpoint_location = string
    priority          = number
    weight            = number
    enabled           = bool
    geo_mappings      = list(string)
    subnets           = list(object({ first = string, scope = number }))
    custom_headers    = map(string)
  }))
  description = "External endpoints keyed by \"<profile>/<endpoint>\": a host name or IP address; endpoint_location is null unless written."
}

variable "nested_endpoints" {
  type = map(object({
    name                    = string
    profile                 = string
    child_profile           = string
    minimum_child_endpoints = number
    endpoint_location       = string
    priority                = number
    weight                  = number
    enabled                 = bool
    geo_mappings            = list(string)
    subnets                 = list(object({ first = string, scope = number }))
    custom_headers          = map(string)
  }))
  description = "Nested endpoints keyed by \"<profile>/<endpoint>\": child_profile is another key of var.profiles."
}

variable "diagnostics" {
  type = map(object({
    name                       = string
    log_analytics_workspace_id = string
  }))
  description = "Diagnostic settings keyed like var.profiles: the profiles whose probe health events and metrics go to a Log Analytics workspace."
  default     = {}
}

variable "tags" {
  type        = map(string)
  description = "Tags on every profile."
}
