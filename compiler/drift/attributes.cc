#include "compiler/drift/attributes.h"

#include <algorithm>
#include <array>
#include <vector>

#include "compiler/catalog/region_catalog.h"

namespace topoc::drift {
namespace {

using json = nlohmann::json;
using C = Comparison;

// What a drift report names as changed. Sizes, SKUs and replication decide
// cost and durability; consistency, geo locations and failover priorities
// decide where data lives and which region writes; policy assignments and
// Front Door origins decide where resources may go and where traffic goes.
constexpr std::array kCompared = {
    ComparedAttribute{"azurerm_service_plan", "os_type", C::kScalar},
    ComparedAttribute{"azurerm_service_plan", "sku_name", C::kScalar},
    ComparedAttribute{"azurerm_service_plan", "worker_count", C::kScalar},
    ComparedAttribute{"azurerm_service_plan", "zone_balancing_enabled", C::kScalar},
    ComparedAttribute{"azurerm_linux_web_app", "https_only", C::kScalar},
    ComparedAttribute{"azurerm_linux_web_app", "public_network_access_enabled", C::kScalar},
    ComparedAttribute{"azurerm_linux_function_app", "https_only", C::kScalar},
    ComparedAttribute{"azurerm_linux_function_app", "public_network_access_enabled", C::kScalar},
    ComparedAttribute{"azurerm_cosmosdb_account", "consistency_policy.consistency_level",
                      C::kScalar},
    ComparedAttribute{"azurerm_cosmosdb_account", "consistency_policy.max_interval_in_seconds",
                      C::kScalar},
    ComparedAttribute{"azurerm_cosmosdb_account", "consistency_policy.max_staleness_prefix",
                      C::kScalar},
    ComparedAttribute{"azurerm_cosmosdb_account", "geo_location", C::kGeoLocations},
    ComparedAttribute{"azurerm_cosmosdb_account", "multiple_write_locations_enabled", C::kScalar},
    ComparedAttribute{"azurerm_cosmosdb_account", "automatic_failover_enabled", C::kScalar},
    ComparedAttribute{"azurerm_cosmosdb_account", "backup.type", C::kScalar},
    ComparedAttribute{"azurerm_cosmosdb_account", "backup.tier", C::kScalar},
    ComparedAttribute{"azurerm_cosmosdb_account", "backup.storage_redundancy", C::kScalar},
    ComparedAttribute{"azurerm_storage_account", "account_tier", C::kScalar},
    ComparedAttribute{"azurerm_storage_account", "account_replication_type", C::kScalar},
    ComparedAttribute{"azurerm_storage_account", "account_kind", C::kScalar},
    // Storage data protection: how long deleted blobs and containers can be
    // restored, whether overwrites keep versions, whether changes are
    // recorded for object replication, and the WORM period of a container
    // and whether it is locked.
    ComparedAttribute{"azurerm_storage_account", "blob_properties.versioning_enabled", C::kScalar},
    ComparedAttribute{"azurerm_storage_account", "blob_properties.change_feed_enabled", C::kScalar},
    ComparedAttribute{"azurerm_storage_account", "blob_properties.delete_retention_policy.days",
                      C::kScalar},
    ComparedAttribute{"azurerm_storage_account",
                      "blob_properties.container_delete_retention_policy.days", C::kScalar},
    // Storage encryption: whether a customer-managed key wraps the account's
    // key, and which (a vault outside the region would move the key).
    ComparedAttribute{"azurerm_storage_account", "customer_managed_key", C::kBlockPresent},
    ComparedAttribute{"azurerm_storage_account", "customer_managed_key.key_vault_key_id",
                      C::kScalar},
    ComparedAttribute{"azurerm_storage_container_immutability_policy",
                      "immutability_period_in_days", C::kScalar},
    ComparedAttribute{"azurerm_storage_container_immutability_policy", "locked", C::kScalar},
    ComparedAttribute{"azurerm_kubernetes_cluster", "sku_tier", C::kScalar},
    ComparedAttribute{"azurerm_kubernetes_cluster", "default_node_pool.vm_size", C::kScalar},
    ComparedAttribute{"azurerm_kubernetes_cluster", "default_node_pool.min_count", C::kScalar},
    ComparedAttribute{"azurerm_kubernetes_cluster", "default_node_pool.max_count", C::kScalar},
    ComparedAttribute{"azurerm_kubernetes_cluster_node_pool", "vm_size", C::kScalar},
    ComparedAttribute{"azurerm_kubernetes_cluster_node_pool", "min_count", C::kScalar},
    ComparedAttribute{"azurerm_kubernetes_cluster_node_pool", "max_count", C::kScalar},
    ComparedAttribute{"azurerm_search_service", "sku", C::kScalar},
    ComparedAttribute{"azurerm_search_service", "replica_count", C::kScalar},
    ComparedAttribute{"azurerm_search_service", "partition_count", C::kScalar},
    ComparedAttribute{"azurerm_redis_cache", "sku_name", C::kScalar},
    ComparedAttribute{"azurerm_redis_cache", "family", C::kScalar},
    ComparedAttribute{"azurerm_redis_cache", "capacity", C::kScalar},
    ComparedAttribute{"azurerm_managed_redis", "sku_name", C::kScalar},
    ComparedAttribute{"azurerm_managed_redis", "high_availability_enabled", C::kScalar},
    ComparedAttribute{"azurerm_managed_redis", "public_network_access", C::kScalar},
    // Where a resource's logs go (its log sink) and which of them.
    ComparedAttribute{"azurerm_monitor_diagnostic_setting", "log_analytics_workspace_name",
                      C::kScalar},
    ComparedAttribute{"azurerm_monitor_diagnostic_setting", "enabled_log_category_groups",
                      C::kStringSet},
    ComparedAttribute{"azurerm_monitor_diagnostic_setting", "enabled_log_categories",
                      C::kStringSet},
    ComparedAttribute{"azurerm_monitor_diagnostic_setting", "enabled_metric_categories",
                      C::kStringSet},
    // What an activity-log alert matches; its location (where Azure
    // processes it) is compared as every resource's.
    ComparedAttribute{"azurerm_monitor_activity_log_alert", "criteria.category", C::kScalar},
    ComparedAttribute{"azurerm_monitor_activity_log_alert", "criteria.operation_name",
                      C::kScalar},
    ComparedAttribute{"azurerm_key_vault", "sku_name", C::kScalar},
    ComparedAttribute{"azurerm_key_vault", "soft_delete_retention_days", C::kScalar},
    ComparedAttribute{"azurerm_key_vault", "purge_protection_enabled", C::kScalar},
    ComparedAttribute{"azurerm_cognitive_account", "kind", C::kScalar},
    ComparedAttribute{"azurerm_cognitive_account", "sku_name", C::kScalar},
    ComparedAttribute{"azurerm_cognitive_deployment", "sku.name", C::kScalar},
    ComparedAttribute{"azurerm_cognitive_deployment", "sku.capacity", C::kScalar},
    ComparedAttribute{"azurerm_cognitive_deployment", "model.name", C::kScalar},
    ComparedAttribute{"azurerm_cognitive_deployment", "model.version", C::kScalar},
    ComparedAttribute{"azurerm_cdn_frontdoor_profile", "sku_name", C::kScalar},
    ComparedAttribute{"azurerm_cdn_frontdoor_custom_domain", "host_name", C::kScalar},
    ComparedAttribute{"azurerm_cdn_frontdoor_custom_domain", "tls.certificate_type", C::kScalar},
    ComparedAttribute{"azurerm_cdn_frontdoor_custom_domain", "tls.minimum_tls_version",
                      C::kScalar},
    // A group that stops (or starts) keeping clients on their first origin.
    ComparedAttribute{"azurerm_cdn_frontdoor_origin_group", "session_affinity_enabled",
                      C::kScalar},
    ComparedAttribute{"azurerm_cdn_frontdoor_origin", "priority", C::kScalar},
    ComparedAttribute{"azurerm_cdn_frontdoor_origin", "weight", C::kScalar},
    // A route that starts accepting plain HTTP again, or stops redirecting it.
    ComparedAttribute{"azurerm_cdn_frontdoor_route", "supported_protocols", C::kStringSet},
    ComparedAttribute{"azurerm_cdn_frontdoor_route", "https_redirect_enabled", C::kScalar},
    // Caching puts a route's responses at every edge location (R012): a
    // cache turned on or off by hand is reported, then how it keys and
    // compresses.
    ComparedAttribute{"azurerm_cdn_frontdoor_route", "cache", C::kBlockPresent},
    ComparedAttribute{"azurerm_cdn_frontdoor_route", "cache.query_string_caching_behavior",
                      C::kScalar},
    ComparedAttribute{"azurerm_cdn_frontdoor_route", "cache.query_strings", C::kStringSet},
    ComparedAttribute{"azurerm_cdn_frontdoor_route", "cache.compression_enabled", C::kScalar},
    ComparedAttribute{"azurerm_cdn_frontdoor_route", "cache.content_types_to_compress",
                      C::kStringSet},
    ComparedAttribute{"azurerm_cdn_frontdoor_firewall_policy", "sku_name", C::kScalar},
    ComparedAttribute{"azurerm_cdn_frontdoor_firewall_policy", "mode", C::kScalar},
    ComparedAttribute{"azurerm_resource_group_policy_assignment", "allowed_locations",
                      C::kLocationSet},
    ComparedAttribute{"azurerm_log_analytics_workspace", "sku", C::kScalar},
    ComparedAttribute{"azurerm_log_analytics_workspace", "retention_in_days", C::kScalar},
    ComparedAttribute{"azurerm_virtual_network", "address_space", C::kStringSet},
    ComparedAttribute{"azurerm_virtual_network_peering", "allow_virtual_network_access",
                      C::kScalar},
    ComparedAttribute{"azurerm_virtual_network_peering", "allow_forwarded_traffic", C::kScalar},
    ComparedAttribute{"azurerm_virtual_network_peering", "allow_gateway_transit", C::kScalar},
    ComparedAttribute{"azurerm_virtual_network_peering", "use_remote_gateways", C::kScalar},
    ComparedAttribute{"azurerm_subnet", "address_prefixes", C::kStringSet},
    ComparedAttribute{"azurerm_redis_cache", "shard_count", C::kScalar},
    ComparedAttribute{"azurerm_redis_cache", "redis_configuration.rdb_backup_enabled", C::kScalar},
    ComparedAttribute{"azurerm_redis_cache", "redis_configuration.rdb_backup_frequency",
                      C::kScalar},
    ComparedAttribute{"azurerm_redis_cache", "redis_configuration.aof_backup_enabled", C::kScalar},
    ComparedAttribute{"azurerm_data_protection_backup_vault", "datastore_type", C::kScalar},
    ComparedAttribute{"azurerm_data_protection_backup_vault", "redundancy", C::kScalar},
    ComparedAttribute{"azurerm_data_protection_backup_vault", "cross_region_restore_enabled",
                      C::kScalar},
    ComparedAttribute{"azurerm_container_app_environment", "zone_redundancy_enabled", C::kScalar},
    ComparedAttribute{"azurerm_container_app_environment", "internal_load_balancer_enabled",
                      C::kScalar},
    ComparedAttribute{"azurerm_container_app", "revision_mode", C::kScalar},
    ComparedAttribute{"azurerm_automation_account", "sku_name", C::kScalar},
    ComparedAttribute{"azurerm_automation_account", "public_network_access_enabled", C::kScalar},
    ComparedAttribute{"azurerm_automation_account", "local_authentication_enabled", C::kScalar},
    ComparedAttribute{"azurerm_api_management", "sku_name", C::kScalar},
    ComparedAttribute{"azurerm_api_management", "publisher_name", C::kScalar},
    ComparedAttribute{"azurerm_api_management", "publisher_email", C::kScalar},
    ComparedAttribute{"azurerm_api_management", "virtual_network_type", C::kScalar},
    ComparedAttribute{"azurerm_automation_runbook", "runbook_type", C::kScalar},
    ComparedAttribute{"azurerm_automation_schedule", "frequency", C::kScalar},
    ComparedAttribute{"azurerm_container_app", "workload_profile_name", C::kScalar},
    ComparedAttribute{"azurerm_servicebus_namespace", "sku", C::kScalar},
    ComparedAttribute{"azurerm_servicebus_namespace", "capacity", C::kScalar},
    ComparedAttribute{"azurerm_servicebus_namespace", "premium_messaging_partitions", C::kScalar},
    ComparedAttribute{"azurerm_servicebus_namespace", "public_network_access_enabled",
                      C::kScalar},
    ComparedAttribute{"azurerm_servicebus_namespace", "local_auth_enabled", C::kScalar},
    ComparedAttribute{"azurerm_servicebus_namespace", "minimum_tls_version", C::kScalar},
    ComparedAttribute{"azurerm_postgresql_flexible_server", "sku_name", C::kScalar},
    ComparedAttribute{"azurerm_postgresql_flexible_server", "version", C::kScalar},
    ComparedAttribute{"azurerm_postgresql_flexible_server", "storage_mb", C::kScalar},
    ComparedAttribute{"azurerm_postgresql_flexible_server", "auto_grow_enabled", C::kScalar},
    ComparedAttribute{"azurerm_postgresql_flexible_server", "backup_retention_days", C::kScalar},
    ComparedAttribute{"azurerm_postgresql_flexible_server", "geo_redundant_backup_enabled",
                      C::kScalar},
    ComparedAttribute{"azurerm_postgresql_flexible_server", "public_network_access_enabled",
                      C::kScalar},
    // Container registries: the tier, who can sign in, whether the
    // registry is reachable publicly, and where its images are copied.
    ComparedAttribute{"azurerm_container_registry", "sku", C::kScalar},
    ComparedAttribute{"azurerm_container_registry", "admin_enabled", C::kScalar},
    ComparedAttribute{"azurerm_container_registry", "public_network_access_enabled", C::kScalar},
    ComparedAttribute{"azurerm_container_registry", "zone_redundancy_enabled", C::kScalar},
    ComparedAttribute{"azurerm_container_registry", "georeplications", C::kLocationSet},
    // Traffic Manager: how answers are chosen, how long resolvers keep
    // them, when an endpoint counts as down, and where each country goes.
    ComparedAttribute{"azurerm_traffic_manager_profile", "traffic_routing_method", C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_profile", "dns_config.ttl", C::kScalar},
    // Public DNS records: what resolvers are told, and for how long.
    ComparedAttribute{"azurerm_dns_a_record", "ttl", C::kScalar},
    ComparedAttribute{"azurerm_dns_a_record", "records", C::kStringSet},
    ComparedAttribute{"azurerm_dns_aaaa_record", "ttl", C::kScalar},
    ComparedAttribute{"azurerm_dns_aaaa_record", "records", C::kStringSet},
    ComparedAttribute{"azurerm_dns_cname_record", "ttl", C::kScalar},
    ComparedAttribute{"azurerm_dns_cname_record", "record", C::kScalar},
    // A server parameter an alert needs.
    ComparedAttribute{"azurerm_postgresql_flexible_server_configuration", "value", C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_profile", "monitor_config.protocol", C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_profile", "monitor_config.path", C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_profile", "monitor_config.interval_in_seconds",
                      C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_profile", "monitor_config.timeout_in_seconds",
                      C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_profile",
                      "monitor_config.tolerated_number_of_failures", C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_azure_endpoint", "priority", C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_azure_endpoint", "weight", C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_azure_endpoint", "geo_mappings", C::kStringSet},
    ComparedAttribute{"azurerm_traffic_manager_external_endpoint", "priority", C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_external_endpoint", "weight", C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_external_endpoint", "geo_mappings", C::kStringSet},
    ComparedAttribute{"azurerm_traffic_manager_nested_endpoint", "priority", C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_nested_endpoint", "weight", C::kScalar},
    ComparedAttribute{"azurerm_traffic_manager_nested_endpoint", "geo_mappings", C::kStringSet},
};

// Attributes kept besides the compared ones: identity, placement, and the
// raw forms that normalise_attributes() decodes.
constexpr std::array<std::string_view, 13> kIdentity = {
    "id",
    "name",
    "location",
    "resource_group_name",
    "tags",
    "parameters",
    "resource_group_id",
    "secondary_location",
    "linked_redis_cache_location",
    "private_dns_zone_name",
    // A diagnostic setting's destination and its log and metric blocks.
    "log_analytics_workspace_id",
    "enabled_log",
    "enabled_metric",
};

// A diagnostic setting as the manifest spells it: the workspace by name
// (the estate does not know subscription IDs) and the enabled categories
// as sets.
void decode_diagnostic_setting(json& a) {
  if (auto it = a.find("log_analytics_workspace_id"); it != a.end()) {
    if (it->is_string()) {
      std::string id = it->get<std::string>();
      a["log_analytics_workspace_name"] = id.substr(id.rfind('/') + 1);
    }
    a.erase("log_analytics_workspace_id");
  }
  auto collect = [&](const char* block, const char* field, const char* into) {
    auto it = a.find(block);
    if (it == a.end() || !it->is_array()) return;
    json values = json::array();
    for (const json& entry : *it) {
      if (entry.is_object() && entry.contains(field) && entry[field].is_string() &&
          !entry[field].get<std::string>().empty()) {
        values.push_back(entry[field]);
      }
    }
    a[into] = std::move(values);
  };
  collect("enabled_log", "category_group", "enabled_log_category_groups");
  collect("enabled_log", "category", "enabled_log_categories");
  collect("enabled_metric", "category", "enabled_metric_categories");
  a.erase("enabled_log");
  a.erase("enabled_metric");
}

std::string_view first_segment(std::string_view path) {
  return path.substr(0, path.find('.'));
}

void normalise_location_value(json& value) {
  if (value.is_string()) value = catalog::normalise_location(value.get_ref<const std::string&>());
}

// An assignment of the residency definition passes its locations as
// `listOfAllowedLocations` inside a JSON-encoded `parameters` string.
void decode_policy_parameters(json& attributes) {
  auto it = attributes.find("parameters");
  if (it == attributes.end() || !it->is_string()) return;
  json parameters = json::parse(it->get_ref<const std::string&>(), nullptr, false);
  if (!parameters.is_object()) return;
  for (const char* name : {"listOfAllowedLocations", "allowedLocations"}) {
    auto p = parameters.find(name);
    if (p == parameters.end() || !p->is_object()) continue;
    auto v = p->find("value");
    if (v == p->end() || !v->is_array()) continue;
    json locations = json::array();
    for (const json& l : *v) {
      if (l.is_string())
        locations.push_back(catalog::normalise_location(l.get_ref<const std::string&>()));
    }
    attributes["allowed_locations"] = std::move(locations);
    return;
  }
}

}  // namespace

std::span<const ComparedAttribute> compared_attributes() {
  return kCompared;
}

std::span<const ComparedAttribute> compared_attributes(std::string_view type) {
  // Asked once per compared resource: scanning the whole table for each of
  // 20,000 resources was 2 % of a drift run.
  static const std::vector<ComparedAttribute> kByType = [] {
    std::vector<ComparedAttribute> sorted(kCompared.begin(), kCompared.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const ComparedAttribute& a, const ComparedAttribute& b) {
                       return a.type < b.type;
                     });
    return sorted;
  }();
  struct ByType {
    bool operator()(const ComparedAttribute& a, std::string_view t) const { return a.type < t; }
    bool operator()(std::string_view t, const ComparedAttribute& a) const { return t < a.type; }
  };
  auto [first, last] = std::equal_range(kByType.begin(), kByType.end(), type, ByType{});
  return {first, last};
}

bool kept_terraform_attribute(std::string_view key) {
  // Asked for every attribute of every resource read: a sorted table, built once.
  static const std::vector<std::string_view> kKept = [] {
    std::vector<std::string_view> keys(kIdentity.begin(), kIdentity.end());
    for (const ComparedAttribute& a : kCompared) keys.push_back(first_segment(a.path));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
  }();
  return std::binary_search(kKept.begin(), kKept.end(), key);
}

void normalise_attributes(std::string_view type, json& attributes) {
  if (!attributes.is_object()) return;
  if (auto it = attributes.find("location"); it != attributes.end()) normalise_location_value(*it);
  if (auto it = attributes.find("secondary_location"); it != attributes.end()) {
    normalise_location_value(*it);
  }
  if (auto it = attributes.find("geo_location"); it != attributes.end() && it->is_array()) {
    for (json& g : *it) {
      if (g.is_object() && g.contains("location")) normalise_location_value(g["location"]);
    }
  }
  if (type == "azurerm_resource_group_policy_assignment") decode_policy_parameters(attributes);
  // azurerm's `georeplications` blocks, compared by location only.
  if (auto it = attributes.find("georeplications");
      type == "azurerm_container_registry" && it != attributes.end() && it->is_array()) {
    json locations = json::array();
    for (const json& g : *it) {
      if (g.is_object() && g.contains("location") && g["location"].is_string()) {
        locations.push_back(catalog::normalise_location(g["location"].get<std::string>()));
      } else if (g.is_string()) {
        locations.push_back(catalog::normalise_location(g.get<std::string>()));
      }
    }
    *it = std::move(locations);
  }
  if (auto it = attributes.find("allowed_locations"); it != attributes.end() && it->is_array()) {
    for (json& l : *it) normalise_location_value(l);
  }
  if (type == "azurerm_monitor_diagnostic_setting") decode_diagnostic_setting(attributes);
}

void strip_identity(json& attributes) {
  if (!attributes.is_object()) return;
  for (const char* key : {"id", "name", "location", "resource_group_name", "resource_group_id",
                          "tags", "parameters"}) {
    attributes.erase(key);
  }
}

std::string resource_group_of_id(std::string_view id) {
  std::string l = lower(id);
  constexpr std::string_view kMarker = "/resourcegroups/";
  size_t at = l.find(kMarker);
  if (at == std::string::npos) return "";
  size_t begin = at + kMarker.size();
  size_t end = id.find('/', begin);
  return std::string(id.substr(begin, end == std::string_view::npos ? id.npos : end - begin));
}

const json* find_attribute(const json& attributes, std::string_view path) {
  const json* current = &attributes;
  while (!path.empty()) {
    std::string_view step = first_segment(path);
    path = step.size() < path.size() ? path.substr(step.size() + 1) : std::string_view();
    if (current->is_array() && current->size() == 1) current = &(*current)[0];
    if (!current->is_object()) return nullptr;
    auto it = current->find(step);
    if (it == current->end()) return nullptr;
    current = &*it;
  }
  if (current->is_null()) return nullptr;
  return current;
}

}  // namespace topoc::drift
