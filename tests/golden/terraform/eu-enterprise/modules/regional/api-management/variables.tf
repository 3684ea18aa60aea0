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

variable "virtual_network_type" {
  type        = string
  description = "None, or External or Internal: the gateway is injected into a subnet of each location's VNet and answers on a public address, or on a private one only (Developer and Premium only)."
  default     = "None"
}

variable "subnet_id" {
  type        = string
  description = "Subnet the primary location's gateway is injected into; null when virtual_network_type is None."
  default     = null
}

variable "additional_locations" {
  type = list(object({
    location  = string
    subnet_id = optional(string)
  }))
  description = "Other Azure locations the gateway runs in (Premium only), each with the primary's units, and the subnet of that location's VNet it is injected into (null when virtual_network_type is None)."
  default     = []
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to the instance."
  default     = {}
}
