variable "name" {
  type        = string
  description = "Name of the virtual network."
}

variable "location" {
  type        = string
  description = "Azure location of the virtual network and its security groups."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the network."
}

variable "address_space" {
  type        = list(string)
  description = "Address prefixes of the virtual network, in CIDR notation."
}

variable "subnets" {
  type = map(object({
    name                              = string
    address_prefix                    = string
    network_security_group_name       = string
    service_endpoints                 = optional(list(string), [])
    private_endpoint_network_policies = optional(string, "Disabled")

    private_link_service_network_policies_enabled = optional(bool, true)

    # The service the subnet is delegated to: Microsoft.Web/serverFarms (App
    # Service VNet integration) or Microsoft.App/environments (Container Apps);
    # null for none.
    delegation = optional(string)

    # Whether the subnet admits HTTP and HTTPS from the internet: a Container
    # Apps environment with a public endpoint.
    public_ingress = optional(bool, false)

    # An API Management gateway injected into the subnet: the service tag its
    # clients come from (Internet, or AzureFrontDoor.Backend when Front Door
    # is its only client; null when the gateway is internal, since the
    # default rules admit the VNet), and whether Traffic Manager, which
    # routes a multi-region instance's gateway URL, must reach it too.
    api_management = optional(object({
      clients         = optional(string)
      traffic_manager = optional(bool, false)
    }))
  }))
  description = "Subnets keyed by their role (aks, endpoints, ingress, ...)."
}

variable "frontdoor_backend" {
  type = object({
    subnet   = string
    ports    = list(string)
    priority = number
  })
  description = "Inbound rule admitting Front Door's back end (AzureFrontDoor.Backend) to a subnet on these TCP ports, for a region Front Door reaches without Private Link; null for none."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
