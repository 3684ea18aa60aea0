provider "azurerm" {
  features {}

  # null falls back to ARM_SUBSCRIPTION_ID.
  subscription_id = var.subscription_id
}
