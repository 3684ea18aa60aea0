output "key_vault_key_id" {
  description = "Versionless URI of the key: the account follows its newest version."
  value       = azapi_resource.key.output.properties.keyUri

  # The account must not use the key before its identity may.
  depends_on = [azurerm_role_assignment.crypto]
}

output "user_assigned_identity_id" {
  description = "Resource ID of the identity the account reads the key with."
  value       = azurerm_user_assigned_identity.this.id

  depends_on = [azurerm_role_assignment.crypto]
}
