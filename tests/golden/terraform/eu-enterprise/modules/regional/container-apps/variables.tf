variable "location" {
  type        = string
  description = "Azure location of the environments, apps and identities."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds them."
}

variable "subnet_ids" {
  type        = map(string)
  description = "The region's subnet IDs keyed by subnet name; an environment's `subnet` is a key."
}

variable "log_analytics_workspace_id" {
  type        = string
  description = "The Log Analytics workspace that receives the region's logs, where the environments send theirs; null to stream them only."
  default     = null
}

variable "registry" {
  type = object({
    id           = string
    login_server = string
  })
  description = "The registry the region runs, which images without a registry host come from; null for none."
  default     = null
}

variable "key_vault_id" {
  type        = string
  description = "The region's Key Vault, whose secrets apps with `key_vault_secrets` may read; null for none."
  default     = null
}

variable "key_vault_uri" {
  type        = string
  description = "URI of the region's Key Vault, given to every app as AZURE_KEY_VAULT_URI; null for none."
  default     = null
}

variable "environments" {
  type = map(object({
    name                           = string
    subnet                         = string
    zone_redundancy_enabled        = bool
    internal_load_balancer_enabled = bool
    dedicated = object({
      type          = string
      minimum_count = number
      maximum_count = number
    })
  }))
  description = "Container Apps environments keyed by their topology name; `subnet` null without VNet integration, `dedicated` null for the Consumption profile alone."
}

variable "apps" {
  type = map(object({
    environment           = string
    name                  = string
    container_name        = string
    identity_name         = string
    image                 = string
    from_registry         = bool
    key_vault_secrets     = bool
    workload_profile_name = string
    cpu                   = number
    memory                = string
    min_replicas          = number
    max_replicas          = number
    ingress = object({
      external_enabled = bool
      target_port      = number
    })
  }))
  description = "Container Apps keyed `<environment>/<app>`; `identity_name` null for a system-assigned identity, `ingress` null for none."
}

variable "dns_virtual_networks" {
  type = map(object({
    id   = string
    name = string
  }))
  description = "The VNets that resolve the apps of the internal environments: the region's own and those peered with it, keyed by region."
  default     = {}
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
