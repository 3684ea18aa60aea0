variable "name" {
  type        = string
  description = "Name of the registry: 5-50 letters and digits, unique across Azure (its login server is <name>.azurecr.io)."
}

variable "location" {
  type        = string
  description = "Azure location of the registry: its home region's location."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the registry: its home region's."
}

variable "sku" {
  type        = string
  description = "Tier of the registry; Premium for geo-replication, zone redundancy and private endpoints."
  default     = "Premium"

  validation {
    condition     = contains(["Basic", "Standard", "Premium"], var.sku)
    error_message = "sku must be Basic, Standard or Premium."
  }
}

variable "zone_redundancy_enabled" {
  type        = bool
  description = "Whether the registry spreads over the home location's availability zones (Premium only)."
  default     = false
}

variable "georeplications" {
  type = list(object({
    location                = string
    zone_redundancy_enabled = bool
  }))
  description = "Replica locations, sorted by location, without the home location (Premium only)."
  default     = []
}

variable "private_endpoints" {
  type = map(object({
    name                = string
    location            = string
    resource_group_name = string
  }))
  description = "Private endpoints keyed by region: each in that region's location and resource group."
}

variable "private_endpoint_subnet_ids" {
  type        = map(string)
  description = "Endpoints subnet of each region in private_endpoints, keyed by region."
}

variable "private_dns_zone_ids" {
  type        = map(string)
  description = "The privatelink.azurecr.io zone of each region in private_endpoints, keyed by region."
}

variable "pull_principal_ids" {
  type        = map(string)
  description = "Object IDs granted AcrPull on the registry (the AKS kubelet identities), keyed by region."
  default     = {}
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
