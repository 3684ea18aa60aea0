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

variable "session_affinity_enabled" {
  type        = bool
  description = "Whether a client sticks to the origin that served it first."
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
    name = string
  }))
  description = "Origin groups keyed by residency boundary."
}

variable "origins" {
  type = map(object({
    name         = string
    origin_group = string
    priority     = number
    weight       = number
    location     = string
  }))
  description = "Origins keyed by region: the region's ingress, in its boundary's origin group; priority 1-5 (lower is preferred), weight 1-1000."
}

variable "origin_host_names" {
  type        = map(string)
  description = "Host name of each region's ingress, keyed like var.origins; every origin needs one."

  validation {
    condition     = alltrue([for name in values(var.origin_host_names) : length(name) > 0])
    error_message = "Every origin host name must be non-empty."
  }
}

variable "origin_private_link_target_ids" {
  type        = map(string)
  description = "Private Link service in front of a region's internal ingress load balancer, keyed like var.origins; regions without one are reached over the public internet."
  default     = {}
}

variable "routes" {
  type = map(object({
    name         = string
    patterns     = list(string)
    https_only   = bool
    origin_group = string
  }))
  description = "Routes keyed by name, each with the origin group that serves traffic no geo rule overrides; https_only refuses plain HTTP instead of redirecting it."
}

variable "custom_domains" {
  type = map(object({
    name        = string
    zone        = optional(string)
    record_name = optional(string)
  }))
  description = "Custom domains keyed by host name: the resource name, and the public DNS zone (with the host's record name in it) this module writes the CNAME and `_dnsauth` TXT records into; zone null when DNS is managed elsewhere."
  default     = {}
}

variable "rule_set_name" {
  type        = string
  description = "Name of the geo-routing rule set (letters and digits, starting with a letter)."
}

variable "geo_rules" {
  type = map(object({
    name         = string
    order        = number
    countries    = list(string)
    origin_group = string
  }))
  description = "Geo-match rules: requests from these countries (ISO 3166-1 alpha-2, at most 25 per rule) go to the origin group."
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
  })
  description = "Web application firewall on the endpoint (managed rule sets by type => version; deny_unrouted blocks clients from none of the admitted countries, at most 10 codes per list and 10 lists); null for none."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
