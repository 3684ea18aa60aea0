// Azure Resource Graph exports (`az graph query -q "Resources | ..."`, an
// object with `data`; or `az resource list -o json`, a bare array; or an ARM
// list response with `value`). Each resource has an ARM `id`, `type`,
// `location`, `resourceGroup`, `tags`, `sku` and `properties`. This is how
// drift sees resources created outside Terraform; their ARM properties are
// translated to the azurerm attributes the manifest uses.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <array>

#include "compiler/catalog/region_catalog.h"
#include "compiler/drift/arm_types.h"
#include "compiler/drift/attributes.h"
#include "compiler/drift/readers.h"

namespace topoc::drift::readers {

using json = nlohmann::json;

namespace {

constexpr std::array<std::string_view, 11> kTopLevel = {
    "id",   "name", "type", "location",  "resourceGroup", "subscriptionId",
    "tags", "sku",  "kind", "managedBy", "zones",
};

// The ARM properties that map to compared azurerm attributes.
constexpr std::array<std::string_view, 51> kProperties = {
    "consistencyPolicy",
    "locations",
    "failoverPolicies",
    "enableMultipleWriteLocations",
    "enableAutomaticFailover",
    "backupPolicy",
    "agentPoolProfiles",
    "replicaCount",
    "partitionCount",
    "sku",
    "enablePurgeProtection",
    "softDeleteRetentionInDays",
    "secondaryLocation",
    "primaryLocation",
    "parameters",
    "addressSpace",
    "retentionInDays",
    "policySettings",
    "scope",
    "privateEndpoint",
    "shardCount",
    "adminUserEnabled",
    "publicNetworkAccess",
    "zoneRedundancy",
    "premiumMessagingPartitions",
    "minimumTlsVersion",
    "disableLocalAuth",
    // Front Door custom domains.
    "hostName",
    "tlsSettings",
    // PostgreSQL flexible server: postgres_attributes reads inside these.
    "version",
    "storage",
    "backup",
    "network",
    // Virtual network peering.
    "allowVirtualNetworkAccess",
    "allowForwardedTraffic",
    "allowGatewayTransit",
    "useRemoteGateways",
    // Azure Managed Redis: Enabled or Disabled.
    "highAvailability",
    // Backup vault: backup_vault_attributes reads inside these.
    "storageSettings",
    "featureSettings",
    // Backup policies and instances: what they protect (backup_child_type).
    "datasourceTypes",
    "dataSourceInfo",
    // Activity-log alerts: activity_alert_attributes reads inside it.
    "condition",
    // App Service plans and sites.
    "zoneRedundant",
    "reserved",
    "httpsOnly",
    "serverFarmId",
    // Storage container retention policy: its period, and Locked or Unlocked.
    "immutabilityPeriodSinceCreationInDays",
    "state",
    // API Management.
    "publisherName",
    "publisherEmail",
};

template <size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

// Copies `from[key]` to `to[as]` when present.
void copy(const json& from, std::string_view key, json& to, const char* as) {
  if (const json* v = member(from, key)) to[as] = *v;
}

std::string location_name(const json& v) {
  return v.is_string() ? catalog::normalise_location(v.get_ref<const std::string&>()) : "";
}

void cosmos_attributes(const json& props, json& a) {
  if (const json* policy = member(props, "consistencyPolicy")) {
    json block = json::object();
    copy(*policy, "defaultConsistencyLevel", block, "consistency_level");
    copy(*policy, "maxIntervalInSeconds", block, "max_interval_in_seconds");
    copy(*policy, "maxStalenessPrefix", block, "max_staleness_prefix");
    a["consistency_policy"] = json::array({block});
  }
  const json* locations = member(props, "locations");
  if (!locations) locations = member(props, "failoverPolicies");
  if (locations && locations->is_array()) {
    json geo = json::array();
    for (const json& l : *locations) {
      json g = {
          {"location", location_name(l.is_object() ? l.value("locationName", json()) : json())}};
      copy(l, "failoverPriority", g, "failover_priority");
      copy(l, "isZoneRedundant", g, "zone_redundant");
      geo.push_back(std::move(g));
    }
    a["geo_location"] = std::move(geo);
  }
  copy(props, "enableMultipleWriteLocations", a, "multiple_write_locations_enabled");
  copy(props, "enableAutomaticFailover", a, "automatic_failover_enabled");
  if (const json* backup = member(props, "backupPolicy")) {
    json block = json::object();
    copy(*backup, "type", block, "type");
    if (const json* continuous = member(*backup, "continuousModeProperties")) {
      copy(*continuous, "tier", block, "tier");
    }
    if (const json* periodic = member(*backup, "periodicModeProperties")) {
      copy(*periodic, "backupStorageRedundancy", block, "storage_redundancy");
    }
    a["backup"] = json::array({block});
  }
}

// An activity-log alert's `condition.allOf` holds one `{field, equals}` per
// criterion azurerm writes; the category and operation are compared.
void activity_alert_attributes(const json& props, json& a) {
  const json* condition = member(props, "condition");
  const json* all_of = condition ? member(*condition, "allOf") : nullptr;
  if (!all_of || !all_of->is_array()) return;
  json block = json::object();
  for (const json& leaf : *all_of) {
    std::string field = string_field(leaf, "field");
    if (field == "category") copy(leaf, "equals", block, "category");
    if (field == "operationName") copy(leaf, "equals", block, "operation_name");
  }
  a["criteria"] = json::array({block});
}

json pool_attributes(const json& pool) {
  json p = json::object();
  copy(pool, "name", p, "name");
  copy(pool, "vmSize", p, "vm_size");
  copy(pool, "minCount", p, "min_count");
  copy(pool, "maxCount", p, "max_count");
  copy(pool, "count", p, "node_count");
  copy(pool, "mode", p, "mode");
  return p;
}

// ARM keeps a cluster's node pools inside it; azurerm has the system pool
// inside the cluster and every other pool as a resource of its own.
void aks_attributes(const json& r, const json& props, json& a, std::vector<json>& user_pools) {
  if (const json* sku = member(r, "sku")) copy(*sku, "tier", a, "sku_tier");
  const json* pools = member(props, "agentPoolProfiles");
  if (!pools || !pools->is_array()) return;
  bool system_seen = false;
  for (const json& pool : *pools) {
    if (!pool.is_object()) continue;
    bool system = pool.value("mode", json()) == "System";
    if (system && !system_seen) {
      a["default_node_pool"] = json::array({pool_attributes(pool)});
      system_seen = true;
    } else {
      user_pools.push_back(pool_attributes(pool));
    }
  }
}

// ARM names the compute without azurerm's tier prefix and says
// Enabled/Disabled where azurerm has booleans; storage is in GiB.
void postgres_attributes(const json& r, const json& props, json& a) {
  if (const json* sku = member(r, "sku")) {
    std::string tier = string_field(*sku, "tier");
    std::string prefix = tier == "Burstable" ? "B_" : tier == "MemoryOptimized" ? "MO_" : "GP_";
    if (!string_field(*sku, "name").empty()) a["sku_name"] = prefix + string_field(*sku, "name");
  }
  copy(props, "version", a, "version");
  auto enabled = [](const json& from, const char* key, json& to, const char* name) {
    const json* v = member(from, key);
    if (v && v->is_string()) to[name] = *v == "Enabled";
  };
  if (const json* storage = member(props, "storage")) {
    const json* gb = member(*storage, "storageSizeGB");
    if (gb && gb->is_number_integer()) a["storage_mb"] = gb->get<int64_t>() * 1024;
    enabled(*storage, "autoGrow", a, "auto_grow_enabled");
  }
  if (const json* backup = member(props, "backup")) {
    copy(*backup, "backupRetentionDays", a, "backup_retention_days");
    enabled(*backup, "geoRedundantBackup", a, "geo_redundant_backup_enabled");
  }
  if (const json* network = member(props, "network")) {
    enabled(*network, "publicNetworkAccess", a, "public_network_access_enabled");
  }
}

// ARM says Enabled/Disabled for public access and `disableLocalAuth` where
// azurerm has `public_network_access_enabled` and `local_auth_enabled`.
void servicebus_attributes(const json& r, const json& props, json& a) {
  if (const json* sku = member(r, "sku")) {
    copy(*sku, "name", a, "sku");
    copy(*sku, "capacity", a, "capacity");
  }
  copy(props, "premiumMessagingPartitions", a, "premium_messaging_partitions");
  copy(props, "minimumTlsVersion", a, "minimum_tls_version");
  const json* access = member(props, "publicNetworkAccess");
  if (access && access->is_string()) a["public_network_access_enabled"] = *access == "Enabled";
  const json* local = member(props, "disableLocalAuth");
  if (local && local->is_boolean()) a["local_auth_enabled"] = !local->get<bool>();
}

// ARM keeps a vault's redundancy in its first storage setting and says
// Enabled/Disabled for cross-region restore, which azurerm reads as a bool.
void backup_vault_attributes(const json& props, json& a) {
  if (const json* settings = member(props, "storageSettings");
      settings && settings->is_array() && !settings->empty()) {
    copy((*settings)[0], "datastoreType", a, "datastore_type");
    copy((*settings)[0], "type", a, "redundancy");
  }
  const json* features = member(props, "featureSettings");
  const json* crr = features ? member(*features, "crossRegionRestoreSettings") : nullptr;
  const json* state = crr ? member(*crr, "state") : nullptr;
  if (state && state->is_string()) a["cross_region_restore_enabled"] = *state == "Enabled";
}

// ARM keeps the worker count as the sku's capacity and says Linux with
// `reserved`.
void service_plan_attributes(const json& r, const json& props, json& a) {
  if (const json* sku = member(r, "sku")) {
    if (!string_field(*sku, "name").empty()) a["sku_name"] = string_field(*sku, "name");
    copy(*sku, "capacity", a, "worker_count");
  }
  copy(props, "zoneRedundant", a, "zone_balancing_enabled");
  if (const json* reserved = member(props, "reserved"); reserved && reserved->is_boolean()) {
    a["os_type"] = reserved->get<bool>() ? "Linux" : "Windows";
  }
}

// ARM keeps the account's sku under properties and says `disableLocalAuth`
// where azurerm says local_authentication_enabled.
void automation_account_attributes(const json& props, json& a) {
  if (const json* sku = member(props, "sku")) {
    if (!string_field(*sku, "name").empty()) a["sku_name"] = string_field(*sku, "name");
  }
  copy(props, "publicNetworkAccess", a, "public_network_access_enabled");
  if (const json* local = member(props, "disableLocalAuth"); local && local->is_boolean()) {
    a["local_authentication_enabled"] = !local->get<bool>();
  }
}

// ARM keeps the tier and its units apart in `sku`, where azurerm joins them
// into one sku_name: "Premium_1".
void api_management_attributes(const json& r, const json& props, json& a) {
  if (const json* sku = member(r, "sku")) {
    const json* units = member(*sku, "capacity");
    if (!string_field(*sku, "name").empty() && units && units->is_number_integer()) {
      a["sku_name"] = fmt::format("{}_{}", string_field(*sku, "name"), units->get<int64_t>());
    }
  }
  copy(props, "publisherName", a, "publisher_name");
  copy(props, "publisherEmail", a, "publisher_email");
  copy(props, "virtualNetworkType", a, "virtual_network_type");
}

// ARM keeps an environment's zone redundancy at the top of its properties
// and its internal load balancer in vnetConfiguration.internal; an app's
// revision mode in configuration.activeRevisionsMode, which azurerm writes
// as `Single` or `Multiple`.
void container_apps_attributes(std::string_view type, const json& props, json& a) {
  if (type == "azurerm_container_app_environment") {
    copy(props, "zoneRedundant", a, "zone_redundancy_enabled");
    const json* vnet = member(props, "vnetConfiguration");
    const json* internal = vnet ? member(*vnet, "internal") : nullptr;
    a["internal_load_balancer_enabled"] = internal && internal->is_boolean() && internal->get<bool>();
    return;
  }
  copy(props, "workloadProfileName", a, "workload_profile_name");
  const json* config = member(props, "configuration");
  const json* mode = config ? member(*config, "activeRevisionsMode") : nullptr;
  if (mode && mode->is_string()) {
    std::string m = mode->get<std::string>();
    if (!m.empty()) m[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(m[0])));
    for (size_t i = 1; i < m.size(); ++i) {
      m[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(m[i])));
    }
    a["revision_mode"] = m;
  }
}

json arm_attributes(std::string_view type, const json& r, std::vector<json>& user_pools) {
  json a = json::object();
  const json empty = json::object();
  const json* found = member(r, "properties");
  const json& props = found && found->is_object() ? *found : empty;
  const json* sku = member(r, "sku");
  std::string sku_name = sku ? string_field(*sku, "name") : "";
  if (type == "azurerm_storage_account") {
    // "Standard_GRS": tier and replication in one name.
    if (auto cut = sku_name.find('_'); cut != std::string::npos) {
      a["account_tier"] = sku_name.substr(0, cut);
      a["account_replication_type"] = sku_name.substr(cut + 1);
    }
    copy(r, "kind", a, "account_kind");
    copy(props, "secondaryLocation", a, "secondary_location");
  } else if (type == "azurerm_cosmosdb_account") {
    cosmos_attributes(props, a);
  } else if (type == "azurerm_kubernetes_cluster") {
    aks_attributes(r, props, a, user_pools);
  } else if (type == "azurerm_monitor_activity_log_alert") {
    activity_alert_attributes(props, a);
  } else if (type == "azurerm_search_service") {
    if (!sku_name.empty()) a["sku"] = sku_name;
    copy(props, "replicaCount", a, "replica_count");
    copy(props, "partitionCount", a, "partition_count");
  } else if (type == "azurerm_redis_cache") {
    if (const json* s = member(props, "sku")) {
      copy(*s, "name", a, "sku_name");
      copy(*s, "family", a, "family");
      copy(*s, "capacity", a, "capacity");
    }
    copy(props, "shardCount", a, "shard_count");
    // ARM keeps persistence as strings in redisConfiguration ("true", "60");
    // azurerm's state has a boolean and a number.
    if (const json* config = member(props, "redisConfiguration")) {
      json block = json::object();
      for (const char* key : {"rdb-backup-enabled", "aof-backup-enabled"}) {
        if (const json* v = member(*config, key); v && v->is_string()) {
          std::string name(key);
          std::replace(name.begin(), name.end(), '-', '_');
          block[name] = *v == "true" || *v == "True";
        }
      }
      if (const json* v = member(*config, "rdb-backup-frequency"); v && v->is_string()) {
        const std::string& text = v->get_ref<const std::string&>();
        if (!text.empty() && std::all_of(text.begin(), text.end(), ::isdigit) && text.size() < 9) {
          block["rdb_backup_frequency"] = std::stoi(text);
        }
      }
      if (!block.empty()) a["redis_configuration"] = json::array({block});
    }
  } else if (type == "azurerm_managed_redis") {
    // ARM says Enabled/Disabled where azurerm has a boolean for high
    // availability; public network access is Enabled/Disabled in both.
    if (!sku_name.empty()) a["sku_name"] = sku_name;
    if (const json* ha = member(props, "highAvailability"); ha && ha->is_string()) {
      a["high_availability_enabled"] = *ha == "Enabled";
    }
    copy(props, "publicNetworkAccess", a, "public_network_access");
  } else if (type == "azurerm_key_vault") {
    if (const json* s = member(props, "sku")) copy(*s, "name", a, "sku_name");
    copy(props, "enablePurgeProtection", a, "purge_protection_enabled");
    copy(props, "softDeleteRetentionInDays", a, "soft_delete_retention_days");
  } else if (type == "azurerm_cognitive_account") {
    copy(r, "kind", a, "kind");
    if (!sku_name.empty()) a["sku_name"] = sku_name;
  } else if (type == "azurerm_cdn_frontdoor_profile") {
    if (!sku_name.empty()) a["sku_name"] = sku_name;
  } else if (type == "azurerm_cdn_frontdoor_custom_domain") {
    copy(props, "hostName", a, "host_name");
    if (const json* tls = member(props, "tlsSettings")) {
      json t = json::object();
      copy(*tls, "certificateType", t, "certificate_type");
      copy(*tls, "minimumTlsVersion", t, "minimum_tls_version");
      a["tls"] = json::array({std::move(t)});
    }
  } else if (type == "azurerm_cdn_frontdoor_firewall_policy") {
    if (!sku_name.empty()) a["sku_name"] = sku_name;
    if (const json* s = member(props, "policySettings")) copy(*s, "mode", a, "mode");
  } else if (type == "azurerm_log_analytics_workspace") {
    if (const json* s = member(props, "sku")) copy(*s, "name", a, "sku");
    copy(props, "retentionInDays", a, "retention_in_days");
  } else if (type == "azurerm_virtual_network") {
    if (const json* space = member(props, "addressSpace")) {
      copy(*space, "addressPrefixes", a, "address_space");
    }
  } else if (type == "azurerm_virtual_network_peering") {
    copy(props, "allowVirtualNetworkAccess", a, "allow_virtual_network_access");
    copy(props, "allowForwardedTraffic", a, "allow_forwarded_traffic");
    copy(props, "allowGatewayTransit", a, "allow_gateway_transit");
    copy(props, "useRemoteGateways", a, "use_remote_gateways");
  } else if (type == "azurerm_service_plan") {
    service_plan_attributes(r, props, a);
  } else if (type == "azurerm_automation_account") {
    automation_account_attributes(props, a);
  } else if (type == "azurerm_api_management") {
    api_management_attributes(r, props, a);
  } else if (type == "azurerm_automation_runbook") {
    copy(props, "runbookType", a, "runbook_type");
  } else if (type == "azurerm_automation_schedule") {
    copy(props, "frequency", a, "frequency");
  } else if (type == "azurerm_linux_web_app" || type == "azurerm_linux_function_app") {
    copy(props, "httpsOnly", a, "https_only");
    if (const json* access = member(props, "publicNetworkAccess"); access && access->is_string()) {
      a["public_network_access_enabled"] = *access == "Enabled";
    }
  } else if (type == "azurerm_storage_container_immutability_policy") {
    copy(props, "immutabilityPeriodSinceCreationInDays", a, "immutability_period_in_days");
    if (const json* state = member(props, "state"); state && state->is_string()) {
      a["locked"] = *state == "Locked";
    }
  } else if (type == "azurerm_postgresql_flexible_server") {
    postgres_attributes(r, props, a);
  } else if (type == "azurerm_container_registry") {
    // ARM says Enabled/Disabled where azurerm has booleans. The
    // geo-replications are child resources of their own, not properties.
    if (!sku_name.empty()) a["sku"] = sku_name;
    copy(props, "adminUserEnabled", a, "admin_enabled");
    for (auto [key, name] : {std::pair{"publicNetworkAccess", "public_network_access_enabled"},
                             std::pair{"zoneRedundancy", "zone_redundancy_enabled"}}) {
      const json* v = member(props, key);
      if (v && v->is_string()) a[name] = *v == "Enabled";
    }
  } else if (type == "azurerm_servicebus_namespace") {
    servicebus_attributes(r, props, a);
  } else if (type == "azurerm_container_app_environment" || type == "azurerm_container_app") {
    container_apps_attributes(type, props, a);
  } else if (type == "azurerm_data_protection_backup_vault") {
    backup_vault_attributes(props, a);
  } else if (type == "azurerm_resource_group_policy_assignment") {
    if (const json* parameters = member(props, "parameters")) {
      a["parameters"] = parameters->dump();  // decoded as azurerm's JSON string is
    }
  }
  return a;
}

// The segment after `/<collection>/` in an ARM id, matched case-insensitively.
std::string id_segment_after(const std::string& id, std::string_view collection) {
  std::string l = lower(id);
  std::string marker = "/" + std::string(collection) + "/";
  size_t at = l.find(marker);
  if (at == std::string::npos) return "";
  size_t begin = at + marker.size();
  return id.substr(begin, id.find('/', begin) - begin);
}

// Resources Azure creates by itself next to ones that are deployed.
bool derived(const json& r, std::string_view arm_type, std::string_view name) {
  if (!string_field(r, "managedBy").empty()) return true;
  if (arm_type == "microsoft.alertsmanagement/smartdetectoralertrules") return true;
  // azurerm creates a registry's geo-replications from its `georeplications`
  // blocks; they are compared as that attribute of the registry.
  if (arm_type == "microsoft.containerregistry/registries/replications") return true;
  if (arm_type == "microsoft.insights/actiongroups" &&
      name == "Application Insights Smart Detection")
    return true;
  if (arm_type == "microsoft.network/networkinterfaces") {
    const json* props = member(r, "properties");
    return props && member(*props, "privateEndpoint") != nullptr;
  }
  return false;
}

// A Backup vault's policies and instances have one ARM type whatever they
// protect; azurerm has a type per data source. Blobs and AKS clusters are
// named by their data source type; anything else is a PostgreSQL server's,
// the only other data source topoc backs up (compiler/services/backup).
std::string_view backup_child_type(const json& r, std::string_view arm_type) {
  bool policy = arm_type == "microsoft.dataprotection/backupvaults/backuppolicies";
  if (!policy && arm_type != "microsoft.dataprotection/backupvaults/backupinstances") return {};
  const json* props = member(r, "properties");
  std::string source;
  if (policy) {
    const json* types = props ? member(*props, "datasourceTypes") : nullptr;
    if (types && types->is_array() && !types->empty() && (*types)[0].is_string())
      source = lower((*types)[0].get_ref<const std::string&>());
  } else if (const json* info = props ? member(*props, "dataSourceInfo") : nullptr) {
    source = lower(string_field(*info, "datasourceType"));
  }
  if (source == "microsoft.storage/storageaccounts/blobservices") {
    return policy ? "azurerm_data_protection_backup_policy_blob_storage"
                  : "azurerm_data_protection_backup_instance_blob_storage";
  }
  if (source == "microsoft.containerservice/managedclusters") {
    return policy ? "azurerm_data_protection_backup_policy_kubernetes_cluster"
                  : "azurerm_data_protection_backup_instance_kubernetes_cluster";
  }
  return policy ? "azurerm_data_protection_backup_policy_postgresql_flexible_server"
                : "azurerm_data_protection_backup_instance_postgresql_flexible_server";
}

}  // namespace

Route route_arm_resource(const JsonPath& path, size_t from) {
  size_t depth = path.size() - from;
  if (depth == 1) return Route::kHandOver;
  const std::string& key = path[from + 1].key;
  if (depth == 2) {
    if (key == "properties") return Route::kKeep;
    return contains(kTopLevel, key) ? Route::kKeepAll : Route::kSkip;
  }
  if (depth == 3 && key == "properties" && contains(kProperties, path[from + 2].key)) {
    return Route::kKeepAll;
  }
  return Route::kSkip;
}

std::optional<ShapeError> read_arm_resource(const json& r, ReadContext& context,
                                            DeployedState& out) {
  if (!r.is_object()) return ShapeError{"", "expected a resource object"};
  for (const char* field : {"id", "type"}) {
    if (auto error = required_string(r, field)) return error;
  }
  DeployedResource d;
  std::string location, kind, managed_by;
  for (auto [key, field] : {std::pair{"name", &d.name}, std::pair{"location", &location},
                            std::pair{"resourceGroup", &d.resource_group}, std::pair{"kind", &kind},
                            std::pair{"managedBy", &managed_by}}) {
    if (auto error = optional_string(r, key, *field)) return error;
  }
  json object;
  for (const char* key : {"properties", "sku"}) {
    if (auto error = optional_object(r, key, object)) return error;
  }
  if (auto error = tags_of(r, context.tags, d.tags)) return error;
  const std::string& id = r["id"].get_ref<const std::string&>();
  ++context.managed;
  if (lower(id).rfind("/subscriptions/", 0) != 0) {
    if (context.other_provider.empty()) context.other_provider = id;
    return std::nullopt;
  }
  ++context.azurerm;
  std::string arm_type = lower(r["type"].get_ref<const std::string&>());
  std::string_view azurerm = azurerm_type_of(arm_type);
  if (arm_type == "microsoft.web/sites" && lower(kind).find("functionapp") != std::string::npos) {
    azurerm = "azurerm_linux_function_app";
  }
  if (std::string_view child = backup_child_type(r, arm_type); !child.empty()) azurerm = child;
  d.input = context.input;
  d.origin = Origin::kAzure;
  d.type = TypeName::of(azurerm.empty() ? std::string_view(arm_type) : azurerm);
  d.id = id;
  // `az resource list` names child resources "parent/child"; Resource Graph
  // names them "child". The manifest uses the child's own name.
  if (d.name.empty() || d.name.find('/') != std::string::npos)
    d.name = id.substr(id.rfind('/') + 1);
  d.location = catalog::normalise_location(location);
  // A resource group's row names itself as its group; the manifest leaves it empty.
  if (d.type == "azurerm_resource_group") {
    d.resource_group.clear();
  } else if (d.resource_group.empty()) {
    d.resource_group = resource_group_of_id(id);
  }
  d.derived = derived(r, arm_type, d.name);
  std::vector<json> user_pools;
  d.attributes = arm_attributes(d.type, r, user_pools);
  if (d.type == "azurerm_private_dns_zone_virtual_network_link") {
    d.attributes["private_dns_zone_name"] = id_segment_after(id, "privatednszones");
  }
  normalise_attributes(d.type, d.attributes);
  strip_identity(d.attributes);
  if (d.attributes.empty()) d.attributes = nullptr;  // as terraform_resource() keeps none
  for (json& pool : user_pools) {
    DeployedResource p;
    p.input = d.input;
    p.origin = Origin::kAzure;
    p.type = TypeName::of("azurerm_kubernetes_cluster_node_pool");
    p.name = string_field(pool, "name");
    p.id = fmt::format("{}/agentPools/{}", id, p.name);
    p.location = d.location;
    p.resource_group = d.resource_group;
    p.attributes = std::move(pool);
    add_resource(context, std::move(p));
  }
  add_resource(context, std::move(d));
  return std::nullopt;
}

}  // namespace topoc::drift::readers
