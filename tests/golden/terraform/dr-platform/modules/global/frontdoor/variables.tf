variable "profile_name" {
  type        = string
  description = "Name of the Front Door profile."
}

variable "endpoint_name" {
  type        = string
  description = "Name of the endpoint (2-46 letters, digits and hyphens); the host name adds a hash to it."
}

variable "sku_name" {
  type        = string
  description = "Premium_AzureFrontDoor or Standard_AzureFrontDoor; cannot change after creation."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the profile and WAF policy (the global one)."
}

variable "load_balancing" {
  type = object({
    additional_latency_in_milliseconds = number
    sample_size                        = number
    successful_samples_required        = number
  })
  description = "Latency-based load balancing inside each origin group."
}

variable "health_probe" {
  type = object({
    path                = string
    protocol            = string
    request_type        = string
    interval_in_seconds = number
  })
  description = "Health probe every origin group sends to its origins."
}

variable "origin_groups" {
  type = map(object({
    name                     = string
    session_affinity_enabled = bool
  }))
  description = "Origin groups keyed by residency boundary, and by `<boundary>/sticky` (or `/nosticky`) for the routes whose session affinity differs from the profile's; session_affinity_enabled keeps a client on the origin that served it first."
}

variable "origins" {
  type = map(object({
    name         = string
    region       = string
    origin_group = string
    priority     = number
    weight       = number
    location     = string
  }))
  description = "Origins keyed by region (and `<region>/sticky` or `/nosticky` in an alternate-affinity group): the region's ingress, in its boundary's origin group; priority 1-5 (lower is preferred), weight 1-1000."
}

variable "origin_host_names" {
  type        = map(string)
  description = "Host name of each region's ingress, keyed by region; every origin's region needs one."

  validation {
    condition     = alltrue([for name in values(var.origin_host_names) : length(name) > 0])
    error_message = "Every origin host name must be non-empty."
  }
}

variable "origin_private_link_target_ids" {
  type        = map(string)
  description = "Private Link service in front of a region's internal ingress load balancer, keyed by region; regions without one are reached over the public internet."
  default     = {}
}

variable "routes" {
  type = map(object({
    name         = string
    patterns     = list(string)
    https_only   = bool
    origin_group = string
    alternate    = bool
    cache = optional(object({
      query_string_caching_behavior = string
      query_strings                 = list(string)
      compression_enabled           = bool
      content_types_to_compress     = list(string)
    }))
  }))
  description = "Routes keyed by name, each with the origin group that serves traffic no geo rule overrides; https_only refuses plain HTTP instead of redirecting it; alternate routes use the alternate-affinity groups and rule set; cache, when set, keeps responses at every Front Door edge location (null: no caching)."
}

variable "custom_domains" {
  type = map(object({
    name        = string
    zone        = optional(string)
    record_name = optional(string)
    certificate = optional(object({
      vault       = string
      name        = string
      secret_name = string
    }))
  }))
  description = "Custom domains keyed by host name: the resource name, the public DNS zone (with the host's record name in it) this module writes the CNAME and `_dnsauth` TXT records into (zone null when DNS is managed elsewhere), and the Key Vault certificate it serves: the `certificate_vaults` key of its vault, its name there and the Front Door secret's name (null for a certificate Front Door manages)."
  default     = {}
}

variable "certificate_vaults" {
  type = map(object({
    id        = string
    vault_uri = string
  }))
  description = "Key Vaults holding custom domains' certificates, keyed by region: resource ID and vault URI. The profile's identity gets Key Vault Secrets User on each."
  default     = {}
}

variable "rule_set_name" {
  type        = string
  description = "Name of the geo-routing rule set (letters and digits, starting with a letter)."
}

variable "alternate_rule_set_name" {
  type        = string
  description = "Name of the rule set holding the alternate-affinity groups' geo rules; null when every route has the profile's affinity."
  default     = null
}

variable "geo_rules" {
  type = map(object({
    name         = string
    order        = number
    countries    = list(string)
    origin_group = string
    alternate    = bool
  }))
  description = "Geo-match rules: requests from these countries (ISO 3166-1 alpha-2, at most 25 per rule) go to the origin group; alternate rules belong to the alternate rule set."
  default     = {}
}

variable "waf" {
  type = object({
    name                 = string
    security_policy_name = string
    mode                 = string
    managed_rule_sets    = map(string)
    deny_unrouted = optional(object({
      name               = string
      admitted_countries = list(list(string))
    }))
    rate_limits = optional(list(object({
      name                = string
      priority            = number
      duration_in_minutes = number
      threshold           = number
      match_variable      = string
      operator            = string
      match_values        = list(string)
    })), [])
  })
  description = "Web application firewall on the endpoint (managed rule sets by type => version; deny_unrouted blocks clients from none of the admitted countries, at most 10 codes per list and 10 lists; rate_limits block a client address past threshold matching requests in a 1 or 5 minute window); null for none."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
