# A region's virtual network: one subnet per entry of var.subnets, each with
# its own network security group so rules can differ per tier later without
# moving subnets.

locals {
  # The actions each service a subnet may be delegated to is granted, as
  # Azure records them (a different list shows as drift on every plan).
  delegation_actions = {
    "Microsoft.App/environments" = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    "Microsoft.Web/serverFarms"  = ["Microsoft.Network/virtualNetworks/subnets/action"]
  }
}

resource "azurerm_virtual_network" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  address_space       = var.address_space
  tags                = var.tags
}

resource "azurerm_subnet" "this" {
  for_each = var.subnets

  name                 = each.value.name
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [each.value.address_prefix]
  service_endpoints    = each.value.service_endpoints

  # "Enabled" makes NSGs and route tables apply to private endpoints too.
  private_endpoint_network_policies = each.value.private_endpoint_network_policies

  # A Private Link service takes its source addresses from a subnet whose
  # Private Link service network policies are off; the ingress subnet holds
  # the one Front Door Premium reaches the internal load balancer through.
  private_link_service_network_policies_enabled = each.value.private_link_service_network_policies_enabled

  # A delegated subnet is the service's alone: an App Service plan's VNet
  # integration or a Container Apps environment's nodes and load balancer.
  dynamic "delegation" {
    for_each = each.value.delegation == null ? [] : [each.value.delegation]

    content {
      name = "delegation"

      service_delegation {
        name    = delegation.value
        actions = local.delegation_actions[delegation.value]
      }
    }
  }
}

resource "azurerm_network_security_group" "this" {
  for_each = var.subnets

  name                = each.value.network_security_group_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags

  # Front Door reaching the region without Private Link connects from its
  # back-end addresses (service tag AzureFrontDoor.Backend), which no default
  # rule admits. With no block written azurerm leaves the group's rules as
  # they are (security_rule is optional and computed), so a rule written
  # before a region got its Private Link service has to be deleted by hand.
  dynamic "security_rule" {
    # try(): Terraform's && evaluates both sides, and null has no attributes.
    for_each = try(var.frontdoor_backend.subnet, null) == each.key ? [var.frontdoor_backend] : []

    content {
      name                       = "allow-frontdoor-backend"
      priority                   = security_rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_ranges    = security_rule.value.ports
      source_address_prefix      = "AzureFrontDoor.Backend"
      destination_address_prefix = each.value.address_prefix
      description                = "Front Door back end to the ingress, for origins reached without Private Link."
    }
  }

  # A Container Apps environment with a public endpoint takes its apps'
  # external ingress on ports 80 and 443 from any address.
  dynamic "security_rule" {
    for_each = each.value.public_ingress ? [each.value.address_prefix] : []

    content {
      name                       = "allow-internet-http"
      priority                   = 110
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_ranges    = ["80", "443"]
      source_address_prefix      = "Internet"
      destination_address_prefix = security_rule.value
      description                = "External ingress of the Container Apps environment."
    }
  }

  # An injected API Management gateway is managed by the service over
  # port 3443 from the ApiManagement service tag, takes its clients' HTTP
  # and HTTPS, and in a multi-region external instance is probed by Traffic
  # Manager. The infrastructure load balancer's port 6390 and the outbound
  # dependencies (Storage, Sql, AzureKeyVault, AzureMonitor) are admitted
  # by the default rules (Microsoft Learn, "Virtual network configuration
  # reference: API Management").
  dynamic "security_rule" {
    for_each = each.value.api_management == null ? [] : [each.value.address_prefix]

    content {
      name                       = "allow-apim-management"
      priority                   = 120
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = "3443"
      source_address_prefix      = "ApiManagement"
      destination_address_prefix = "VirtualNetwork"
      description                = "Management endpoint of API Management."
    }
  }

  dynamic "security_rule" {
    for_each = try(each.value.api_management.clients, null) == null ? [] : [each.value.api_management.clients]

    content {
      name                       = "allow-apim-clients"
      priority                   = 130
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_ranges    = ["80", "443"]
      source_address_prefix      = security_rule.value
      destination_address_prefix = each.value.address_prefix
      description                = "Client requests to the API Management gateway."
    }
  }

  dynamic "security_rule" {
    for_each = try(each.value.api_management.traffic_manager, false) ? [each.value.address_prefix] : []

    content {
      name                       = "allow-apim-traffic-manager"
      priority                   = 140
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = "443"
      source_address_prefix      = "AzureTrafficManager"
      destination_address_prefix = security_rule.value
      description                = "Traffic Manager probing the regional API Management gateway."
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "this" {
  for_each = var.subnets

  subnet_id                 = azurerm_subnet.this[each.key].id
  network_security_group_id = azurerm_network_security_group.this[each.key].id
}
