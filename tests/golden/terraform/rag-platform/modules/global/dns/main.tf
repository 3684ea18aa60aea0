# Public DNS: the zones topoc makes and the record sets it writes, one
# resource per type at a name. Records may also go into a zone the
# frontdoor module makes for its custom domains; the root then calls this
# module after that one.

resource "azurerm_dns_zone" "this" {
  for_each = var.zones

  name                = each.value
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_dns_a_record" "this" {
  for_each = var.a_records

  name                = each.value.name
  zone_name           = each.value.zone
  resource_group_name = var.resource_group_name
  ttl                 = each.value.ttl
  records             = each.value.records
  tags                = var.tags

  depends_on = [azurerm_dns_zone.this]
}

resource "azurerm_dns_aaaa_record" "this" {
  for_each = var.aaaa_records

  name                = each.value.name
  zone_name           = each.value.zone
  resource_group_name = var.resource_group_name
  ttl                 = each.value.ttl
  records             = each.value.records
  tags                = var.tags

  depends_on = [azurerm_dns_zone.this]
}

resource "azurerm_dns_cname_record" "this" {
  for_each = var.cname_records

  name                = each.value.name
  zone_name           = each.value.zone
  resource_group_name = var.resource_group_name
  ttl                 = each.value.ttl
  record              = each.value.record
  tags                = var.tags

  depends_on = [azurerm_dns_zone.this]
}

resource "azurerm_dns_txt_record" "this" {
  for_each = var.txt_records

  name                = each.value.name
  zone_name           = each.value.zone
  resource_group_name = var.resource_group_name
  ttl                 = each.value.ttl
  tags                = var.tags

  dynamic "record" {
    for_each = each.value.values
    content {
      value = record.value
    }
  }

  depends_on = [azurerm_dns_zone.this]
}
