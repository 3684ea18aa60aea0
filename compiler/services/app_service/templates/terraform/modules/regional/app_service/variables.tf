variable "location" {
  type        = string
  description = "Azure location of the plans and their sites."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the plans, the sites and their private endpoints."
}

variable "plans" {
  type = map(object({
    name                   = string
    sku_name               = string
    worker_count           = number
    zone_balancing_enabled = bool
  }))
  description = "Linux App Service plans keyed by their topology name: Premium v3/v4 (P1v3, ...) or Elastic Premium (EP1-EP3)."
}

variable "sites" {
  type = map(object({
    kind                              = string
    name                              = string
    plan                              = string
    always_on                         = bool
    https_only                        = bool
    http2_enabled                     = bool
    minimum_tls_version               = string
    health_check_path                 = string
    health_check_eviction_time_in_min = number
    cors_allowed_origins              = list(string)
    application_stack = object({
      argument = string
      version  = string
    })
    app_settings          = map(string)
    key_vault_secrets     = map(string)
    private_endpoint_name = string
  }))
  description = "Web apps (kind web) and function apps (kind function) keyed by their topology name. application_stack names the azurerm argument (python_version, ...) and its value; null for none. key_vault_secrets maps app setting names to secret names in var.key_vault."
}

variable "subnet_id" {
  type        = string
  description = "Subnet delegated to Microsoft.Web/serverFarms that the sites' outbound traffic leaves through."
}

variable "key_vault" {
  type = object({
    id        = string
    vault_uri = string
  })
  description = "The region's key vault, which the sites' identities read secrets from; null when the region runs none."
  default     = null
}

variable "storage_account" {
  type = object({
    id   = string
    name = string
  })
  description = "The region's storage account, which keeps the function apps' host state; null when the region runs none."
  default     = null
}

variable "private_endpoint" {
  type = object({
    location             = string
    subnet_id            = string
    private_dns_zone_ids = list(string)
  })
  description = "Where the sites' private endpoints go and the privatelink.azurewebsites.net zone they register in."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource."
  default     = {}
}
