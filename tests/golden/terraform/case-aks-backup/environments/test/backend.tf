terraform {
  # Partial configuration: the state account comes from `terraform init
  # -backend-config=<file>` with resource_group_name, storage_account_name and
  # container_name, so one tree deploys to any state account.
  backend "azurerm" {
    key              = "clusters/test.tfstate"
    use_azuread_auth = true
  }
}
