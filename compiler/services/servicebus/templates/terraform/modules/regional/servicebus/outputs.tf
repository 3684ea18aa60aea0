output "id" {
  description = "Resource ID of the namespace."
  value       = azurerm_servicebus_namespace.this.id
}

output "endpoint" {
  description = "Host name clients use: the alias's when the namespace is paired, else the namespace's."
  value       = var.geo_dr == null ? "${azurerm_servicebus_namespace.this.name}.servicebus.windows.net" : "${var.geo_dr.alias}.servicebus.windows.net"
}

output "topic_ids" {
  description = "Resource IDs of the topics, keyed by name."
  value       = { for name, topic in azurerm_servicebus_topic.this : name => topic.id }
}
