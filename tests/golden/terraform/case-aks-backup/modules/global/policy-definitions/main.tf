# The Azure Policy definitions every boundary shares, read from the JSON
# files beside this module (the usual Azure Policy definition format, so
# they can be reviewed and tested on their own). Custom rather than built-in
# definitions: the rules ship with the topology that relies on them and
# cannot change under it. Defined at subscription scope; residency-policy
# assigns them per boundary.

locals {
  definitions = {
    for file in fileset("${path.module}/definitions", "*.json") :
    trimsuffix(file, ".json") => jsondecode(file("${path.module}/definitions/${file}")).properties
  }
}

resource "azurerm_policy_definition" "this" {
  for_each = local.definitions

  name         = var.names[each.key]
  policy_type  = "Custom"
  mode         = each.value.mode
  display_name = "${each.value.displayName} (${var.display_suffix})"
  description  = each.value.description
  metadata     = jsonencode(each.value.metadata)
  parameters   = jsonencode(each.value.parameters)
  policy_rule  = jsonencode(each.value.policyRule)
}
