# Links the Managed Redis instances of one active geo-replication group.
# Linking is reciprocal: one resource, written on the group's first member,
# links all of them (azurerm v4.55.0 azurerm_managed_redis_geo_replication).
# A group holds at most five instances, so at most four are linked here;
# each already names the group in its default database.

resource "azurerm_managed_redis_geo_replication" "this" {
  managed_redis_id         = var.managed_redis_id
  linked_managed_redis_ids = var.linked_managed_redis_ids
}
