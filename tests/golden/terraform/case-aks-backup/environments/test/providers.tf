provider "azurerm" {
  features {
    storage {
      data_plane_available = false
    }
  }

  storage_use_azuread = true

  # null falls back to ARM_SUBSCRIPTION_ID.
  subscription_id = var.subscription_id
}
