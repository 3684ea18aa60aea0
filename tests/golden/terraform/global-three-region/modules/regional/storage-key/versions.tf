# The providers this module is written for: azurerm as the environment root
# constrains it, and azapi for the key, which azurerm creates only through
# the vault's data plane.
terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
    }
  }
}
