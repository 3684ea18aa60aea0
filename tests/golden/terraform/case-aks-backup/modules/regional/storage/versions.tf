# The provider this module is written for, the same constraint as the
# environment root's terraform.tf, so the module also stands on its own.
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
    }
  }
}
