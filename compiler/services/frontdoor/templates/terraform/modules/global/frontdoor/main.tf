# The estate's edge: one Front Door profile and endpoint, one origin group
# per residency boundary holding that boundary's regions, and a rule set
# that sends each boundary's countries to its own origin group. Traffic no
# geo rule matches follows the route's default origin group (the topology's
# `unrouted` boundary), or is refused by the WAF with `unrouted = deny`.
# Session affinity belongs to an origin group, not a route: routes whose
# affinity differs from the profile's use a twin of every group, with the
# same origins, and a rule set of their own pointing at the twins.

locals {
  # Origins speak the protocol their health probe uses.
  forwarding_protocol = var.health_probe.protocol == "Https" ? "HttpsOnly" : "HttpOnly"
  premium             = var.sku_name == "Premium_AzureFrontDoor"

  # Custom domains whose public DNS zone this module writes.
  zoned_domains = { for key, domain in var.custom_domains : key => domain if domain.zone != null }
  dns_zones     = toset([for domain in values(local.zoned_domains) : domain.zone])

  # Custom domains whose certificate is kept in a region's Key Vault.
  vault_domains = { for key, domain in var.custom_domains : key => domain if domain.certificate != null }
}

resource "azurerm_cdn_frontdoor_profile" "this" {
  name                = var.profile_name
  resource_group_name = var.resource_group_name
  sku_name            = var.sku_name
  tags                = var.tags

  # Front Door reads Key Vault certificates with this identity; without one
  # it would fall back to its shared app registration, which must be
  # registered in the tenant and granted each vault by hand.
  dynamic "identity" {
    for_each = length(var.certificate_vaults) > 0 ? ["SystemAssigned"] : []

    content {
      type = identity.value
    }
  }
}

# Reading certificates from each vault that holds one (the vault uses Azure
# RBAC; Front Door Standard/Premium passes its firewall as a trusted
# service). A role assignment can take minutes to reach Key Vault: a first
# apply that fails to create the secret with a 403 succeeds when re-run.
resource "azurerm_role_assignment" "certificate_vault" {
  for_each = var.certificate_vaults

  scope                = each.value.id
  role_definition_name = "Key Vault Secrets User"
  principal_type       = "ServicePrincipal"
  principal_id         = azurerm_cdn_frontdoor_profile.this.identity[0].principal_id
}

# A Key Vault certificate Front Door serves for a custom domain: the
# versionless reference, so Front Door picks up each renewal.
resource "azurerm_cdn_frontdoor_secret" "this" {
  for_each = local.vault_domains

  name                     = each.value.certificate.secret_name
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.this.id

  secret {
    customer_certificate {
      key_vault_certificate_id = "${var.certificate_vaults[each.value.certificate.vault].vault_uri}certificates/${each.value.certificate.name}"
    }
  }

  depends_on = [azurerm_role_assignment.certificate_vault]
}

resource "azurerm_cdn_frontdoor_endpoint" "this" {
  name                     = var.endpoint_name
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.this.id
  tags                     = var.tags
}

resource "azurerm_cdn_frontdoor_origin_group" "this" {
  for_each = var.origin_groups

  name                     = each.value.name
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.this.id
  session_affinity_enabled = each.value.session_affinity_enabled

  load_balancing {
    additional_latency_in_milliseconds = var.load_balancing.additional_latency_in_milliseconds
    sample_size                        = var.load_balancing.sample_size
    successful_samples_required        = var.load_balancing.successful_samples_required
  }

  health_probe {
    path                = var.health_probe.path
    protocol            = var.health_probe.protocol
    request_type        = var.health_probe.request_type
    interval_in_seconds = var.health_probe.interval_in_seconds
  }
}

resource "azurerm_cdn_frontdoor_origin" "this" {
  for_each = var.origins

  name                           = each.value.name
  cdn_frontdoor_origin_group_id  = azurerm_cdn_frontdoor_origin_group.this[each.value.origin_group].id
  enabled                        = true
  host_name                      = var.origin_host_names[each.value.region]
  origin_host_header             = var.origin_host_names[each.value.region]
  http_port                      = 80
  https_port                     = 443
  priority                       = each.value.priority
  weight                         = each.value.weight
  certificate_name_check_enabled = true

  # Premium profiles can reach an internal load balancer through its
  # Private Link service; the connection must then be approved on the
  # service once.
  dynamic "private_link" {
    for_each = contains(keys(var.origin_private_link_target_ids), each.value.region) ? [each.value] : []

    content {
      location               = private_link.value.location
      private_link_target_id = var.origin_private_link_target_ids[each.value.region]
      request_message        = "Front Door origin ${private_link.value.name}"
    }
  }
}

# Public DNS zones the custom domains belong to. Front Door validates a
# domain through its `_dnsauth` TXT record and serves it through the CNAME.
resource "azurerm_dns_zone" "this" {
  for_each = local.dns_zones

  name                = each.key
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

# Custom domains with a certificate Front Door issues and renews, or one
# from Key Vault through the domain's secret.
resource "azurerm_cdn_frontdoor_custom_domain" "this" {
  for_each = var.custom_domains

  name                     = each.value.name
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.this.id
  host_name                = each.key
  dns_zone_id              = each.value.zone == null ? null : azurerm_dns_zone.this[each.value.zone].id

  tls {
    certificate_type        = each.value.certificate == null ? "ManagedCertificate" : "CustomerCertificate"
    cdn_frontdoor_secret_id = each.value.certificate == null ? null : azurerm_cdn_frontdoor_secret.this[each.key].id
    minimum_tls_version     = "TLS12"
  }
}

resource "azurerm_dns_txt_record" "validation" {
  for_each = local.zoned_domains

  name                = "_dnsauth.${each.value.record_name}"
  zone_name           = azurerm_dns_zone.this[each.value.zone].name
  resource_group_name = var.resource_group_name
  ttl                 = 3600
  tags                = var.tags

  record {
    value = azurerm_cdn_frontdoor_custom_domain.this[each.key].validation_token
  }
}

# Written once the routes serve the domain and the WAF covers it, so Front
# Door never sees traffic for a domain it cannot yet serve.
resource "azurerm_dns_cname_record" "domain" {
  for_each = local.zoned_domains

  name                = each.value.record_name
  zone_name           = azurerm_dns_zone.this[each.value.zone].name
  resource_group_name = var.resource_group_name
  ttl                 = 3600
  record              = azurerm_cdn_frontdoor_endpoint.this.host_name
  tags                = var.tags

  depends_on = [azurerm_cdn_frontdoor_route.this, azurerm_cdn_frontdoor_security_policy.this]
}

resource "azurerm_cdn_frontdoor_rule_set" "geo" {
  count = length(var.geo_rules) > 0 ? 1 : 0

  name                     = var.rule_set_name
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.this.id
}

resource "azurerm_cdn_frontdoor_rule_set" "alternate" {
  count = length(var.geo_rules) > 0 && var.alternate_rule_set_name != null ? 1 : 0

  name                     = var.alternate_rule_set_name
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.this.id
}

resource "azurerm_cdn_frontdoor_rule" "geo" {
  for_each = var.geo_rules

  name                      = each.value.name
  cdn_frontdoor_rule_set_id = each.value.alternate ? azurerm_cdn_frontdoor_rule_set.alternate[0].id : azurerm_cdn_frontdoor_rule_set.geo[0].id
  order                     = each.value.order
  behavior_on_match         = "Stop"

  conditions {
    remote_address_condition {
      operator         = "GeoMatch"
      negate_condition = false
      match_values     = each.value.countries
    }
  }

  actions {
    route_configuration_override_action {
      cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.this[each.value.origin_group].id
      forwarding_protocol           = local.forwarding_protocol
      cache_behavior                = "Disabled"
    }
  }

  # A rule may only point at an origin group once its origins exist.
  depends_on = [azurerm_cdn_frontdoor_origin_group.this, azurerm_cdn_frontdoor_origin.this]
}

resource "azurerm_cdn_frontdoor_route" "this" {
  for_each = var.routes

  name                          = each.value.name
  cdn_frontdoor_endpoint_id     = azurerm_cdn_frontdoor_endpoint.this.id
  cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.this[each.value.origin_group].id
  cdn_frontdoor_rule_set_ids    = each.value.alternate ? azurerm_cdn_frontdoor_rule_set.alternate[*].id : azurerm_cdn_frontdoor_rule_set.geo[*].id
  patterns_to_match             = each.value.patterns
  # A route that redirects HTTP to HTTPS must accept HTTP (azurerm checks
  # both protocols are listed when https_redirect_enabled is set), so an
  # HTTPS-only route accepts HTTPS alone and redirects nothing.
  supported_protocols    = each.value.https_only ? ["Https"] : ["Http", "Https"]
  https_redirect_enabled = !each.value.https_only
  forwarding_protocol    = local.forwarding_protocol
  link_to_default_domain = true

  # Without the block Azure caches nothing for the route; azurerm sends an
  # empty query_strings list as no parameters at all.
  dynamic "cache" {
    for_each = each.value.cache == null ? [] : [each.value.cache]
    content {
      query_string_caching_behavior = cache.value.query_string_caching_behavior
      query_strings                 = cache.value.query_strings
      compression_enabled           = cache.value.compression_enabled
      content_types_to_compress     = cache.value.content_types_to_compress
    }
  }

  # Every route serves every custom domain; the domains are associated here
  # only, never through azurerm_cdn_frontdoor_custom_domain_association.
  cdn_frontdoor_custom_domain_ids = [for domain in azurerm_cdn_frontdoor_custom_domain.this : domain.id]

  # Not sent to Azure: makes Terraform create origins before the route and
  # delete the route before them.
  cdn_frontdoor_origin_ids = [for origin in azurerm_cdn_frontdoor_origin.this : origin.id]
}

resource "azurerm_cdn_frontdoor_firewall_policy" "this" {
  count = var.waf == null ? 0 : 1

  name                = var.waf.name
  resource_group_name = var.resource_group_name
  sku_name            = var.sku_name
  enabled             = true
  mode                = var.waf.mode
  tags                = var.tags

  # `unrouted = deny`: a request whose client address matches none of the
  # admitted countries is blocked before any route sees it. Conditions of
  # one rule are ANDed, so each negated list narrows what is refused.
  dynamic "custom_rule" {
    for_each = var.waf.deny_unrouted == null ? [] : [var.waf.deny_unrouted]

    content {
      name     = custom_rule.value.name
      enabled  = true
      priority = 1
      type     = "MatchRule"
      action   = "Block"

      dynamic "match_condition" {
        for_each = custom_rule.value.admitted_countries

        content {
          match_variable     = "RemoteAddr"
          operator           = "GeoMatch"
          negation_condition = true
          match_values       = match_condition.value
        }
      }
    }
  }

  # Rate limits: Front Door counts each client socket address's matching
  # requests over a fixed 1 or 5 minute window and blocks the address's
  # matching requests for the rest of the window once past the threshold.
  dynamic "custom_rule" {
    for_each = var.waf.rate_limits

    content {
      name                           = custom_rule.value.name
      enabled                        = true
      priority                       = custom_rule.value.priority
      type                           = "RateLimitRule"
      action                         = "Block"
      rate_limit_duration_in_minutes = custom_rule.value.duration_in_minutes
      rate_limit_threshold           = custom_rule.value.threshold

      match_condition {
        match_variable     = custom_rule.value.match_variable
        operator           = custom_rule.value.operator
        negation_condition = false
        match_values       = custom_rule.value.match_values
      }
    }
  }

  # Managed rule sets need a Premium profile; a Standard policy holds custom
  # rules only.
  dynamic "managed_rule" {
    for_each = local.premium ? var.waf.managed_rule_sets : {}

    content {
      type    = managed_rule.key
      version = managed_rule.value
      action  = "Block"
    }
  }
}

resource "azurerm_cdn_frontdoor_security_policy" "this" {
  count = var.waf == null ? 0 : 1

  name                     = var.waf.security_policy_name
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.this.id

  security_policies {
    firewall {
      cdn_frontdoor_firewall_policy_id = azurerm_cdn_frontdoor_firewall_policy.this[0].id

      association {
        patterns_to_match = ["/*"]

        # The endpoint's own host name and every custom domain.
        domain {
          cdn_frontdoor_domain_id = azurerm_cdn_frontdoor_endpoint.this.id
        }

        dynamic "domain" {
          for_each = azurerm_cdn_frontdoor_custom_domain.this

          content {
            cdn_frontdoor_domain_id = domain.value.id
          }
        }
      }
    }
  }
}
