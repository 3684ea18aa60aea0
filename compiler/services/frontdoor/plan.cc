// Front Door: its profile, endpoint, origin groups per boundary, origins,
// routes, geo rules and WAF. Front Door is global and holds no tenant data
// at rest, except where a route caches: the route then keeps responses at
// every edge location, a cache/edge placement the residency engine checks.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "compiler/estate/add_resource.h"
#include "compiler/estate/edge_location.h"
#include "compiler/residency/wordings.h"
#include "compiler/services/frontdoor/rate_limits.h"
#include "compiler/services/frontdoor/unrouted.h"
#include "compiler/services/registry.h"

namespace topoc::services::frontdoor {

using estate::instance;
using nlohmann::json;

namespace {

// `unrouted = deny`: one Block rule whose conditions are ANDed, each a
// negated GeoMatch on the client address, so only a request from none of
// the listed countries matches it.
json deny_unrouted_rule(const model::FrontDoor& fd) {
  json conditions = json::array();
  for (const auto& group : admitted_country_groups(fd)) {
    conditions.push_back({{"match_variable", "RemoteAddr"},
                          {"operator", "GeoMatch"},
                          {"negation_condition", true},
                          {"match_values", group}});
  }
  return {{"name", kDenyUnroutedRuleName},
          {"type", "MatchRule"},
          {"priority", 1},
          {"action", "Block"},
          {"match_conditions", std::move(conditions)}};
}

json rate_limit_rule(const model::FrontDoorRateLimit& limit, int64_t priority) {
  RateLimitMatch match = rate_limit_match(limit);
  return {{"name", limit.rule_name()},
          {"type", "RateLimitRule"},
          {"priority", priority},
          {"action", "Block"},
          {"rate_limit_duration_in_minutes", limit.window_minutes.value},
          {"rate_limit_threshold", limit.requests.value},
          {"match_conditions", json::array({{{"match_variable", match.variable},
                                             {"operator", match.op},
                                             {"match_values", match.values}}})}};
}

json cache_properties(const model::FrontDoorCache& c) {
  std::vector<std::string> query_strings;
  for (const auto& q : c.query_strings) query_strings.push_back(q.value);
  std::vector<std::string> content_types;
  for (const auto& type : c.content_types) content_types.push_back(type.value);
  return {{"query_string_caching_behavior", model::to_string(c.query_string.value)},
          {"query_strings", query_strings},
          {"compression_enabled", c.compression.value},
          {"content_types_to_compress", content_types}};
}

// Each Front Door edge site keeps its own cache (Microsoft Learn, "Caching
// with Azure Front Door"), so a cached route's responses may sit at any of
// them. They are the data of every boundary the route serves: its default
// origin group's and, through the geo rule set it carries, each geo rule's.
// Boundaries without tenants hold no tenant data and are not holders.
void add_edge_cache(const estate::Estate& e, const estate::RoutePlan& plan,
                    estate::Resource& res) {
  const model::Topology& t = *e.topology;
  const model::FrontDoorRoute& r = *plan.route;
  std::vector<std::string> served;
  auto serve = [&](const std::string& group) {
    for (const estate::OriginGroup& g : e.origin_groups) {
      if (g.key == group && std::find(served.begin(), served.end(), g.boundary) == served.end()) {
        served.push_back(g.boundary);
      }
    }
  };
  serve(plan.origin_group);
  for (const estate::GeoRule& g : e.geo_rules) {
    if (g.alternate == plan.alternate) serve(g.group);
  }
  estate::Placement p{estate::PlacementKind::kCacheEdge, {std::string(estate::kFrontDoorEdge)}};
  if (r.data.value == model::DataClass::kNonPersonal) {
    p.data_class = model::DataClass::kNonPersonal;
    p.reasons.push_back(
        {r.data.location, fmt::format("route `{}` serves only non-personal content", r.name)});
  }
  p.reasons.push_back({r.cache->location,
                       fmt::format("route `{}` caches its responses at every Front Door edge "
                                   "location",
                                   r.name)});
  for (size_t i = 0; i < t.boundaries.size(); ++i) {
    const model::Boundary& b = t.boundaries[i];
    if (std::find(served.begin(), served.end(), b.name) == served.end()) continue;
    auto tenant = std::find_if(t.tenants.begin(), t.tenants.end(),
                               [&](const model::Tenant& x) { return x.boundary == i; });
    if (tenant == t.tenants.end()) continue;
    res.holders.push_back(i);
    p.reasons.push_back({tenant->location,
                         fmt::format("the route serves boundary `{}`, which holds tenant `{}`",
                                     b.name, tenant->name)});
  }
  p.wording = residency::frontdoor_route_cache_outside;
  res.placements.push_back(std::move(p));
}

// An origin that is an API Management gateway: the boundary's requests are
// handled by that gateway, in its region's location, on behalf of the
// instance that runs it (which may be another region's, through
// `additional_locations`).
void add_gateway_processing(const estate::Estate& e, const estate::Origin& o,
                            estate::Resource& res) {
  const model::FrontDoorOrigin& origin = *e.topology->frontdoor->find_origin(o.region->key);
  const std::string& instance = e.names.region(o.gateway_owner->key, "api_management");
  estate::Placement p{estate::PlacementKind::kProcessing, {o.region->location.value}};
  p.reasons.push_back(
      {origin.target.location,
       fmt::format("Front Door sends the requests of origin group `{}` to the API Management "
                   "gateway in region `{}`",
                   o.group, o.region->key)});
  if (o.gateway_owner != o.region) {
    p.reasons.push_back(
        {o.gateway_owner->api_management->location,
         fmt::format("the gateway in `{}` belongs to the instance `{}` of region `{}`",
                     o.region->location.value, instance, o.gateway_owner->key)});
  }
  res.placements.push_back(std::move(p));
}

}  // namespace

void plan(estate::Estate& e) {
  if (!e.has_frontdoor()) return;
  const model::FrontDoor& fd = *e.topology->frontdoor;
  const std::string& rg = e.names.get("global.rg");
  auto add = [&](std::string key, std::string_view type, std::string_view name,
                 std::string_view boundary, json props, bool tagged) -> estate::Resource& {
    auto& res = estate::add_resource(e, std::move(key), type, name, "global", boundary, rg,
                                     std::move(props), tagged);
    res.source = fd.location;
    return res;
  };
  auto add_route = [&](const estate::RoutePlan& plan) {
    const model::FrontDoorRoute& r = *plan.route;
    std::vector<std::string> patterns;
    for (const auto& p : r.patterns) patterns.push_back(p.value);
    auto& res = add("module.frontdoor.azurerm_cdn_frontdoor_route.this" + instance(r.name),
                    "azurerm_cdn_frontdoor_route", e.names.get("frontdoor.route." + r.name), "",
                    {{"patterns_to_match", patterns},
                     {"supported_protocols", r.https_only.value ? json::array({"Https"})
                                                                : json::array({"Http", "Https"})},
                     {"https_redirect_enabled", !r.https_only.value},
                     {"origin_group", plan.origin_group}},
                    false);
    res.source = r.location;
    // Drift reads a missing `cache` as none (ComparedAttribute kBlockPresent).
    if (r.cache) {
      res.properties["cache"] = json::array({cache_properties(*r.cache)});
      add_edge_cache(e, plan, res);
    }
  };
  std::map<std::string, std::string> boundary_of_group;
  for (const estate::OriginGroup& g : e.origin_groups) boundary_of_group[g.key] = g.boundary;
  auto add_origin = [&](const estate::Origin& o) {
    auto& res =
        add("module.frontdoor.azurerm_cdn_frontdoor_origin.this" + instance(o.key),
            "azurerm_cdn_frontdoor_origin", o.name, boundary_of_group[o.group],
            {{"origin_group", o.group}, {"priority", o.priority}, {"weight", o.weight}}, false);
    res.region = o.region;
    if (o.gateway_owner) add_gateway_processing(e, o, res);
  };
  // `topoc check` reads the placements alone: the cached routes and the
  // origins that are API Management gateways.
  if (e.placements_only) {
    for (const estate::RoutePlan& plan : e.routes) {
      if (plan.route->cache) add_route(plan);
    }
    for (const estate::Origin& o : e.origins) {
      if (o.gateway_owner) add_origin(o);
    }
    return;
  }
  // A domain whose certificate is kept in Key Vault: the profile reads it
  // with its system-assigned identity, granted Key Vault Secrets User on
  // each vault that holds one (Learn: "Use managed identities to access
  // Azure Key Vault certificates"), and a Front Door secret points at it.
  json profile = {{"sku_name", fd.sku.value}};
  if (!e.certificate_vaults.empty()) profile["identity"] = {{"type", "SystemAssigned"}};
  add("module.frontdoor.azurerm_cdn_frontdoor_profile.this", "azurerm_cdn_frontdoor_profile",
      e.names.get("frontdoor.profile"), "", std::move(profile), true);
  for (const std::string& region : e.certificate_vaults) {
    auto& role = estate::add_resource(
        e, "module.frontdoor.azurerm_role_assignment.certificate_vault" + instance(region),
        "azurerm_role_assignment", "", "", "", "",
        {{"role_definition_name", "Key Vault Secrets User"},
         {"scope", e.names.region(region, "keyvault")}},
        false);
    role.source = fd.location;
  }
  add("module.frontdoor.azurerm_cdn_frontdoor_endpoint.this", "azurerm_cdn_frontdoor_endpoint",
      e.names.get("frontdoor.endpoint"), "", nullptr, true);
  for (const estate::OriginGroup& g : e.origin_groups) {
    add("module.frontdoor.azurerm_cdn_frontdoor_origin_group.this" + instance(g.key),
        "azurerm_cdn_frontdoor_origin_group", g.name, g.boundary,
        {{"session_affinity_enabled", g.session_affinity},
         {"health_probe",
          {{"path", fd.probe_path.value},
           {"protocol", fd.probe_protocol.value},
           {"request_type", fd.probe_method.value},
           {"interval_in_seconds", fd.probe_interval_seconds.value}}},
         {"load_balancing",
          {{"additional_latency_in_milliseconds", fd.latency_sensitivity_ms.value},
           {"sample_size", fd.sample_size.value},
           {"successful_samples_required", fd.successful_samples.value}}}},
        false);
  }
  for (const estate::Origin& o : e.origins) add_origin(o);
  for (const estate::RoutePlan& plan : e.routes) add_route(plan);
  // Custom domains with Front Door managed certificates or a Front Door
  // secret for a Key Vault certificate (azurerm v4.55.0 accepts only TLS12
  // as `minimum_tls_version`), and, for a domain naming a zone, that public
  // zone with the domain's CNAME and validation TXT.
  for (const model::FrontDoorDomain& d : fd.domains) {
    const bool managed = d.managed_certificate();
    json props = {{"host_name", d.host},
                  {"tls",
                   {{"certificate_type", managed ? "ManagedCertificate" : "CustomerCertificate"},
                    {"minimum_tls_version", "TLS12"}}}};
    if (!d.zone.value.empty()) props["dns_zone"] = d.zone.value;
    if (!managed) {
      add("module.frontdoor.azurerm_cdn_frontdoor_secret.this" + instance(d.host),
          "azurerm_cdn_frontdoor_secret", e.names.get("frontdoor.secret." + d.host), "",
          {{"key_vault", e.names.region(d.vault.value, "keyvault")},
           {"certificate", d.certificate.value}},
          false)
          .source = d.certificate.location;
    }
    add("module.frontdoor.azurerm_cdn_frontdoor_custom_domain.this" + instance(d.host),
        "azurerm_cdn_frontdoor_custom_domain", e.names.get("frontdoor.domain." + d.host), "",
        std::move(props), false)
        .source = d.location;
  }
  std::set<std::string> zones;
  for (const model::FrontDoorDomain& d : fd.domains) {
    if (d.zone.value.empty()) continue;
    if (zones.insert(d.zone.value).second) {
      add("module.frontdoor.azurerm_dns_zone.this" + instance(d.zone.value), "azurerm_dns_zone",
          d.zone.value, "", nullptr, true)
          .source = d.zone.location;
    }
    const std::string record = d.relative_name();
    add("module.frontdoor.azurerm_dns_cname_record.domain" + instance(d.host),
        "azurerm_dns_cname_record", record, "",
        {{"zone_name", d.zone.value}, {"ttl", 3600}}, true)
        .source = d.location;
    add("module.frontdoor.azurerm_dns_txt_record.validation" + instance(d.host),
        "azurerm_dns_txt_record", "_dnsauth." + record, "",
        {{"zone_name", d.zone.value}, {"ttl", 3600}}, true)
        .source = d.location;
  }
  if (!e.geo_rules.empty()) {
    add("module.frontdoor.azurerm_cdn_frontdoor_rule_set.geo[0]", "azurerm_cdn_frontdoor_rule_set",
        e.names.get("frontdoor.rule_set"), "", nullptr, false);
    if (fd.has_alternate_affinity()) {
      add("module.frontdoor.azurerm_cdn_frontdoor_rule_set.alternate[0]",
          "azurerm_cdn_frontdoor_rule_set", e.names.get("frontdoor.rule_set.alternate"), "",
          nullptr, false);
    }
  }
  for (const estate::GeoRule& g : e.geo_rules) {
    add("module.frontdoor.azurerm_cdn_frontdoor_rule.geo" + instance(g.key),
        "azurerm_cdn_frontdoor_rule", g.name, g.boundary,
        {{"order", g.order}, {"geo_match", g.countries}, {"origin_group", g.group}}, false);
  }
  if (fd.waf.value) {
    // The firewall covers the endpoint's own host name and every custom domain.
    json security_domains = json::array({"endpoint"});
    for (const model::FrontDoorDomain& d : fd.domains) security_domains.push_back(d.host);
    json rules = json::object();
    if (fd.sku.value == "Premium_AzureFrontDoor") {
      rules = {{"Microsoft_BotManagerRuleSet", "1.1"}, {"Microsoft_DefaultRuleSet", "2.1"}};
    }
    json props = {
        {"sku_name", fd.sku.value}, {"mode", fd.waf_mode.value}, {"managed_rules", rules}};
    json custom_rules = json::array();
    if (fd.denies_unrouted()) custom_rules.push_back(deny_unrouted_rule(fd));
    for (size_t i = 0; i < fd.rate_limits.size(); ++i) {
      custom_rules.push_back(
          rate_limit_rule(fd.rate_limits[i], kFirstRateLimitPriority + static_cast<int64_t>(i)));
    }
    if (!custom_rules.empty()) props["custom_rules"] = std::move(custom_rules);
    add("module.frontdoor.azurerm_cdn_frontdoor_firewall_policy.this[0]",
        "azurerm_cdn_frontdoor_firewall_policy", e.names.get("frontdoor.waf"), "", std::move(props),
        true);
    add("module.frontdoor.azurerm_cdn_frontdoor_security_policy.this[0]",
        "azurerm_cdn_frontdoor_security_policy", e.names.get("frontdoor.security_policy"), "",
        fd.domains.empty() ? json(nullptr) : json{{"domains", security_domains}}, false);
  }
}

}  // namespace topoc::services::frontdoor
