variable "subscription_id" {
  type        = string
  description = "Azure subscription the estate is deployed to; null reads ARM_SUBSCRIPTION_ID."
  default     = null
}

variable "origin_host_names" {
  type        = map(string)
  description = "Host name of each region's ingress (the load balancer in front of AKS), keyed by region; Front Door sends traffic there."
  default     = {}
}

variable "origin_private_link_target_ids" {
  type        = map(string)
  description = "Private Link service in front of a region's internal ingress, keyed by region, for Front Door Premium private origins."
  default     = {}
}

variable "tag_policy_effect" {
  type        = string
  description = "Effect of the required-tags policy: Deny, Audit (report only) or Disabled."
  default     = "Deny"
}
