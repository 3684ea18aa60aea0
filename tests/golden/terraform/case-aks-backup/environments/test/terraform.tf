terraform {
  # optional() object attributes with defaults need 1.3; 1.5 adds the import
  # blocks used to adopt existing resources into this tree.
  required_version = ">= 1.5"

  # azurerm 4.42 is the first release with azurerm_key_vault's
  # rbac_authorization_enabled (the name 5.0 keeps); it also covers
  # DataZoneStandard OpenAI deployments (4.9) and the 4.x argument names of
  # Cosmos DB, AKS and storage used by the modules.
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
    }
  }
}
