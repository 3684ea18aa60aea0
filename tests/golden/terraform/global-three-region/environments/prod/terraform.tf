terraform {
  # 1.5 brings the `check` blocks and `import` blocks teams use to adopt
  # existing resources; nothing here needs a later Terraform.
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
