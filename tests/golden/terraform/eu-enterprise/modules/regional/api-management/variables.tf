variable "name" {
  type        = string
  description = "Name of the API Management instance, also its host name under azure-api.net."
}

variable "location" {
  type        = string
  description = "Azure location of the instance: its primary gateway, management plane and developer portal."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the instance."
}

variable "sku_name" {
  type        = string
  description = "Tier and units, like Premium_1 (Developer_1, Basic_1-2, Standard_1-4, Premium_1-99)."
}

variable "publisher_name" {
  type        = string
  description = "Name of the organization that publishes the APIs."
}

variable "publisher_email" {
  type        = string
  description = "Email address that receives the instance's notifications."
}

variable "zones" {
  type        = list(string)
  description = "Availability zones of the primary location (Premium only); empty for none."
  default     = []
}

variable "additional_locations" {
  type        = list(string)
  description = "Other Azure locations the gateway runs in (Premium only), each with the primary's units."
  default     = []
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to the instance."
  default     = {}
}
