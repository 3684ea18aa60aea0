variable "name" {
  type        = string
  description = "Name of the Azure OpenAI account."
}

variable "location" {
  type        = string
  description = "Azure location of the Azure OpenAI account."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the Azure OpenAI account and its private endpoint."
}

variable "custom_subdomain_name" {
  type        = string
  description = "Globally unique subdomain of the account's endpoint; needed for Entra ID auth and private endpoints. Cannot change after creation."
}

variable "deployment_type" {
  type        = string
  description = "Deployment SKU of every model: Standard (in-region), DataZoneStandard (EU or US data zone) or GlobalStandard (any region)."

  validation {
    condition     = contains(["Standard", "DataZoneStandard", "GlobalStandard"], var.deployment_type)
    error_message = "The deployment_type must be Standard, DataZoneStandard or GlobalStandard."
  }
}

variable "deployments" {
  type = map(object({
    model    = string
    version  = string
    capacity = number
  }))
  description = "Model deployments keyed by deployment name; capacity in thousands of tokens per minute."
}

variable "private_endpoint" {
  type = object({
    name                 = string
    location             = string
    subnet_id            = string
    private_dns_zone_ids = list(string)
  })
  description = "Private endpoint in the region's endpoints subnet (location = the VNet's), registered in the service's private DNS zones."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
