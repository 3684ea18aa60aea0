variable "subscription_id" {
  type        = string
  description = "Azure subscription the estate is deployed to; null reads ARM_SUBSCRIPTION_ID."
  default     = null
}

variable "tag_policy_effect" {
  type        = string
  description = "Effect of the required-tags policy: Deny, Audit (report only) or Disabled."
  default     = "Deny"
}
