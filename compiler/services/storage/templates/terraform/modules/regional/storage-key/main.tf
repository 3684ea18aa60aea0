# The customer-managed key of a region's storage account: an RSA key in the
# region's own Key Vault, the user-assigned identity the account reads it
# with, and that identity's role on the vault.
#
# The vault is private (public network access off, firewall on). The key is
# created through Resource Manager (Microsoft.KeyVault/vaults/keys), which
# the vault's firewall does not govern, so Terraform needs no route into the
# region's network; azurerm_key_vault_key would call the vault's data plane.
# Azure Storage reaches the vault as a trusted service (the vault's firewall
# bypasses AzureServices).

resource "azurerm_user_assigned_identity" "this" {
  name                = var.identity_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

# Wrap and unwrap with the vault's keys, nothing else (the vault uses Azure
# RBAC).
resource "azurerm_role_assignment" "crypto" {
  scope                = var.key_vault_id
  role_definition_name = "Key Vault Crypto Service Encryption User"
  principal_type       = "ServicePrincipal"
  principal_id         = azurerm_user_assigned_identity.this.principal_id
}

# Azure Storage reads the newest version of the key, checking once a day, so
# a new version in the vault rotates the account's key without a change here.
resource "azapi_resource" "key" {
  type      = "Microsoft.KeyVault/vaults/keys@2023-07-01"
  name      = var.key_name
  parent_id = var.key_vault_id

  body = {
    properties = {
      kty     = "RSA"
      keySize = var.key_size
      keyOps  = ["wrapKey", "unwrapKey"]
    }
  }

  # Deleting the key makes the account's data unreadable until it is
  # recovered: the vault's purge protection keeps a deleted key recoverable
  # for its soft-delete period.
  response_export_values = ["properties.keyUri"]
}
