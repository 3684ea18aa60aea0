// topoc.manifest.json: every resource the tree creates, under the address it
// will have in Terraform state, with the attributes drift detection compares.
// The addresses follow main.tf's module calls and for_each keys exactly.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "compiler/emit/terraform/root_files.h"
#include "compiler/naming/search_links.h"

namespace topoc::emit::terraform {
namespace {

using nlohmann::json;
using model::Service;

constexpr int kManifestVersion = 1;

// `["key"]` as Terraform writes instance keys in addresses.
std::string key(std::string_view k) { return fmt::format("[{}]", hcl::quote(k)); }

// The manifest is the largest file of a big estate's tree, so it is written
// as text: each resource's envelope directly, only its small `attributes`
// through nlohmann::json. The layout is exactly `json::dump(2)`'s (keys in
// sorted order, two-space indents), which keeps the file what a reader of
// docs/manifest.md expects and diffs stable.

// A JSON string literal, escaped as nlohmann::json escapes it. Runs of
// characters that need no escape are appended whole.
void append_string(std::string& out, std::string_view text) {
  out += '"';
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x20 && u != '"' && u != '\\') continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (u) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += fmt::format("\\u{:04x}", u);
    }
  }
  out.append(text, plain);
  out += '"';
}

void append_string_or_null(std::string& out, std::string_view text) {
  if (text.empty()) {
    out += "null";
  } else {
    append_string(out, text);
  }
}

// `value.dump(2)` as it reads nested `depth` levels deep.
void append_nested(std::string& out, const json& value, int depth) {
  std::string text = value.dump(2);
  std::string_view rest = text;
  const std::string newline = "\n" + std::string(static_cast<size_t>(2 * depth), ' ');
  for (size_t at = rest.find('\n'); at != std::string_view::npos; at = rest.find('\n')) {
    out.append(rest.substr(0, at));
    out += newline;
    rest.remove_prefix(at + 1);
  }
  out.append(rest);
}

class Manifest {
 public:
  explicit Manifest(const Estate& e) : e_(e) {
    json tags(e.tags);
    append_nested(tags_, tags, 3);
  }

  // One resource; `tags` only for resource types that carry tags.
  void add(std::string address, std::string_view type, std::string_view name,
           std::string_view location, std::string_view boundary, std::string_view resource_group,
           json attributes, bool tagged) {
    // An item of `resources`: its braces two levels deep, its keys three.
    std::string r;
    r.reserve(1024);
    r += "    {\n      \"address\": ";
    append_string(r, address);
    r += ",\n      \"attributes\": ";
    append_nested(r, attributes.is_null() ? json::object() : attributes, 3);
    r += ",\n      \"boundary\": ";
    append_string_or_null(r, boundary);
    r += ",\n      \"location\": ";
    append_string_or_null(r, location);
    r += ",\n      \"name\": ";
    append_string_or_null(r, name);
    r += ",\n      \"resource_group\": ";
    append_string_or_null(r, resource_group);
    if (tagged) {
      r += ",\n      \"tags\": ";
      r += tags_;
    }
    r += ",\n      \"type\": ";
    append_string(r, type);
    r += "\n    }";
    identities_.push_back(
        {address, std::string(type), std::string(name), std::string(resource_group)});
    resources_.emplace_back(std::move(address), std::move(r));
  }

  ManifestFile finish() {
    std::sort(resources_.begin(), resources_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    ManifestFile out;
    std::string& t = out.text;
    t += "{\n  \"environment\": ";
    append_string(t, e_.environment);
    t += fmt::format(",\n  \"generator\": \"topoc\",\n  \"manifest_version\": {},\n  \"resources\": ",
                     kManifestVersion);
    if (resources_.empty()) {
      t += "[]";
    } else {
      t += "[\n";
      for (size_t i = 0; i < resources_.size(); ++i) {
        if (i > 0) t += ",\n";
        t += resources_[i].second;
      }
      t += "\n  ]";
    }
    t += ",\n  \"state_key\": ";
    append_string(t, e_.state_key);
    t += ",\n  \"topology\": ";
    append_string(t, e_.topology->name);
    t += "\n}\n";
    for (auto& [address, text] : resources_) out.addresses.push_back(std::move(address));
    std::sort(
        identities_.begin(), identities_.end(),
        [](const ManifestResource& a, const ManifestResource& b) { return a.address < b.address; });
    out.resources = std::move(identities_);
    return out;
  }

 private:
  const Estate& e_;
  std::string tags_;  // the estate's tags, as every tagged resource carries them
  std::vector<std::pair<std::string, std::string>> resources_;  // address, JSON text
  std::vector<ManifestResource> identities_;
};

void private_endpoint(Manifest& m, const Estate& e, const model::Region& r, std::string_view module,
                      std::string_view service, std::string_view subresource) {
  if (!e.dns_of(r)) return;  // no endpoints subnet
  m.add(fmt::format("module.{}{}.azurerm_private_endpoint.this", module, key(r.key)),
        "azurerm_private_endpoint", e.names.region(r.key, fmt::format("pep.{}", service)),
        r.location.value, r.boundary_name.value, e.names.region(r.key, "rg"),
        {{"subresource_names", {subresource}}}, true);
}

void region_resources(Manifest& m, const Estate& e, const model::Region& r) {
  const std::string& b = r.boundary_name.value;
  const std::string& loc = r.location.value;
  const std::string& rg = e.names.region(r.key, "rg");
  const std::string k = key(r.key);
  m.add("azurerm_resource_group.region" + k, "azurerm_resource_group", rg, loc, b, "", nullptr, true);
  m.add("module.network" + k + ".azurerm_virtual_network.this", "azurerm_virtual_network",
        e.names.region(r.key, "vnet"), loc, b, rg,
        {{"address_space", {r.address_space.value.to_string()}}}, true);
  for (const model::Subnet& s : r.subnets) {
    std::string sk = key(s.name);
    m.add("module.network" + k + ".azurerm_subnet.this" + sk, "azurerm_subnet",
          e.names.region(r.key, "subnet." + s.name), loc, b, rg,
          {{"address_prefixes", {s.address.value.to_string()}}}, false);
    m.add("module.network" + k + ".azurerm_network_security_group.this" + sk,
          "azurerm_network_security_group", e.names.region(r.key, "nsg." + s.name), loc, b, rg, nullptr,
          true);
    m.add("module.network" + k + ".azurerm_subnet_network_security_group_association.this" + sk,
          "azurerm_subnet_network_security_group_association", "", loc, b, rg, nullptr, false);
  }
  if (r.monitoring) {
    m.add("module.monitoring" + k + ".azurerm_log_analytics_workspace.this",
          "azurerm_log_analytics_workspace", e.names.region(r.key, "log"), loc, b, rg,
          {{"sku", "PerGB2018"}, {"retention_in_days", r.monitoring->retention_days.value}}, true);
    m.add("module.monitoring" + k + ".azurerm_application_insights.this",
          "azurerm_application_insights", e.names.region(r.key, "appi"), loc, b, rg,
          {{"application_type", "web"}}, true);
  }
  if (r.aks) {
    const model::Aks& a = *r.aks;
    const model::NodePool& sys = a.system_pool;
    json cluster = {
        {"kubernetes_version", a.kubernetes_version.value.empty() ? json() : json(a.kubernetes_version.value)},
        {"sku_tier", "Standard"},
        {"private_cluster_enabled", a.private_cluster.value},
        {"network_plugin", "azure"},
        {"network_policy", a.network_policy.value},
        {"service_cidr", a.service_cidr.value},
        {"default_node_pool",
         {{"name", sys.name},
          {"vm_size", sys.vm_size.value},
          {"min_count", sys.min_count.value},
          {"max_count", sys.max_count.value},
          {"zones", sys.zones.value},
          {"max_pods", sys.max_pods},
          {"os_disk_size_gb", sys.os_disk_gb}}},
    };
    m.add("module.aks" + k + ".azurerm_kubernetes_cluster.this", "azurerm_kubernetes_cluster",
          e.names.region(r.key, "aks"), loc, b, rg, std::move(cluster), true);
    for (const model::NodePool& p : a.user_pools) {
      m.add("module.aks" + k + ".azurerm_kubernetes_cluster_node_pool.this" + key(p.name),
            "azurerm_kubernetes_cluster_node_pool", p.name, loc, b, rg,
            {{"mode", "User"},
             {"vm_size", p.vm_size.value},
             {"min_count", p.min_count.value},
             {"max_count", p.max_count.value},
             {"zones", p.zones.value},
             {"node_labels", p.labels},
             {"node_taints", p.taints},
             {"max_pods", p.max_pods},
             {"os_disk_size_gb", p.os_disk_gb}},
            true);
    }
    for (const char* subnet : {"aks", "ingress"}) {
      m.add("module.aks" + k + ".azurerm_role_assignment.network_contributor" + key(subnet),
            "azurerm_role_assignment", "", "", b, "",
            {{"role_definition_name", "Network Contributor"}}, false);
    }
  }
  if (r.search) {
    m.add("module.search" + k + ".azurerm_search_service.this", "azurerm_search_service",
          e.names.region(r.key, "search"), loc, b, rg,
          {{"sku", r.search->sku.value},
           {"replica_count", r.search->replicas.value},
           {"partition_count", r.search->partitions.value},
           {"public_network_access_enabled", false}},
          true);
    private_endpoint(m, e, r, "search", "search", "searchService");
    for (const naming::SearchSharedLink& link : naming::search_shared_links(r)) {
      m.add(fmt::format("module.search{}.azurerm_search_shared_private_link_service.this{}", k,
                        key(link.key)),
            "azurerm_search_shared_private_link_service", link.name, loc, b, rg,
            {{"subresource_name", link.group_id}}, false);
    }
  }
  if (r.openai) {
    const std::string& name = e.names.region(r.key, "openai");
    m.add("module.openai" + k + ".azurerm_cognitive_account.this", "azurerm_cognitive_account", name,
          r.openai->location.value, b, rg,
          {{"kind", "OpenAI"},
           {"sku_name", "S0"},
           {"custom_subdomain_name", name},
           {"public_network_access_enabled", false}},
          true);
    for (const model::OpenAIModel& model : r.openai->models) {
      m.add("module.openai" + k + ".azurerm_cognitive_deployment.this" + key(model.deployment_name),
            "azurerm_cognitive_deployment", model.deployment_name, r.openai->location.value, b, rg,
            {{"model", {{"format", "OpenAI"}, {"name", model.name}, {"version", model.version.value}}},
             {"sku", {{"name", model::to_string(r.openai->deployment.value)},
                      {"capacity", model.capacity.value}}}},
            false);
    }
    private_endpoint(m, e, r, "openai", "openai", "account");
  }
  if (r.storage) {
    m.add("module.storage" + k + ".azurerm_storage_account.this", "azurerm_storage_account",
          e.names.region(r.key, "storage"), loc, b, rg,
          {{"account_tier", "Standard"},
           {"account_kind", "StorageV2"},
           {"account_replication_type", model::to_string(r.storage->replication.value)},
           {"min_tls_version", "TLS1_2"},
           {"public_network_access_enabled", false}},
          true);
    private_endpoint(m, e, r, "storage", "blob", "blob");
    if (model::is_read_access(r.storage->replication.value) && e.dns_of(r)) {
      m.add("module.storage" + k + ".azurerm_private_endpoint.secondary[0]",
            "azurerm_private_endpoint", e.names.region(r.key, "pep.blob_secondary"), loc, b, rg,
            {{"subresource_names", {"blob_secondary"}}}, true);
    }
  }
  if (r.redis) {
    const model::Redis& c = *r.redis;
    json attrs = {{"sku_name", c.sku.value},
                  {"family", c.sku.value == "Premium" ? "P" : "C"},
                  {"capacity", c.capacity.value},
                  {"minimum_tls_version", "1.2"}};
    m.add("module.redis" + k + ".azurerm_redis_cache.this", "azurerm_redis_cache",
          e.names.region(r.key, "redis"), loc, b, rg, attrs, true);
    if (!c.geo_replica.value.empty()) {
      m.add("module.redis" + k + ".azurerm_redis_cache.replica[0]", "azurerm_redis_cache",
            e.names.region(r.key, "redis") + "-replica", c.geo_replica.value, b, rg, attrs, true);
      m.add("module.redis" + k + ".azurerm_redis_linked_server.replica[0]", "azurerm_redis_linked_server",
            "", c.geo_replica.value, b, rg, {{"server_role", "Secondary"}}, false);
      if (const naming::RedisReplica* geo = e.redis_replica_of(r)) {
        m.add("module.redis" + k + ".azurerm_private_endpoint.replica[0]",
              "azurerm_private_endpoint", e.names.region(r.key, "pep.redis_replica"),
              geo->endpoint_region->location.value, b, rg, {{"subresource_names", {"redisCache"}}},
              true);
      }
    }
    private_endpoint(m, e, r, "redis", "redis", "redisCache");
  }
  if (r.keyvault) {
    m.add("module.keyvault" + k + ".azurerm_key_vault.this", "azurerm_key_vault",
          e.names.region(r.key, "keyvault"), loc, b, rg,
          {{"sku_name", r.keyvault->sku.value},
           {"soft_delete_retention_days", r.keyvault->soft_delete_days.value},
           {"purge_protection_enabled", r.keyvault->purge_protection.value},
           {"rbac_authorization_enabled", true},
           {"public_network_access_enabled", false}},
          true);
    private_endpoint(m, e, r, "keyvault", "vault", "vault");
  }
}

void cosmos_resources(Manifest& m, const Estate& e) {
  const model::Cosmos& c = *e.topology->cosmos;
  for (const CosmosAccount& a : e.cosmos) {
    const std::string& rg = a.resource_group;
    const std::string boundary = a.boundary ? a.boundary->name : "";
    const std::string k = key(a.key);
    m.add("azurerm_resource_group.data" + k, "azurerm_resource_group", rg, a.location, boundary, "",
          nullptr, true);
    json geo = json::array();
    for (const GeoLocation& g : a.geo_locations) {
      geo.push_back({{"location", g.location},
                     {"failover_priority", g.failover_priority},
                     {"zone_redundant", g.zone_redundant}});
    }
    json consistency = {{"consistency_level", model::to_string(c.consistency.value)}};
    if (c.consistency.value == model::Consistency::kBoundedStaleness) {
      consistency["max_interval_in_seconds"] = c.max_staleness_seconds.value;
      consistency["max_staleness_prefix"] = c.max_staleness_prefix.value;
    }
    json backup = c.backup.value == "Periodic"
                      ? json{{"type", "Periodic"}, {"storage_redundancy", periodic_backup_redundancy(a)}}
                      : json{{"type", "Continuous"}, {"tier", c.backup.value}};
    m.add("module.cosmos" + k + ".azurerm_cosmosdb_account.this", "azurerm_cosmosdb_account", a.name,
          a.location, boundary, rg,
          {{"kind", "GlobalDocumentDB"},
           {"consistency_policy", consistency},
           {"geo_location", geo},
           {"multiple_write_locations_enabled", c.multi_write.value},
           {"automatic_failover_enabled", c.automatic_failover.value},
           {"public_network_access_enabled", false},
           {"backup", backup}},
          true);
    m.add("module.cosmos" + k + ".azurerm_cosmosdb_sql_database.this", "azurerm_cosmosdb_sql_database",
          a.database, a.location, boundary, rg, nullptr, false);
    for (const model::Container& ct : c.containers) {
      const std::string name_key = a.name_base + ".container." + ct.name;
      bool custom = ct.conflict.value == model::ConflictPolicy::kCustom && ct.procedure;
      json conflict =
          custom ? json{{"mode", "Custom"},
                        {"conflict_resolution_procedure",
                         fmt::format("dbs/{}/colls/{}/sprocs/{}", a.database, ct.name, ct.procedure->name)}}
                 : json{{"mode", "LastWriterWins"}, {"conflict_resolution_path", ct.conflict_path.value}};
      m.add("module.cosmos" + k + ".azurerm_cosmosdb_sql_container.this" + key(ct.name),
            "azurerm_cosmosdb_sql_container", e.names.get(name_key), a.location, boundary, rg,
            {{"partition_key_paths", {ct.partition_key.value}},
             {"default_ttl", ct.ttl_seconds.value == 0 ? json() : json(ct.ttl_seconds.value)},
             {"autoscale_max_throughput", ct.max_throughput.value},
             {"conflict_resolution_policy", conflict}},
            false);
      if (custom) {
        m.add("module.cosmos" + k + ".azurerm_cosmosdb_sql_stored_procedure.this" + key(ct.name),
              "azurerm_cosmosdb_sql_stored_procedure", e.names.get(name_key + ".procedure"), a.location,
              boundary, rg, {{"container_name", ct.name}}, false);
      }
    }
    for (const model::Region* r : a.endpoint_regions) {
      m.add("module.cosmos" + k + ".azurerm_private_endpoint.this" + key(r->key),
            "azurerm_private_endpoint", e.names.region(r->key, "pep.cosmos"), r->location.value,
            r->boundary_name.value, e.names.region(r->key, "rg"), {{"subresource_names", {"Sql"}}}, true);
    }
  }
}

void frontdoor_resources(Manifest& m, const Estate& e) {
  const model::FrontDoor& fd = *e.topology->frontdoor;
  const std::string& rg = e.names.get("global.rg");
  m.add("module.frontdoor.azurerm_cdn_frontdoor_profile.this", "azurerm_cdn_frontdoor_profile",
        e.names.get("frontdoor.profile"), "global", "", rg, {{"sku_name", fd.sku.value}}, true);
  m.add("module.frontdoor.azurerm_cdn_frontdoor_endpoint.this", "azurerm_cdn_frontdoor_endpoint",
        e.names.get("frontdoor.endpoint"), "global", "", rg, nullptr, true);
  for (const OriginGroup& g : e.origin_groups) {
    m.add("module.frontdoor.azurerm_cdn_frontdoor_origin_group.this" + key(g.key),
          "azurerm_cdn_frontdoor_origin_group", g.name, "global", g.key, rg,
          {{"session_affinity_enabled", fd.session_affinity.value},
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
  for (const Origin& o : e.origins) {
    m.add("module.frontdoor.azurerm_cdn_frontdoor_origin.this" + key(o.region->key),
          "azurerm_cdn_frontdoor_origin", o.name, "global", o.group, rg,
          {{"origin_group", o.group}, {"priority", o.priority}, {"weight", o.weight}}, false);
  }
  for (const model::FrontDoorRoute& r : fd.routes) {
    std::vector<std::string> patterns;
    for (const auto& p : r.patterns) patterns.push_back(p.value);
    m.add("module.frontdoor.azurerm_cdn_frontdoor_route.this" + key(r.name), "azurerm_cdn_frontdoor_route",
          e.names.get("frontdoor.route." + r.name), "global", "", rg,
          {{"patterns_to_match", patterns}, {"origin_group", e.default_origin_group}}, false);
  }
  if (!e.geo_rules.empty()) {
    m.add("module.frontdoor.azurerm_cdn_frontdoor_rule_set.geo[0]", "azurerm_cdn_frontdoor_rule_set",
          e.names.get("frontdoor.rule_set"), "global", "", rg, nullptr, false);
  }
  for (const GeoRule& g : e.geo_rules) {
    m.add("module.frontdoor.azurerm_cdn_frontdoor_rule.geo" + key(g.key), "azurerm_cdn_frontdoor_rule",
          g.name, "global", g.group, rg,
          {{"order", g.order}, {"geo_match", g.countries}, {"origin_group", g.group}}, false);
  }
  if (fd.waf.value) {
    json rules = json::object();
    if (fd.sku.value == "Premium_AzureFrontDoor") {
      rules = {{"Microsoft_BotManagerRuleSet", "1.1"}, {"Microsoft_DefaultRuleSet", "2.1"}};
    }
    m.add("module.frontdoor.azurerm_cdn_frontdoor_firewall_policy.this[0]",
          "azurerm_cdn_frontdoor_firewall_policy", e.names.get("frontdoor.waf"), "global", "", rg,
          {{"sku_name", fd.sku.value}, {"mode", fd.waf_mode.value}, {"managed_rules", rules}}, true);
    m.add("module.frontdoor.azurerm_cdn_frontdoor_security_policy.this[0]",
          "azurerm_cdn_frontdoor_security_policy", e.names.get("frontdoor.security_policy"), "global", "",
          rg, nullptr, false);
  }
}

void policy_resources(Manifest& m, const Estate& e) {
  std::string deny_geo, require_tags;
  for (const SharedPolicy& p : e.shared_policies) {
    m.add(fmt::format("module.policy_definitions.azurerm_policy_definition.this{}", key(p.key)),
          "azurerm_policy_definition", p.name, "", "", "", {{"policy_type", "Custom"}}, false);
    (p.key == "require-tags" ? require_tags : deny_geo) = p.name;
  }
  for (const BoundaryPlan& b : e.boundaries) {
    const std::string& boundary = b.boundary->name;
    const std::string prefix = "module.residency_policy" + key(boundary) + ".";
    m.add(prefix + "azurerm_policy_definition.allowed_locations", "azurerm_policy_definition",
          b.policy_name, "", boundary, "", {{"policy_type", "Custom"}}, false);
    for (const PolicyScope& s : b.policy_scopes) {
      const std::string assignment = prefix + "azurerm_resource_group_policy_assignment.";
      m.add(assignment + "allowed_locations" + key(s.key), "azurerm_resource_group_policy_assignment",
            s.assignment_name, "", boundary, s.resource_group,
            {{"allowed_locations", b.boundary->allowed_locations}}, false);
      if (s.deny_geo_redundant_storage) {
        m.add(assignment + "deny_geo_redundant_storage" + key(s.key),
              "azurerm_resource_group_policy_assignment", deny_geo, "", boundary, s.resource_group,
              nullptr, false);
      }
      if (!e.required_tags.empty()) {
        m.add(assignment + "required_tags" + key(s.key), "azurerm_resource_group_policy_assignment",
              require_tags, "", boundary, s.resource_group, {{"required_tags", e.required_tags}}, false);
      }
    }
  }
}

void alert_resources(Manifest& m, const Estate& e) {
  const std::string& rg = e.names.get("global.rg");
  m.add("module.alerts.azurerm_monitor_action_group.this", "azurerm_monitor_action_group",
        e.names.get("alerts.action_group"), "global", "", rg,
        {{"short_name", e.names.get("alerts.action_group.short_name")},
         {"email", e.topology->alerts.email.value.empty() ? json() : json(e.topology->alerts.email.value)}},
        true);
  for (const AlertInstance& a : e.alerts) {
    json criteria = {{"metric_namespace", a.metric->namespace_},
                     {"metric_name", a.metric->metric},
                     {"aggregation", a.metric->aggregation},
                     {"operator", model::to_string(a.alert->comparison.value)},
                     {"threshold", a.alert->threshold.value}};
    if (!a.metric->dimension.empty()) {
      criteria["dimension"] = {{"name", a.metric->dimension}, {"values", {a.metric->dimension_value}}};
    }
    m.add("module.alerts.azurerm_monitor_metric_alert.this" + key(a.key), "azurerm_monitor_metric_alert",
          a.name, "global", "", a.resource_group,
          {{"severity", a.alert->severity.value},
           {"frequency", iso_duration(a.alert->frequency_seconds.value)},
           {"window_size", iso_duration(a.alert->window_seconds.value)},
           {"criteria", criteria},
           {"target", {{"kind", a.target}, {"key", a.target_key}, {"name", a.watched}}}},
          true);
  }
}

}  // namespace

ManifestFile build_manifest(const Estate& e) {
  Manifest m(e);
  const model::Topology& t = *e.topology;
  m.add("azurerm_resource_group.global", "azurerm_resource_group", e.names.get("global.rg"),
        t.regions.empty() ? "" : t.regions.front().location.value, "", "", nullptr, true);
  for (const model::Region& r : t.regions) region_resources(m, e, r);
  for (const RegionDns& dns : e.dns) {
    const model::Region& r = *dns.region;
    const std::string& rg = e.names.region(r.key, "rg");
    for (const std::string& zone : dns.zones) {
      m.add("module.private_dns" + key(r.key) + ".azurerm_private_dns_zone.this" + key(zone),
            "azurerm_private_dns_zone", zone, "global", r.boundary_name.value, rg, nullptr, true);
      m.add("module.private_dns" + key(r.key) + ".azurerm_private_dns_zone_virtual_network_link.this" +
                key(zone),
            "azurerm_private_dns_zone_virtual_network_link", dns.link_name, "global",
            r.boundary_name.value, rg,
            {{"private_dns_zone_name", zone},
             {"virtual_network", e.names.region(r.key, "vnet")},
             {"registration_enabled", false}},
            true);
    }
  }
  if (!e.cosmos.empty()) cosmos_resources(m, e);
  if (e.has_frontdoor()) frontdoor_resources(m, e);
  if (!e.boundaries.empty()) policy_resources(m, e);
  if (!e.alerts.empty()) alert_resources(m, e);
  return m.finish();
}

}  // namespace topoc::emit::terraform
