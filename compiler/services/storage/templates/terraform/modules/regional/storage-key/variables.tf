variable "key_name" {
  type        = string
  description = "Name of the key in the vault."
}

variable "key_size" {
  type        = number
  description = "RSA key size in bits: 2048, 3072 or 4096."

  validation {
    condition     = contains([2048, 3072, 4096], var.key_size)
    error_message = "The key_size must be 2048, 3072 or 4096."
  }
}

variable "key_vault_id" {
  type        = string
  description = "Resource ID of the region's Key Vault, with purge protection on."
}

variable "identity_name" {
  type        = string
  description = "Name of the user-assigned identity the storage account reads the key with."
}

variable "location" {
  type        = string
  description = "Azure location of the region."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the identity."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
