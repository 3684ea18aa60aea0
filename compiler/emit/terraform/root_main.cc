// environments/<env>/main.tf: resource groups and the module calls. Every
// call iterates over the locals (regions, boundaries), so this file only
// changes when the set of services in use changes, never per region.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>

#include "compiler/emit/api_management_inbound.h"
#include "compiler/emit/frontdoor_inbound.h"
#include "compiler/emit/terraform/root_files.h"
#include "compiler/services/container_apps/internal_dns.h"
#include "compiler/services/cosmos/diagnostics.h"
#include "compiler/services/diagnostics/categories.h"
#include "compiler/services/dns/zones.h"
#include "compiler/services/managed_redis/geo_groups.h"
#include "compiler/services/monitoring/log_sink.h"
#include "compiler/services/storage/replica.h"

namespace topoc::emit::terraform {
namespace {

using hcl::Body;
using hcl::Expr;
using model::Service;
using services::container_apps::any_internal_environment;

Expr raw(std::string code) { return Expr::raw(std::move(code)); }

// Each origin region's host name: the ingress's, from `var.origin_host_names`,
// or, for an API Management gateway, its regional URL without the scheme,
// which Front Door also sends as the host header the gateway expects. On one
// line: terraform fmt aligns the attributes around a multi-line value apart.
Expr origin_host_names(const Estate& e) {
  std::vector<std::string> entries;
  for (const estate::Origin& o : e.origins) {
    if (!o.gateway_owner || o.key != o.region->key) continue;  // an ingress, or a twin
    entries.push_back(fmt::format(
        "{} = trimprefix(module.api_management[\"{}\"].gateway_regional_urls[\"{}\"], "
        "\"https://\")",
        hcl::render_key(o.region->key), hcl::escape_string(o.gateway_owner->key),
        hcl::escape_string(o.region->location.value)));
  }
  if (entries.empty()) return raw("var.origin_host_names");
  return raw(fmt::format("merge(var.origin_host_names, {{ {} }})", fmt::join(entries, ", ")));
}

std::string module_source(std::string_view path) { return fmt::format("../../modules/{}", path); }

// `for_each` over the regions that run `service`.
Expr regions_with(std::string_view attribute) {
  return raw(fmt::format("{{ for key, region in local.regions : key => region if region.{} != null }}",
                         attribute));
}

Body module_head(std::string_view path, Expr for_each) {
  Body b;
  b.attribute("source", Expr::string(module_source(path)));
  b.attribute("for_each", std::move(for_each));
  b.blank();
  return b;
}

Expr private_endpoint_object(std::string_view service) {
  return Expr::object({
      {"name", raw(fmt::format("each.value.{}.private_endpoint_name", service))},
      {"location", raw("each.value.location")},
      {"subnet_id", raw("module.network[each.key].subnet_ids[\"endpoints\"]")},
      {"private_dns_zone_ids",
       raw(fmt::format("[for zone in each.value.{}.private_dns_zones : module.private_dns[each.key].zone_ids[zone]]",
                       service))},
  });
}

// A global module with an endpoint in each of several regions
// (`each.value.private_endpoints`, keyed by region): each endpoint's subnet
// and its region's private DNS zone `zone`.
void regional_endpoint_wiring(Body& b, std::string_view zone) {
  b.attribute("private_endpoint_subnet_ids",
              raw("{ for key, endpoint in each.value.private_endpoints : key => "
                  "module.network[key].subnet_ids[\"endpoints\"] }"));
  b.attribute("private_dns_zone_ids",
              raw(fmt::format("{{ for key, endpoint in each.value.private_endpoints : key => "
                              "module.private_dns[key].zone_ids[\"{}\"] }}",
                              zone)));
}

void resource_groups(const Estate& e, Body& file) {
  const model::Topology& t = *e.topology;
  Body global;
  global.attribute("name", Expr::string(e.names.get("global.rg")));
  global.attribute("location", Expr::string(t.regions.empty() ? "" : t.regions.front().location.value));
  global.attribute("tags", raw("local.common_tags"));
  file.comment("Global resources (Front Door, private DNS, alerts) live in the first region's location.");
  file.block("resource", {"azurerm_resource_group", "global"}, std::move(global));
  file.blank();
  Body region;
  region.attribute("for_each", raw("local.regions"));
  region.blank();
  region.attribute("name", raw("each.value.resource_group_name"));
  region.attribute("location", raw("each.value.location"));
  region.attribute("tags", raw("local.common_tags"));
  file.block("resource", {"azurerm_resource_group", "region"}, std::move(region));
  if (e.cosmos.empty()) return;
  file.blank();
  Body data;
  data.attribute("for_each", raw("local.cosmos_accounts"));
  data.blank();
  data.attribute("name", raw("each.value.resource_group_name"));
  data.attribute("location", raw("each.value.location"));
  data.attribute("tags", raw("local.common_tags"));
  file.comment("Each Cosmos DB account in a data group of its own, under its boundary's residency policy.");
  file.block("resource", {"azurerm_resource_group", "data"}, std::move(data));
}

void add_module(Body& file, std::string_view name, Body body) {
  file.blank();
  file.block("module", {std::string(name)}, std::move(body));
}

// One link per active geo-replication group of two or more Managed Redis
// instances, written on the group's first member.
void managed_redis_geo_replication(const Estate& e, Body& file) {
  std::vector<hcl::Entry> groups;
  for (const services::managed_redis::GeoGroup& g :
       services::managed_redis::geo_groups(*e.topology)) {
    if (g.members.size() < 2) continue;
    std::vector<std::string> linked;
    for (size_t i = 1; i < g.members.size(); ++i) linked.push_back(g.members[i]->key);
    groups.push_back({g.name, Expr::object({{"first", Expr::string(g.members.front()->key)},
                                            {"linked", Expr::string_list(linked)}})});
  }
  if (groups.empty()) return;
  Body b = module_head("global/managed-redis-geo-replication", Expr::object(std::move(groups)));
  b.attribute("managed_redis_id", raw("module.managed_redis[each.value.first].id"));
  b.attribute("linked_managed_redis_ids",
              raw("[for key in each.value.linked : module.managed_redis[key].id]"));
  add_module(file, "managed_redis_geo_replication", std::move(b));
}

// The registry a region's apps pull from is the topology's (one region can
// run at most the first that lives or replicates there: registry_of), the
// vault and workspace the region's own.
void container_apps_module(const Estate& e, Body& file) {
  const model::Topology& t = *e.topology;
  Body b = module_head("regional/container-apps", regions_with("container_apps"));
  b.attribute("location", raw("each.value.location"));
  b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
  b.attribute("subnet_ids", raw("module.network[each.key].subnet_ids"));
  if (e.any_region(Service::kMonitoring)) {
    b.attribute("log_analytics_workspace_id",
                raw("each.value.container_apps.log_workspace_region != null ? "
                    "module.monitoring[each.value.container_apps.log_workspace_region]"
                    ".log_analytics_workspace_id : null"));
  }
  if (!t.registries.empty()) {
    b.attribute("registry",
                raw("each.value.container_apps.registry == null ? null : { id = "
                    "module.container_registry[each.value.container_apps.registry].id, "
                    "login_server = "
                    "module.container_registry[each.value.container_apps.registry].login_server }"));
  }
  if (e.any_region(Service::kKeyVault)) {
    b.attribute("key_vault_id",
                raw("each.value.keyvault != null ? module.keyvault[each.key].id : null"));
    b.attribute("key_vault_uri",
                raw("each.value.keyvault != null ? module.keyvault[each.key].vault_uri : null"));
  }
  b.attribute("environments", raw("each.value.container_apps.environments"));
  b.attribute("apps", raw("each.value.container_apps.apps"));
  if (any_internal_environment(t)) {
    b.attribute("dns_virtual_networks",
                raw("{ for key in each.value.container_apps.dns_regions : key => "
                    "{ id = module.network[key].id, name = module.network[key].name } }"));
  }
  b.attribute("tags", raw("local.common_tags"));
  add_module(file, "container_apps", std::move(b));
}

// Each region's diagnostic settings, sent to the workspace of the region
// the topology names (its own by default); each target's ID is the `id`
// output of its service's call for the region.
void diagnostics_module(const Estate& e, Body& file) {
  std::map<std::string, const estate::DiagnosticSetting*> by_key;  // one of each key
  for (const estate::DiagnosticSetting& s : e.diagnostic_settings) by_key.emplace(s.key, &s);
  std::vector<std::string> ids;
  for (const auto& [key, s] : by_key) {
    if (s->module == services::diagnostics::kRegistryModule) {
      // A registry, watched from its home region only.
      std::string_view name = std::string_view(key).substr(key.find('/') + 1);
      ids.push_back(fmt::format("{} = {{ {} = module.container_registry[{}] }}", hcl::quote(key),
                                hcl::quote(s->instance), hcl::quote(name)));
    } else if (size_t slash = key.find('/'); slash != std::string::npos) {
      // One of several of the call's resources (App Service sites,
      // PostgreSQL replicas), by its key in the call's map of IDs; absent
      // from the regions without it.
      ids.push_back(
          fmt::format("{} = {{ for r, m in module.{} : r => {{ id = lookup(m.{}, {}, "
                      "null) }} }}",
                      hcl::quote(key), s->module, s->id_output, hcl::quote(key.substr(slash + 1))));
    } else if (s->id_output != "id") {
      // Logs collected on a child of the resource (a storage account's blob
      // service, Azure Managed Redis's database) or on a second resource of
      // the call (a storage replica, a Redis persistence account).
      ids.push_back(fmt::format("{} = {{ for r, m in module.{} : r => {{ id = m.{} }} }}", key,
                                s->module, s->id_output));
    } else {
      ids.push_back(fmt::format("{} = module.{}", key, s->module));
    }
  }
  Body b = module_head("regional/diagnostics", regions_with("diagnostics"));
  b.attribute("name", raw("each.value.diagnostics.name"));
  b.attribute("log_analytics_workspace_id",
              raw("module.monitoring[each.value.diagnostics.workspace_region]"
                  ".log_analytics_workspace_id"));
  b.attribute("targets",
              raw(fmt::format("{{ for key, target in each.value.diagnostics.targets : key => "
                              "merge(target, {{ id = {{ {} }}[key][each.key].id }}) }}",
                              fmt::join(ids, ", "))));
  add_module(file, "diagnostics", std::move(b));
}

void regional_modules(const Estate& e, const services::monitoring::BoundaryInsights& insights,
                      Body& file) {
  bool monitoring = e.any_region(Service::kMonitoring);
  {
    Body b;
    b.attribute("source", Expr::string(module_source("regional/network")));
    b.attribute("for_each", raw("local.regions"));
    b.blank();
    b.attribute("name", raw("each.value.network.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("address_space", raw("each.value.network.address_space"));
    b.attribute("subnets", raw("each.value.network.subnets"));
    if (e.has_frontdoor()) {
      // A region given a Private Link service is reached through it; only
      // the others need their ingress open to Front Door's back end.
      b.attribute("frontdoor_backend",
                  raw(emit::frontdoor_private_link_possible(*e.topology->frontdoor)
                          ? "contains(keys(var.origin_private_link_target_ids), each.key) ? null : "
                            "each.value.network.frontdoor_backend"
                          : "each.value.network.frontdoor_backend"));
    }
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "network", std::move(b));
  }
  if (!e.dns.empty()) {
    Body b = module_head("regional/private-dns", regions_with("private_dns"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("zones", raw("each.value.private_dns.zones"));
    b.attribute("virtual_network_id", raw("module.network[each.key].id"));
    b.attribute("link_name", raw("each.value.private_dns.link_name"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "private_dns", std::move(b));
  }
  if (!e.peerings.empty()) {
    Body b;
    b.attribute("source", Expr::string(module_source("regional/vnet-peering")));
    b.attribute("for_each", raw("local.vnet_peerings"));
    b.blank();
    b.attribute("name", raw("each.value.name"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.value.local].name"));
    b.attribute("virtual_network_name", raw("module.network[each.value.local].name"));
    b.attribute("virtual_network_id", raw("module.network[each.value.local].id"));
    b.attribute("remote_virtual_network_id", raw("module.network[each.value.remote].id"));
    b.attribute("remote_address_space",
                raw("local.regions[each.value.remote].network.address_space"));
    b.attribute("remote_resource_group_name",
                raw("azurerm_resource_group.region[each.value.remote].name"));
    b.attribute("remote_zones", raw("each.value.remote_zones"));
    b.attribute("link_name", raw("each.value.link_name"));
    b.attribute("tags", raw("local.common_tags"));
    if (!e.dns.empty()) {
      b.blank();
      // The remote zones are created by the remote region's private_dns call.
      b.attribute("depends_on", raw("[module.private_dns]"));
    }
    add_module(file, "vnet_peering", std::move(b));
  }
  if (monitoring) {
    Body b = module_head("regional/monitoring", regions_with("monitoring"));
    b.attribute("log_analytics_name", raw("each.value.monitoring.log_analytics_name"));
    b.attribute("application_insights_name", raw("each.value.monitoring.application_insights_name"));
    if (insights.any()) {
      b.attribute("boundary_insights", raw("each.value.monitoring.boundary_insights"));
    }
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("retention_days", raw("each.value.monitoring.retention_days"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "monitoring", std::move(b));
  }
  if (e.any_region(Service::kAks)) {
    Body b = module_head("regional/aks", regions_with("aks"));
    b.attribute("name", raw("each.value.aks.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("dns_prefix", raw("each.value.aks.dns_prefix"));
    b.attribute("kubernetes_version", raw("each.value.aks.kubernetes_version"));
    b.attribute("private_cluster", raw("each.value.aks.private_cluster"));
    b.attribute("network_policy", raw("each.value.aks.network_policy"));
    b.attribute("service_cidr", raw("each.value.aks.service_cidr"));
    b.attribute("dns_service_ip", raw("each.value.aks.dns_service_ip"));
    b.attribute("system_pool", raw("each.value.aks.system_pool"));
    b.attribute("user_pools", raw("each.value.aks.user_pools"));
    b.attribute("subnet_id", raw("module.network[each.key].subnet_ids[\"aks\"]"));
    b.attribute(
        "network_subnet_ids",
        Expr::object({{"aks", raw("module.network[each.key].subnet_ids[\"aks\"]")},
                      {"ingress", raw("module.network[each.key].subnet_ids[\"ingress\"]")}}));
    if (monitoring) {
      b.attribute(
          "log_analytics_workspace_id",
          raw("each.value.aks.log_workspace_region != null ? "
              "module.monitoring[each.value.aks.log_workspace_region].log_analytics_workspace_id "
              ": null"));
      b.attribute("container_insights_rule_name", raw("each.value.aks.container_insights_rule_name"));
      b.attribute("container_insights_location", raw("each.value.aks.container_insights_location"));
    }
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "aks", std::move(b));
  }
  if (e.any_region(Service::kAiSearch)) {
    Body b = module_head("regional/ai-search", regions_with("search"));
    b.attribute("name", raw("each.value.search.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("sku", raw("each.value.search.sku"));
    b.attribute("replica_count", raw("each.value.search.replica_count"));
    b.attribute("partition_count", raw("each.value.search.partition_count"));
    b.attribute("private_endpoint", private_endpoint_object("search"));
    // Each link reaches the service of the search service's own region.
    std::vector<std::string> targets;
    if (e.any_region(Service::kStorage)) targets.push_back("blob = module.storage");
    if (e.any_region(Service::kOpenAI)) targets.push_back("openai = module.openai");
    if (targets.empty()) {
      b.attribute("shared_private_links", Expr::object({}));
    } else {
      b.attribute(
          "shared_private_links",
          raw(fmt::format("{{ for key, link in each.value.search.shared_private_links : key => "
                          "merge(link, {{ target_resource_id = {{ {} }}[key][each.key].id }}) }}",
                          fmt::join(targets, ", "))));
    }
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "search", std::move(b));
  }
  if (e.any_region(Service::kOpenAI)) {
    Body b = module_head("regional/openai", regions_with("openai"));
    b.attribute("name", raw("each.value.openai.name"));
    b.attribute("custom_subdomain_name", raw("each.value.openai.name"));
    b.attribute("location", raw("each.value.openai.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("deployment_type", raw("each.value.openai.deployment_type"));
    b.attribute("deployments", raw("each.value.openai.deployments"));
    b.attribute("private_endpoint", private_endpoint_object("openai"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "openai", std::move(b));
  }
  if (e.any_region(Service::kStorage)) {
    Body b = module_head("regional/storage", regions_with("storage"));
    b.attribute("name", raw("each.value.storage.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("replication_type", raw("each.value.storage.replication_type"));
    b.attribute("soft_delete_days", raw("each.value.storage.soft_delete_days"));
    b.attribute("change_feed_enabled", raw("each.value.storage.change_feed_enabled"));
    b.attribute("version_retention_days", raw("each.value.storage.version_retention_days"));
    b.attribute("lifecycle_rules", raw("each.value.storage.lifecycle_rules"));
    b.attribute("containers", raw("each.value.storage.containers"));
    b.attribute("replica", raw("each.value.storage.replica"));
    b.attribute("private_endpoint", private_endpoint_object("storage"));
    b.attribute("secondary_private_endpoint_name",
                raw("each.value.storage.secondary_private_endpoint_name"));
    if (services::storage::any_customer_managed_key(*e.topology)) {
      // The key module's outputs wait for the identity's role on the vault,
      // so the account is created with the key only once it may use it.
      b.attribute("customer_managed_key",
                  raw("each.value.storage.key == null ? null : { key_vault_key_id = "
                      "module.storage_key[each.key].key_vault_key_id, user_assigned_identity_id "
                      "= module.storage_key[each.key].user_assigned_identity_id }"));
    }
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "storage", std::move(b));
  }
  if (services::storage::any_customer_managed_key(*e.topology)) {
    Body b = module_head("regional/storage-key",
                         raw("{ for key, region in local.regions : key => region "
                             "if try(region.storage.key, null) != null }"));
    b.attribute("key_name", raw("each.value.storage.key.name"));
    b.attribute("key_size", raw("each.value.storage.key.size"));
    b.attribute("key_vault_id", raw("module.keyvault[each.key].id"));
    b.attribute("identity_name", raw("each.value.storage.key.identity_name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "storage_key", std::move(b));
  }
  if (e.any_region(Service::kRedis)) {
    Body b = module_head("regional/redis", regions_with("redis"));
    b.attribute("name", raw("each.value.redis.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("sku_name", raw("each.value.redis.sku_name"));
    b.attribute("capacity", raw("each.value.redis.capacity"));
    b.attribute("shard_count", raw("each.value.redis.shard_count"));
    b.attribute("zones", raw("each.value.redis.zones"));
    if (std::any_of(
            e.topology->regions.begin(), e.topology->regions.end(), [](const model::Region& r) {
              return r.redis && r.redis->persistence.value != model::RedisPersistence::kNone;
            })) {
      b.attribute("persistence", raw("each.value.redis.persistence"));
    }
    b.attribute("geo_replica", raw("each.value.redis.geo_replica"));
    // The replica's endpoint takes an address in the endpoints subnet of the
    // region named by `endpoint_region` and registers in that region's zone.
    b.attribute("geo_replica_subnet_id",
                raw("each.value.redis.geo_replica == null ? null : "
                    "module.network[each.value.redis.geo_replica.endpoint_region]"
                    ".subnet_ids[\"endpoints\"]"));
    b.attribute("geo_replica_private_dns_zone_ids",
                raw("each.value.redis.geo_replica == null ? [] : "
                    "[module.private_dns[each.value.redis.geo_replica.endpoint_region]"
                    ".zone_ids[\"privatelink.redis.cache.windows.net\"]]"));
    b.attribute("private_endpoint", private_endpoint_object("redis"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "redis", std::move(b));
  }
  if (e.any_region(Service::kManagedRedis)) {
    Body b = module_head("regional/managed-redis", regions_with("managed_redis"));
    b.attribute("name", raw("each.value.managed_redis.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    for (const char* setting :
         {"sku_name", "high_availability_enabled", "geo_replication_group_name"}) {
      b.attribute(setting, raw(fmt::format("each.value.managed_redis.{}", setting)));
    }
    b.attribute("private_endpoint", private_endpoint_object("managed_redis"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "managed_redis", std::move(b));
    managed_redis_geo_replication(e, file);
  }
  if (e.any_region(Service::kKeyVault)) {
    Body b = module_head("regional/keyvault", regions_with("keyvault"));
    b.attribute("name", raw("each.value.keyvault.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("sku_name", raw("each.value.keyvault.sku_name"));
    b.attribute("soft_delete_retention_days", raw("each.value.keyvault.soft_delete_retention_days"));
    b.attribute("purge_protection_enabled", raw("each.value.keyvault.purge_protection_enabled"));
    b.attribute("private_endpoint", private_endpoint_object("keyvault"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "keyvault", std::move(b));
  }
  if (e.any_region(Service::kPostgres)) {
    Body b = module_head("regional/postgres", regions_with("postgres"));
    b.attribute("name", raw("each.value.postgres.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    for (const char* setting :
         {"sku_name", "postgres_version", "storage_mb", "storage_tier", "auto_grow_enabled", "zone",
          "high_availability", "backup_retention_days", "geo_redundant_backup_enabled", "replicas",
          "virtual_endpoint_name", "databases", "configurations"}) {
      b.attribute(setting, raw(fmt::format("each.value.postgres.{}", setting)));
    }
    b.attribute("administrator_name", Expr::string("topoc-deployer"));
    b.attribute("private_endpoint", private_endpoint_object("postgres"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "postgres", std::move(b));
  }
  if (e.any_region(Service::kServiceBus)) {
    Body b = module_head("regional/servicebus", regions_with("servicebus"));
    b.attribute("name", raw("each.value.servicebus.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    for (const char* setting : {"capacity", "partitions", "trusted_services_allowed", "topics",
                                "subscriptions", "geo_dr"}) {
      b.attribute(setting, raw(fmt::format("each.value.servicebus.{}", setting)));
    }
    b.attribute("private_endpoint", private_endpoint_object("servicebus"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "servicebus", std::move(b));
  }
  if (std::any_of(e.topology->regions.begin(), e.topology->regions.end(),
                  [](const model::Region& r) { return r.storage && r.storage->events; })) {
    // Rule S090 keeps the topic one of the region's own namespace.
    Body b = module_head("regional/eventgrid", regions_with("eventgrid"));
    b.attribute("name", raw("each.value.eventgrid.name"));
    b.attribute("subscription_name", raw("each.value.eventgrid.subscription_name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("storage_account_id", raw("module.storage[each.key].id"));
    b.attribute("service_bus_topic_id",
                raw("module.servicebus[each.key].topic_ids[each.value.eventgrid.topic]"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "eventgrid", std::move(b));
  }
  if (e.any_region(Service::kAppService)) {
    Body b = module_head("regional/app_service", regions_with("app_service"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("plans", raw("each.value.app_service.plans"));
    b.attribute("sites", raw("each.value.app_service.sites"));
    b.attribute("subnet_id", raw("module.network[each.key].subnet_ids[\"apps\"]"));
    // The unselected branch of a conditional is not evaluated: a region
    // without a vault or an account never indexes the module it lacks.
    b.attribute("key_vault",
                e.any_region(Service::kKeyVault)
                    ? raw("each.value.keyvault == null ? null : { id = module.keyvault[each.key].id, "
                          "vault_uri = module.keyvault[each.key].vault_uri }")
                    : Expr::null());
    b.attribute("storage_account",
                e.any_region(Service::kStorage)
                    ? raw("each.value.storage == null ? null : { id = module.storage[each.key].id, "
                          "name = module.storage[each.key].name }")
                    : Expr::null());
    b.attribute("private_endpoint",
                Expr::object({
                    {"location", raw("each.value.location")},
                    {"subnet_id", raw("module.network[each.key].subnet_ids[\"endpoints\"]")},
                    {"private_dns_zone_ids",
                     raw("[for zone in each.value.app_service.private_dns_zones : "
                         "module.private_dns[each.key].zone_ids[zone]]")},
                }));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "app_service", std::move(b));
  }
  if (e.any_region(Service::kBackup)) {
    Body b = module_head("regional/backup", regions_with("backup"));
    b.attribute("name", raw("each.value.backup.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("redundancy", raw("each.value.backup.redundancy"));
    b.attribute("cross_region_restore_enabled",
                raw("each.value.backup.cross_region_restore_enabled"));
    if (e.any_region(Service::kPostgres)) {
      // Rule S062 guarantees the region's server whenever `postgres` is set.
      b.attribute(
          "postgres",
          raw("each.value.backup.postgres == null ? null : merge(each.value.backup.postgres, "
              "{ server_id = module.postgres[each.key].id, resource_group_id = "
              "azurerm_resource_group.region[each.key].id })"));
    }
    if (e.any_region(Service::kStorage)) {
      // Rule S063 guarantees the region's account whenever `storage` is set;
      // the containers come from the module so that they exist first.
      b.attribute("storage",
                  raw("each.value.backup.storage == null ? null : merge(each.value.backup.storage, "
                      "{ account_id = module.storage[each.key].id, containers = "
                      "module.storage[each.key].container_names })"));
    }
    if (e.any_region(Service::kAks) && e.any_region(Service::kStorage)) {
      // Rule S065 guarantees the region's cluster and account whenever `aks`
      // is set.
      b.attribute("aks", raw("each.value.backup.aks == null ? null : merge(each.value.backup.aks, "
                             "{ cluster_id = module.aks[each.key].id, cluster_principal_id = "
                             "module.aks[each.key].principal_id, storage_account_id = "
                             "module.storage[each.key].id, storage_account_name = "
                             "module.storage[each.key].name, storage_blob_endpoint = "
                             "module.storage[each.key].primary_blob_endpoint })"));
    }
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "backup", std::move(b));
  }
  if (e.any_region(Service::kContainerApps)) container_apps_module(e, file);
  if (e.any_region(Service::kAutomation)) {
    Body b = module_head("regional/automation", regions_with("automation"));
    b.attribute("name", raw("each.value.automation.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("sku_name", raw("each.value.automation.sku_name"));
    b.attribute("runbooks", raw("each.value.automation.runbooks"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "automation", std::move(b));
  }
  if (e.any_region(Service::kApiManagement)) {
    Body b = module_head("regional/api-management", regions_with("api_management"));
    for (const char* field : {"name", "sku_name", "publisher_name", "publisher_email", "zones",
                              "virtual_network_type"}) {
      b.attribute(field, raw(fmt::format("each.value.api_management.{}", field)));
    }
    // An injected gateway runs in the `apim` subnet of each location's
    // region; the unselected branch of a conditional is not evaluated, so a
    // region without the subnet is never indexed.
    const bool injected = emit::any_api_management_injected(*e.topology);
    auto subnet = [&](std::string_view region) {
      return injected ? fmt::format("each.value.api_management.virtual_network_type == \"None\" ? "
                                    "null : module.network[{}].subnet_ids[\"apim\"]",
                                    region)
                      : std::string("null");
    };
    if (injected) b.attribute("subnet_id", raw(subnet("each.key")));
    b.attribute("additional_locations",
                raw(fmt::format("[for l in each.value.api_management.additional_locations : "
                                "{{ location = l.location, subnet_id = {} }}]",
                                subnet("l.region"))));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.key].name"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "api_management", std::move(b));
  }
  if (!e.diagnostic_settings.empty()) diagnostics_module(e, file);
}

void global_modules(const Estate& e, Body& file) {
  const model::Topology& t = *e.topology;
  if (!e.cosmos.empty()) {
    Body b;
    b.attribute("source", Expr::string(module_source("global/cosmosdb")));
    b.attribute("for_each", raw("local.cosmos_accounts"));
    b.blank();
    b.attribute("name", raw("each.value.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.data[each.key].name"));
    b.attribute("geo_locations", raw("each.value.geo_locations"));
    b.attribute("consistency", raw("local.cosmos.consistency"));
    b.attribute("multiple_write_locations_enabled", raw("local.cosmos.multiple_write_locations_enabled"));
    b.attribute("automatic_failover_enabled", raw("local.cosmos.automatic_failover_enabled"));
    b.attribute("backup", raw("each.value.backup"));
    b.attribute("virtual_network_subnet_ids",
                raw("[for key in each.value.network_rule_regions : module.network[key].subnet_ids[\"aks\"]]"));
    b.attribute("database_name", raw("local.cosmos.database_name"));
    bool global = std::any_of(e.cosmos.begin(), e.cosmos.end(),
                              [](const CosmosAccount& a) { return a.non_personal; });
    if (global) {
      // The global account holds the non-personal containers, every other
      // account the rest; one filter, since the two sets differ in type.
      for (const char* field : {"containers", "stored_procedures"}) {
        b.attribute(field,
                    raw(fmt::format(
                        "{{ for name, value in merge(local.cosmos.{0}, local.cosmos.global_{0}) "
                        ": name => value if contains(keys(local.cosmos.global_{0}), name) == "
                        "(each.key == \"global\") }}",
                        field)));
      }
    } else {
      b.attribute("containers", raw("local.cosmos.containers"));
      b.attribute("stored_procedures", raw("local.cosmos.stored_procedures"));
    }
    b.attribute("private_endpoints", raw("each.value.private_endpoints"));
    regional_endpoint_wiring(b, "privatelink.documents.azure.com");
    if (std::any_of(e.cosmos.begin(), e.cosmos.end(), [&](const CosmosAccount& a) {
          return services::cosmos::log_region(t, a) != nullptr;
        })) {
      b.attribute("diagnostics",
                  raw("each.value.diagnostics == null ? null : { name = "
                      "each.value.diagnostics.name, log_analytics_workspace_id = "
                      "module.monitoring[each.value.diagnostics.workspace_region]"
                      ".log_analytics_workspace_id }"));
    }
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "cosmos", std::move(b));
  }
  if (!t.registries.empty()) {
    Body b;
    b.attribute("source", Expr::string(module_source("global/container-registry")));
    b.attribute("for_each", raw("local.registries"));
    b.blank();
    b.attribute("name", raw("each.value.name"));
    b.attribute("location", raw("each.value.location"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.region[each.value.home].name"));
    b.attribute("sku", raw("each.value.sku"));
    b.attribute("zone_redundancy_enabled", raw("each.value.zone_redundancy_enabled"));
    b.attribute("georeplications", raw("each.value.georeplications"));
    b.attribute("private_endpoints", raw("each.value.private_endpoints"));
    regional_endpoint_wiring(b, "privatelink.azurecr.io");
    if (e.any_region(Service::kAks)) {
      b.attribute("pull_principal_ids", raw("{ for key in each.value.pull_regions : key => "
                                            "module.aks[key].kubelet_identity_object_id }"));
    }
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "container_registry", std::move(b));
  }
  if (e.has_frontdoor()) {
    Body b;
    b.attribute("source", Expr::string(module_source("global/frontdoor")));
    b.blank();
    b.attribute("profile_name", raw("local.frontdoor.profile_name"));
    b.attribute("endpoint_name", raw("local.frontdoor.endpoint_name"));
    b.attribute("sku_name", raw("local.frontdoor.sku_name"));
    b.attribute("resource_group_name", raw("azurerm_resource_group.global.name"));
    b.attribute("load_balancing", raw("local.frontdoor.load_balancing"));
    b.attribute("health_probe", raw("local.frontdoor.health_probe"));
    b.attribute("origin_groups", raw("local.frontdoor.origin_groups"));
    b.attribute("origins", raw("local.frontdoor.origins"));
    b.attribute("origin_host_names", origin_host_names(e));
    b.attribute("origin_private_link_target_ids", raw("var.origin_private_link_target_ids"));
    b.attribute("routes", raw("local.frontdoor.routes"));
    b.attribute("rule_set_name", raw("local.frontdoor.rule_set_name"));
    b.attribute("alternate_rule_set_name", raw("local.frontdoor.alternate_rule_set_name"));
    b.attribute("geo_rules", raw("local.frontdoor.geo_rules"));
    if (!e.topology->frontdoor->domains.empty()) {
      b.attribute("custom_domains", raw("local.frontdoor.custom_domains"));
    }
    if (e.topology->frontdoor->has_vault_certificates()) {
      b.attribute("certificate_vaults",
                  raw("{ for key in local.frontdoor.certificate_vaults : key => { id = "
                      "module.keyvault[key].id, vault_uri = module.keyvault[key].vault_uri } }"));
    }
    b.attribute("waf", raw("local.frontdoor.waf"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "frontdoor", std::move(b));
  }
  if (!e.boundaries.empty()) {
    Body defs;
    defs.attribute("source", Expr::string(module_source("global/policy-definitions")));
    defs.blank();
    std::vector<hcl::Entry> names;
    for (const SharedPolicy& p : e.shared_policies) names.push_back({p.key, Expr::string(p.name)});
    defs.attribute("names", Expr::object(std::move(names)));
    defs.attribute("display_suffix", Expr::string(fmt::format("{}/{}", t.name, e.environment)));
    add_module(file, "policy_definitions", std::move(defs));

    Body b;
    b.attribute("source", Expr::string(module_source("global/residency-policy")));
    b.attribute("for_each", raw("local.boundaries"));
    b.blank();
    b.attribute("boundary", raw("each.key"));
    b.attribute("definition_name", raw("each.value.policy.definition_name"));
    b.attribute("allowed_locations", raw("each.value.allowed_locations"));
    if (e.cosmos.empty()) {
      b.attribute("data_resource_group_ids", Expr::object({}));
    } else {
      b.attribute("data_resource_group_ids",
                  raw("{ for key, group in azurerm_resource_group.data : \"data\" => group.id if key == each.key && each.value.has_data_resource_group }"));
    }
    b.attribute("data_assignment_names", raw("each.value.policy.data_assignment_names"));
    b.attribute("region_resource_group_ids",
                raw("{ for key in each.value.regions : key => azurerm_resource_group.region[key].id }"));
    b.attribute("region_assignment_names", raw("each.value.policy.region_assignment_names"));
    b.attribute("deny_geo_redundant_storage_regions",
                raw("each.value.policy.deny_geo_redundant_storage_regions"));
    b.attribute("shared_definition_ids", raw("module.policy_definitions.ids"));
    std::vector<hcl::Entry> assignment_names;
    for (const SharedPolicy& p : e.shared_policies) {
      std::string key = p.key == "require-tags" ? "require_tags" : "deny_geo_redundant_storage";
      assignment_names.push_back({key, Expr::string(p.name)});
    }
    b.attribute("shared_assignment_names", Expr::object(std::move(assignment_names)));
    b.attribute("required_tags", Expr::string_list(e.required_tags));
    b.attribute("tag_policy_effect", raw("var.tag_policy_effect"));
    add_module(file, "residency_policy", std::move(b));
  }
  if (e.has_alerts()) {
    // Which module output each alert target's resource IDs come from.
    struct Target {
      const char* target;
      const char* expression;
    };
    const Target targets[] = {
        {"aks", "{ for key, cluster in module.aks : key => cluster.id }"},
        {"app_insights", "{ for key, monitoring in module.monitoring : key => monitoring.application_insights_id }"},
        {"cosmos", "{ for key, account in module.cosmos : key => account.id }"},
        {"frontdoor", "{ global = module.frontdoor.profile_id }"},
        {"openai", "{ for key, account in module.openai : key => account.id }"},
        {"postgres", "merge({ for key, server in module.postgres : key => server.id }, [for key, server in module.postgres : { for replica, id in server.replica_ids : \"${key}/${replica}\" => id }]...)"},
        {"redis", "{ for key, cache in module.redis : key => cache.id }"},
        {"search", "{ for key, service in module.search : key => service.id }"},
    };
    std::vector<hcl::Entry> scopes;
    for (const Target& target : targets) {
      bool used = std::any_of(e.alerts.begin(), e.alerts.end(),
                              [&](const AlertInstance& a) { return a.target == target.target; }) ||
                  (target.target == std::string_view("app_insights") &&
                   (!e.log_alerts.empty() || !e.availability_tests.empty()));
      if (used) scopes.push_back({target.target, raw(target.expression)});
    }
    if (!e.alerts.empty() || !e.log_alerts.empty() || !e.availability_tests.empty()) {
      Body locals;
      locals.comment("Resource IDs alerts watch, by target kind and key.");
      locals.attribute("alert_scopes", Expr::object(std::move(scopes)));
      file.blank();
      file.block("locals", {}, std::move(locals));
    }

    Body b;
    b.attribute("source", Expr::string(module_source("global/alerts")));
    b.blank();
    b.attribute("resource_group_name", raw("azurerm_resource_group.global.name"));
    auto group = [&](const std::string& key, const model::Sourced<std::string>& email,
                     const std::vector<model::Sourced<std::string>>& webhooks) {
      std::vector<hcl::Entry> entries{
          {"name", Expr::string(e.names.get(key))},
          {"short_name", Expr::string(e.names.get(key + ".short_name"))},
      };
      if (!email.value.empty()) entries.push_back({"email", Expr::string(email.value)});
      std::vector<std::string> names;
      for (const auto& w : webhooks) names.push_back(w.value);
      if (!names.empty()) entries.push_back({"webhooks", Expr::string_list(names)});
      return Expr::object(std::move(entries));
    };
    b.attribute("action_group", group("alerts.action_group", t.alerts.email, t.alerts.webhooks));
    if (!t.alerts.groups.empty()) {
      std::vector<hcl::Entry> groups;
      for (const model::ActionGroup& g : t.alerts.groups)
        groups.push_back({g.name, group("alerts.group." + g.name, g.email, g.webhooks)});
      b.attribute("groups", Expr::object(std::move(groups)));
    }
    if (!t.alerts.receivers.empty()) b.attribute("webhook_urls", raw("var.alert_webhook_urls"));
    if (!e.alerts.empty()) {
      b.attribute("alerts",
                  raw("{ for key, alert in local.alerts : key => merge(alert, { scope_id = local.alert_scopes[alert.target][alert.target_key] }) }"));
    }
    if (!e.log_alerts.empty()) {
      b.attribute("log_alerts",
                  raw("{ for key, alert in local.log_alerts : key => merge(alert, { scope_id = local.alert_scopes.app_insights[alert.region] }) }"));
    }
    if (!e.availability_tests.empty()) {
      b.attribute("availability_tests",
                  raw("{ for key, test in local.availability_tests : key => merge(test, { component_id = local.alert_scopes.app_insights[test.region] }) }"));
    }
    if (!e.activity_alerts.empty()) b.attribute("activity_alerts", raw("local.activity_alerts"));
    b.attribute("tags", raw("local.common_tags"));
    add_module(file, "alerts", std::move(b));
  }
  if (!t.traffic_managers.empty()) traffic_manager_module(e, file);
  if (services::dns::has_dns_module(e)) dns_module(e, file);
}

}  // namespace

std::string render_main_tf(const Estate& e) {
  Body file;
  file.comment(fmt::format("Generated by topoc from topology \"{}\" ({}). Edit the topology and",
                           e.topology->name, e.environment));
  file.comment("rebuild instead of editing this file.");
  file.blank();
  const services::monitoring::BoundaryInsights insights(e);
  file.block("locals", {}, root_locals(e, insights));
  file.blank();
  resource_groups(e, file);
  regional_modules(e, insights, file);
  global_modules(e, file);
  return file.render_file();
}

}  // namespace topoc::emit::terraform
