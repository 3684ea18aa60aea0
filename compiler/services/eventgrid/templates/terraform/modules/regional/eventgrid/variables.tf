variable "name" {
  type        = string
  description = "Name of the system topic."
}

variable "subscription_name" {
  type        = string
  description = "Name of the event subscription that delivers blob created events."
}

variable "location" {
  type        = string
  description = "Azure location of the storage account the system topic watches."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the region."
}

variable "storage_account_id" {
  type        = string
  description = "Resource ID of the region's storage account, the topic's source."
}

variable "service_bus_topic_id" {
  type        = string
  description = "Resource ID of the Service Bus topic of the same region the events are delivered to."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}
