// The environment root's `locals`: every value the estate varies by, laid
// out as maps keyed by region and boundary so the module calls in main.tf
// stay generic. Adding a region to the topology adds a map entry here and
// nothing else.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/catalog/region_catalog.h"
#include "compiler/emit/api_management_inbound.h"
#include "compiler/emit/frontdoor_inbound.h"
#include "compiler/emit/terraform/root_files.h"
#include "compiler/naming/search_links.h"
#include "compiler/services/alerts/activity_text.h"
#include "compiler/services/alerts/availability.h"
#include "compiler/services/alerts/log_query.h"
#include "compiler/services/app_service/runtimes.h"
#include "compiler/services/automation/runbook_files.h"
#include "compiler/services/backup/aks_backup.h"
#include "compiler/services/container_apps/internal_dns.h"
#include "compiler/services/cosmos/diagnostics.h"
#include "compiler/services/frontdoor/rate_limits.h"
#include "compiler/services/frontdoor/unrouted.h"
#include "compiler/services/monitoring/log_sink.h"
#include "compiler/services/postgres/server_parameters.h"
#include "compiler/services/redis/persistence.h"
#include "compiler/services/servicebus/durations.h"
#include "compiler/services/servicebus/trusted_services.h"
#include "compiler/services/storage/replica.h"
#include "compiler/text/ascii.h"

namespace topoc::emit::terraform {
namespace {

using emit::frontdoor_backend_port;
using emit::kFrontDoorBackendPriority;
using emit::kFrontDoorBackendSubnet;
using hcl::Entry;
using hcl::Expr;
using model::Service;
using services::container_apps::any_internal_environment;
using services::container_apps::has_internal_environment;

Expr str(std::string_view s) { return Expr::string(s); }
Expr num(int64_t n) { return Expr::number(n); }
Expr str_or_null(std::string_view s) { return s.empty() ? Expr::null() : Expr::string(s); }

// A route's `cache` block under azurerm's names.
Expr route_cache(const model::FrontDoorCache& c) {
  std::vector<std::string> query_strings;
  for (const auto& q : c.query_strings) query_strings.push_back(q.value);
  std::vector<std::string> content_types;
  for (const auto& type : c.content_types) content_types.push_back(type.value);
  return Expr::object({
      {"query_string_caching_behavior", Expr::string(model::to_string(c.query_string.value))},
      {"query_strings", Expr::string_list(query_strings)},
      {"compression_enabled", Expr::boolean(c.compression.value)},
      {"content_types_to_compress", Expr::string_list(content_types)},
  });
}

Expr string_map(const std::map<std::string, std::string>& values) {
  std::vector<Entry> entries;
  for (const auto& [k, v] : values) entries.push_back({k, str(v)});
  return Expr::object(std::move(entries));
}

// Whether a Cosmos DB account's VNet filter admits this region's AKS subnet,
// which then needs the Cosmos DB service endpoint.
bool cosmos_admits(const Estate& e, const model::Region& r) {
  return std::any_of(e.cosmos.begin(), e.cosmos.end(), [&](const CosmosAccount& a) {
    return std::find(a.network_rule_regions.begin(), a.network_rule_regions.end(), &r) !=
           a.network_rule_regions.end();
  });
}

// The region's private DNS zones a service's endpoint registers in.
std::vector<std::string> zones_for(const Estate& e, const model::Region& r, std::string_view prefix) {
  std::vector<std::string> out;
  if (const RegionDns* dns = e.dns_of(r)) {
    for (const std::string& z : dns->zones) {
      if (z.rfind(prefix, 0) == 0) out.push_back(z);
    }
  }
  return out;
}

// The inbound rule for Front Door's back end on an origin region's ingress
// subnet; main.tf drops it for regions given a Private Link service.
Expr frontdoor_backend(const Estate& e, const model::Region& r) {
  bool origin = std::any_of(e.origins.begin(), e.origins.end(),
                            [&](const Origin& o) { return o.region == &r && !o.gateway_owner; });
  if (!origin) return Expr::null();
  return Expr::object({
      {"subnet", str(emit::frontdoor_backend_subnet(r))},
      {"ports", Expr::string_list({frontdoor_backend_port(*e.topology->frontdoor)})},
      {"priority", num(kFrontDoorBackendPriority)},
  });
}

Expr network(const Estate& e, const model::Region& r) {
  // A gateway origin reaches API Management, not the region's ingress.
  const bool origin = std::any_of(e.origins.begin(), e.origins.end(), [&](const Origin& o) {
    return o.region == &r && !o.gateway_owner;
  });
  std::vector<Entry> subnets;
  std::vector<const model::Subnet*> sorted;
  for (const model::Subnet& s : r.subnets) sorted.push_back(&s);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->name < b->name; });
  for (const model::Subnet* s : sorted) {
    std::vector<std::string> endpoints;
    if (s->name == "aks" && cosmos_admits(e, r)) {
      endpoints.push_back("Microsoft.AzureCosmosDB");
    }
    std::vector<Entry> fields{
        {"name", str(e.names.region(r.key, "subnet." + s->name))},
        {"address_prefix", str(s->address.value.to_string())},
        {"network_security_group_name", str(e.names.region(r.key, "nsg." + s->name))},
        {"service_endpoints", Expr::string_list(endpoints)},
        {"private_endpoint_network_policies", str(s->name == "endpoints" ? "Enabled" : "Disabled")},
        {"private_link_service_network_policies_enabled",
         Expr::boolean(s->name != kFrontDoorBackendSubnet)},
    };
    // Only delegated subnets say so: the module's `delegation` and
    // `public_ingress` are optional.
    if (!s->delegation.empty()) fields.push_back({"delegation", str(s->delegation)});
    if (emit::public_ingress_subnet(r, s->name, origin)) {
      fields.push_back({"public_ingress", Expr::boolean(true)});
    }
    if (s->name == emit::kApiManagementSubnet) {
      if (auto in = emit::api_management_inbound(*e.topology, r)) {
        std::vector<Entry> apim;
        if (!in->clients.empty()) apim.push_back({"clients", str(in->clients)});
        if (in->traffic_manager) apim.push_back({"traffic_manager", Expr::boolean(true)});
        fields.push_back({"api_management", Expr::object(std::move(apim))});
      }
    }
    subnets.push_back({s->name, Expr::object(std::move(fields))});
  }
  std::vector<Entry> entries{
      {"name", str(e.names.region(r.key, "vnet"))},
      {"address_space", Expr::string_list({r.address_space.value.to_string()})},
      {"subnets", Expr::object(std::move(subnets))},
  };
  if (e.has_frontdoor()) entries.push_back({"frontdoor_backend", frontdoor_backend(e, r)});
  return Expr::object(std::move(entries));
}

Expr pool(const model::NodePool& p, bool with_name_and_taints) {
  std::vector<Entry> entries;
  if (with_name_and_taints) entries.push_back({"name", str(p.name)});
  entries.push_back({"vm_size", str(p.vm_size.value)});
  entries.push_back({"zones", Expr::string_list(p.zones.value)});
  entries.push_back({"min_count", num(p.min_count.value)});
  entries.push_back({"max_count", num(p.max_count.value)});
  entries.push_back({"os_disk_size_gb", num(p.os_disk_gb)});
  entries.push_back({"max_pods", num(p.max_pods)});
  entries.push_back({"labels", string_map(p.labels)});
  if (!with_name_and_taints) entries.push_back({"taints", Expr::string_list(p.taints)});
  return Expr::object(std::move(entries));
}

Expr aks(const Estate& e, const model::Region& r) {
  if (!r.aks) return Expr::null();
  const model::Aks& a = *r.aks;
  // Container insights goes to the workspace that receives the region's logs.
  const model::Region* workspace = services::monitoring::log_workspace_region(*e.topology, r);
  std::vector<const model::NodePool*> pools;
  for (const model::NodePool& p : a.user_pools) pools.push_back(&p);
  std::sort(pools.begin(), pools.end(), [](const auto* x, const auto* y) { return x->name < y->name; });
  std::vector<Entry> user_pools;
  for (const model::NodePool* p : pools) user_pools.push_back({p->name, pool(*p, false)});
  return Expr::object({
      {"name", str(e.names.region(r.key, "aks"))},
      {"dns_prefix", str(e.names.region(r.key, "aks.dns_prefix"))},
      {"kubernetes_version", str_or_null(a.kubernetes_version.value)},
      {"private_cluster", Expr::boolean(a.private_cluster.value)},
      {"network_policy", str(a.network_policy.value)},
      {"service_cidr", str(a.service_cidr.value)},
      {"dns_service_ip", str(a.dns_service_ip.value)},
      {"system_pool", pool(a.system_pool, true)},
      {"user_pools", Expr::object(std::move(user_pools))},
      {"container_insights_rule_name",
       workspace ? str(e.names.region(r.key, "aks.dcr")) : Expr::null()},
      {"container_insights_location", workspace ? str(workspace->location.value) : Expr::null()},
      {"log_workspace_region", workspace ? str(workspace->key) : Expr::null()},
  });
}

Expr search(const Estate& e, const model::Region& r) {
  if (!r.search) return Expr::null();
  std::vector<Entry> links;
  for (const naming::SearchSharedLink& link : naming::search_shared_links(r)) {
    links.push_back(
        {std::string(link.key),
         Expr::object({{"name", str(link.name)}, {"subresource_name", str(link.group_id)}})});
  }
  return Expr::object({
      {"name", str(e.names.region(r.key, "search"))},
      {"sku", str(r.search->sku.value)},
      {"replica_count", num(r.search->replicas.value)},
      {"partition_count", num(r.search->partitions.value)},
      {"private_endpoint_name", str(e.names.region(r.key, "pep.search"))},
      {"private_dns_zones", Expr::string_list(zones_for(e, r, "privatelink.search."))},
      {"shared_private_links", Expr::object(std::move(links))},
  });
}

// An Azure OpenAI endpoint answers under all three of its service's zones.
std::vector<std::string> openai_zones(const Estate& e, const model::Region& r) {
  std::vector<std::string> out;
  for (const char* prefix : {"privatelink.cognitiveservices.", "privatelink.openai.",
                             "privatelink.services.ai."}) {
    for (std::string& z : zones_for(e, r, prefix)) out.push_back(std::move(z));
  }
  return out;
}

Expr openai(const Estate& e, const model::Region& r) {
  if (!r.openai) return Expr::null();
  std::vector<const model::OpenAIModel*> models;
  for (const model::OpenAIModel& m : r.openai->models) models.push_back(&m);
  std::sort(models.begin(), models.end(),
            [](const auto* a, const auto* b) { return a->deployment_name < b->deployment_name; });
  std::vector<Entry> deployments;
  for (const model::OpenAIModel* m : models) {
    deployments.push_back({m->deployment_name, Expr::object({
                                                   {"model", str(m->name)},
                                                   {"version", str(m->version.value)},
                                                   {"capacity", num(m->capacity.value)},
                                               })});
  }
  return Expr::object({
      {"name", str(e.names.region(r.key, "openai"))},
      {"location", str(r.openai->location.value)},
      {"deployment_type", str(model::to_string(r.openai->deployment.value))},
      {"deployments", Expr::object(std::move(deployments))},
      {"private_endpoint_name", str(e.names.region(r.key, "pep.openai"))},
      {"private_dns_zones", Expr::string_list(openai_zones(e, r))},
  });
}

bool any_persisted_redis(const Estate& e) {
  return std::any_of(
      e.topology->regions.begin(), e.topology->regions.end(), [](const model::Region& r) {
        return r.redis && r.redis->persistence.value != model::RedisPersistence::kNone;
      });
}

// The system topic on the region's storage account and the Service Bus topic
// its subscription delivers blob created events to.
Expr eventgrid(const Estate& e, const model::Region& r) {
  if (!r.storage || !r.storage->events || !r.servicebus) return Expr::null();
  return Expr::object({
      {"name", str(e.names.region(r.key, "eventgrid"))},
      {"subscription_name", str(e.names.region(r.key, "eventgrid.blob_created"))},
      {"topic", str(r.storage->events->blob_created.value)},
  });
}

Expr redis(const Estate& e, const model::Region& r) {
  if (!r.redis) return Expr::null();
  const model::Redis& c = *r.redis;
  const catalog::RegionInfo* info = catalog::find_region(r.location.value);
  const naming::RedisReplica* geo = e.redis_replica_of(r);
  std::vector<std::string> zones;
  // Geo-replication does not support zone redundancy, so linked caches get no zones.
  if (info && info->zones && !geo) zones = {"1", "2", "3"};
  Expr replica =
      !geo ? Expr::null()
           : Expr::object({
                 {"name", str(e.names.region(r.key, "redis") + "-replica")},
                 {"location", str(c.geo_replica.value)},
                 {"private_endpoint_name", str(e.names.region(r.key, "pep.redis_replica"))},
                 {"private_endpoint_location", str(geo->endpoint_region->location.value)},
                 {"endpoint_region", str(geo->endpoint_region->key)},
             });
  Expr persistence = c.persistence.value == model::RedisPersistence::kNone
                         ? Expr::null()
                         : Expr::object({
                               {"kind", str(model::dsl_spelling(c.persistence.value))},
                               {"rdb_frequency", num(c.rdb_frequency.value)},
                               {"account_name", str(e.names.region(r.key, "redis_persistence"))},
                               {"replication_type",
                                str(model::to_string(services::redis::persistence_replication(r)))},
                           });
  std::vector<Entry> fields{
      {"name", str(e.names.region(r.key, "redis"))},
      {"sku_name", str(c.sku.value)},
      {"capacity", num(c.capacity.value)},
      {"shard_count", c.shards.value > 0 ? num(c.shards.value) : Expr::null()},
      {"zones", Expr::string_list(zones)},
  };
  // Only topologies with a persisted cache carry the field, so the others'
  // trees stay as they were.
  if (any_persisted_redis(e)) fields.push_back({"persistence", std::move(persistence)});
  fields.push_back({"geo_replica", std::move(replica)});
  fields.push_back({"private_endpoint_name", str(e.names.region(r.key, "pep.redis"))});
  fields.push_back({"private_dns_zones", Expr::string_list(zones_for(e, r, "privatelink.redis."))});
  return Expr::object(std::move(fields));
}

Expr managed_redis(const Estate& e, const model::Region& r) {
  const model::Redis& c = *r.managed_redis;
  return Expr::object({
      {"name", str(e.names.region(r.key, "managed_redis"))},
      {"sku_name", str(c.sku.value)},
      {"high_availability_enabled", Expr::boolean(c.high_availability.value)},
      {"geo_replication_group_name", str_or_null(c.geo_replication.value)},
      {"private_endpoint_name", str(e.names.region(r.key, "pep.amr"))},
      {"private_dns_zones", Expr::string_list(zones_for(e, r, "privatelink.redis.azure."))},
  });
}

// An unwritten lifecycle action is null, which the module leaves out.
Expr days_or_null(const model::Sourced<int64_t>& days) {
  return days.explicit_ ? num(days.value) : Expr::null();
}

Expr storage_lifecycle_rules(const model::Storage& s) {
  std::vector<const model::StorageLifecycleRule*> sorted;
  for (const model::StorageLifecycleRule& rule : s.lifecycle) sorted.push_back(&rule);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->name < b->name; });
  std::vector<Entry> rules;
  for (const model::StorageLifecycleRule* rule : sorted) {
    rules.push_back(
        {rule->name,
         Expr::object({
             {"prefix_match",
              rule->prefix.value.empty() ? Expr::null() : Expr::string_list({rule->prefix.value})},
             {"cool_after_days", days_or_null(rule->cool_days)},
             {"cold_after_days", days_or_null(rule->cold_days)},
             {"archive_after_days", days_or_null(rule->archive_days)},
             {"delete_after_days", days_or_null(rule->delete_days)},
         })});
  }
  return Expr::object(std::move(rules));
}

Expr storage_containers(const model::Storage& s) {
  std::vector<const model::StorageContainer*> sorted;
  for (const model::StorageContainer& c : s.containers) sorted.push_back(&c);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->name < b->name; });
  std::vector<Entry> containers;
  for (const model::StorageContainer* c : sorted) {
    containers.push_back(
        {c->name, Expr::object({
                      {"immutability_days",
                       c->immutable_days.value == 0 ? Expr::null() : num(c->immutable_days.value)},
                      {"locked", Expr::boolean(c->locked.value)},
                  })});
  }
  return Expr::object(std::move(containers));
}

// The account `replicate_to` copies the containers to; null without one.
Expr storage_replica(const Estate& e, const model::Region& r) {
  const model::Storage& s = *r.storage;
  if (s.replicate_to.value.empty() || s.containers.empty()) return Expr::null();
  return Expr::object({
      {"name", str(e.names.region(r.key, "storage.replica"))},
      {"location", str(s.replicate_to.value)},
      {"replication_type",
       str(model::to_string(services::storage::replica_replication(s.replicate_to.value)))},
  });
}

// The customer-managed key of the account; null for Microsoft-managed keys.
Expr storage_key(const Estate& e, const model::Region& r) {
  if (!services::storage::has_customer_managed_key(r)) return Expr::null();
  return Expr::object({
      {"name", str(std::string(services::storage::customer_managed_key_name))},
      {"size", num(r.storage->key_size.value)},
      {"identity_name", str(e.names.region(r.key, "storage.identity"))},
  });
}

Expr storage(const Estate& e, const model::Region& r) {
  if (!r.storage) return Expr::null();
  const model::Storage& s = *r.storage;
  std::vector<Entry> entries{
      {"name", str(e.names.region(r.key, "storage"))},
      {"replication_type", str(model::to_string(r.storage->replication.value))},
      {"soft_delete_days", num(s.soft_delete_days.value)},
      {"change_feed_enabled", Expr::boolean(services::storage::change_feed_enabled(r))},
      {"version_retention_days",
       s.version_days.explicit_ ? num(s.version_days.value) : Expr::null()},
      {"lifecycle_rules", storage_lifecycle_rules(s)},
      {"containers", storage_containers(s)},
      {"replica", storage_replica(e, r)},
      {"private_endpoint_name", str(e.names.region(r.key, "pep.blob"))},
      {"secondary_private_endpoint_name", model::is_read_access(r.storage->replication.value)
                                              ? str(e.names.region(r.key, "pep.blob_secondary"))
                                              : Expr::null()},
      {"private_dns_zones", Expr::string_list(zones_for(e, r, "privatelink.blob."))},
  };
  // Only trees with a customer-managed key anywhere carry the attribute.
  if (e.any_customer_managed_key) {
    entries.push_back({"key", storage_key(e, r)});
  }
  return Expr::object(std::move(entries));
}

Expr keyvault(const Estate& e, const model::Region& r) {
  if (!r.keyvault) return Expr::null();
  return Expr::object({
      {"name", str(e.names.region(r.key, "keyvault"))},
      {"sku_name", str(r.keyvault->sku.value)},
      {"soft_delete_retention_days", num(r.keyvault->soft_delete_days.value)},
      {"purge_protection_enabled", Expr::boolean(r.keyvault->purge_protection.value)},
      {"private_endpoint_name", str(e.names.region(r.key, "pep.vault"))},
      {"private_dns_zones", Expr::string_list(zones_for(e, r, "privatelink.vaultcore."))},
  });
}

// `parameters`: services::postgres::server_parameters, the same for every
// server, worked out once by the caller.
Expr postgres(const Estate& e, const model::Region& r,
              const std::vector<std::pair<std::string_view, std::string_view>>& parameters) {
  const model::Postgres& pg = *r.postgres;
  Expr ha = Expr::null();
  if (pg.high_availability.value != model::PostgresHa::kOff) {
    ha = Expr::object({{"mode", str(model::to_string(pg.high_availability.value))},
                       {"standby_zone", str_or_null(pg.standby_zone.value)}});
  }
  std::vector<Entry> replicas;
  for (size_t i = 0; i < pg.replicas.size(); ++i) {
    replicas.push_back(
        {fmt::format("r{}", i + 1),
         Expr::object({
             {"name", str(e.names.region(r.key, fmt::format("postgres.replica.{}", i)))},
             {"location", str(pg.replicas[i].value)},
             {"private_endpoint_name",
              str(e.names.region(r.key, fmt::format("pep.postgres_replica.{}", i)))},
         })});
  }
  std::vector<Entry> databases;
  for (const model::PostgresDatabase& db : pg.databases) {
    databases.push_back({db.name, Expr::object({{"charset", str(db.charset.value)},
                                                {"collation", str(db.collation.value)}})});
  }
  std::vector<Entry> configurations;
  for (const auto& [parameter, value] : parameters)
    configurations.push_back({std::string(parameter), str(value)});
  bool endpoint = pg.virtual_endpoint.value && !pg.replicas.empty();
  return Expr::object({
      {"name", str(e.names.region(r.key, "postgres"))},
      {"sku_name", str(pg.sku.value)},
      {"postgres_version", str(pg.version.value)},
      {"storage_mb", num(pg.storage_gb.value * 1024)},
      {"storage_tier", str_or_null(pg.performance_tier.value)},
      {"auto_grow_enabled", Expr::boolean(pg.autogrow.value)},
      {"zone", str_or_null(pg.zone.value)},
      {"high_availability", std::move(ha)},
      {"backup_retention_days", num(pg.backup_retention_days.value)},
      {"geo_redundant_backup_enabled", Expr::boolean(pg.geo_redundant_backup.value)},
      {"replicas", Expr::object(std::move(replicas))},
      {"virtual_endpoint_name",
       endpoint ? str(e.names.region(r.key, "postgres.endpoint")) : Expr::null()},
      {"databases", Expr::object(std::move(databases))},
      {"configurations", Expr::object(std::move(configurations))},
      {"private_endpoint_name", str(e.names.region(r.key, "pep.postgres"))},
      {"private_dns_zones", Expr::string_list(zones_for(e, r, "privatelink.postgres."))},
  });
}

// The vault and, when the region's server is protected, its long-term
// retention: a weekly backup kept `retention_days`; when its storage
// account is, the daily copy of its containers; when its AKS cluster is, the
// daily backup's retention and snapshot resource group. Cross-region restore is
// null unless the vault is geo-redundant: azurerm refuses the argument,
// even false, on any other vault.
Expr backup(const Estate& e, const model::Region& r) {
  const model::Backup& b = *r.backup;
  bool geo = b.redundancy.value == model::BackupRedundancy::kGRS;
  Expr pg = Expr::null();
  if (b.postgres && r.postgres) {
    pg = Expr::object({
        {"policy_name", str(e.names.region(r.key, "backup.policy.postgres"))},
        {"instance_name", str(e.names.region(r.key, "backup.instance.postgres"))},
        {"retention", str(fmt::format("P{}D", b.postgres->retention_days.value))},
    });
  }
  Expr storage = Expr::null();
  if (services::storage::has_vaulted_backup(r)) {
    storage = Expr::object({
        {"policy_name", str(e.names.region(r.key, "backup.policy.storage"))},
        {"instance_name", str(e.names.region(r.key, "backup.instance.storage"))},
        {"retention", str(fmt::format("P{}D", b.storage->retention_days.value))},
    });
  }
  Expr aks = Expr::null();
  if (services::backup::has_aks_backup(r)) {
    aks = Expr::object({
        {"policy_name", str(e.names.region(r.key, "backup.policy.aks"))},
        {"instance_name", str(e.names.region(r.key, "backup.instance.aks"))},
        {"retention", str(fmt::format("P{}D", b.aks->retention_days.value))},
        {"snapshot_resource_group_name", str(e.names.region(r.key, "backup.aks.snapshots"))},
    });
  }
  return Expr::object({
      {"name", str(e.names.region(r.key, "backup"))},
      {"redundancy", str(model::to_string(b.redundancy.value))},
      {"cross_region_restore_enabled",
       geo ? Expr::boolean(b.cross_region_restore.value) : Expr::null()},
      {"postgres", std::move(pg)},
      {"storage", std::move(storage)},
      {"aks", std::move(aks)},
  });
}

// Memory as Container Apps writes it: "2Gi", "0.5Gi".
std::string gibibytes(double gib) { return fmt::format("{}Gi", gib); }

// The region's environments and apps. Which app pulls from the registry and
// which reads the vault is decided here, from the model, so the module's
// for_each never waits on an ID Terraform learns during apply.
Expr container_apps(const Estate& e, const model::Region& r) {
  const model::Registry* registry = e.topology->registry_of(r);
  std::vector<Entry> environments, apps;
  for (const model::ContainerAppEnvironment& env : r.container_apps->environments) {
    Expr dedicated = Expr::null();
    if (env.dedicated()) {
      dedicated = Expr::object({
          {"type", str(env.workload_profile.value)},
          {"minimum_count", num(env.min_count.value)},
          {"maximum_count", num(env.max_count.value)},
      });
    }
    environments.push_back(
        {env.name,
         Expr::object({
             {"name", str(e.names.region(r.key, "container_apps." + env.name))},
             {"subnet", env.vnet_integration.value ? str(env.subnet_name()) : Expr::null()},
             {"zone_redundancy_enabled", Expr::boolean(env.zone_redundant.value)},
             {"internal_load_balancer_enabled", Expr::boolean(env.internal.value)},
             {"dedicated", std::move(dedicated)},
         })});
    for (const model::ContainerApp& app : env.apps) {
      const std::string key = env.name + "/" + app.name;
      const bool user_assigned = app.identity.value == model::ContainerAppIdentity::kUserAssigned;
      Expr ingress = Expr::null();
      if (app.ingress.value != model::ContainerAppIngress::kNone) {
        ingress = Expr::object({
            {"external_enabled",
             Expr::boolean(app.ingress.value == model::ContainerAppIngress::kExternal)},
            {"target_port", num(app.target_port.value)},
        });
      }
      apps.push_back(
          {key,
           Expr::object({
               {"environment", str(env.name)},
               {"name", str(e.names.region(r.key, "container_apps." + key))},
               {"container_name", str(topoc::lower(app.name))},
               {"identity_name", user_assigned
                                     ? str(e.names.region(r.key, "container_apps." + key +
                                                                     ".identity"))
                                     : Expr::null()},
               {"image", str(app.image.value)},
               {"from_registry", Expr::boolean(registry && !app.image_has_registry())},
               {"key_vault_secrets", Expr::boolean(r.keyvault.has_value())},
               {"workload_profile_name",
                str(env.dedicated() ? env.workload_profile.value : "Consumption")},
               {"cpu", Expr::number(app.cpu.value)},
               {"memory", str(gibibytes(app.memory_gib.value))},
               {"min_replicas", num(app.min_replicas.value)},
               {"max_replicas", num(app.max_replicas.value)},
               {"ingress", std::move(ingress)},
           })});
    }
  }
  // The environments' logs go to the workspace that receives the region's.
  const model::Region* workspace = services::monitoring::log_workspace_region(*e.topology, r);
  std::vector<Entry> fields{
      {"registry", registry ? str(registry->name) : Expr::null()},
      {"log_workspace_region", workspace ? str(workspace->key) : Expr::null()},
      {"environments", Expr::object(std::move(environments))},
      {"apps", Expr::object(std::move(apps))},
  };
  // The regions whose VNets resolve the internal environments' apps: this
  // one and those peered with it.
  if (any_internal_environment(*e.topology)) {
    std::vector<std::string> dns_regions;
    if (has_internal_environment(r)) {
      for (const model::Region* l : services::container_apps::dns_regions(e, r)) {
        dns_regions.push_back(l->key);
      }
    }
    fields.push_back({"dns_regions", Expr::string_list(dns_regions)});
  }
  return Expr::object(std::move(fields));
}

Expr duration_or_null(const model::Sourced<int64_t>& seconds) {
  return seconds.explicit_ ? str(services::servicebus::iso8601_duration(seconds.value))
                           : Expr::null();
}

// Topics keyed by name and subscriptions by `topic/subscription`, so each
// has a Terraform address of its own; unwritten durations are null and
// take azurerm's defaults (never expire, never delete).
Expr servicebus(const Estate& e, const model::Region& r) {
  const model::ServiceBus& sb = *r.servicebus;
  std::vector<Entry> topics;
  std::vector<Entry> subscriptions;
  for (const model::ServiceBusTopic& t : sb.topics) {
    topics.push_back(
        {t.name, Expr::object({
                     {"default_message_ttl", duration_or_null(t.ttl)},
                     {"auto_delete_on_idle", duration_or_null(t.auto_delete)},
                     {"duplicate_detection_window", duration_or_null(t.duplicate_detection)},
                     {"partitioning_enabled", Expr::boolean(t.partitioned.value)},
                     {"max_size_in_megabytes", num(t.max_size_mb.value)},
                 })});
    for (const model::ServiceBusSubscription& s : t.subscriptions) {
      subscriptions.push_back(
          {t.name + "/" + s.name,
           Expr::object({
               {"topic", str(t.name)},
               {"name", str(s.name)},
               {"max_delivery_count", num(s.max_delivery.value)},
               {"default_message_ttl", duration_or_null(s.ttl)},
               {"auto_delete_on_idle", duration_or_null(s.auto_delete)},
               {"dead_lettering_on_message_expiration",
                Expr::boolean(s.dead_letter_on_expiration.value)},
               {"sql_filter", s.filter.explicit_ ? str(s.filter.value) : Expr::null()},
           })});
    }
  }
  Expr geo_dr = Expr::null();
  if (sb.geo_dr) {
    geo_dr = Expr::object({
        {"name", str(e.names.region(r.key, "servicebus.partner"))},
        {"location", str(sb.geo_dr->partner.value)},
        {"capacity", num(sb.geo_dr->capacity.value)},
        {"partitions", num(sb.geo_dr->partitions.value)},
        {"alias", str(e.names.region(r.key, "servicebus.alias"))},
        {"private_endpoint_name", str(e.names.region(r.key, "pep.servicebus_partner"))},
    });
  }
  return Expr::object({
      {"name", str(e.names.region(r.key, "servicebus"))},
      {"capacity", num(sb.capacity.value)},
      {"partitions", num(sb.partitions.value)},
      {"trusted_services_allowed",
       Expr::boolean(services::servicebus::trusts_microsoft_services(r))},
      {"topics", Expr::object(std::move(topics))},
      {"subscriptions", Expr::object(std::move(subscriptions))},
      {"geo_dr", std::move(geo_dr)},
      {"private_endpoint_name", str(e.names.region(r.key, "pep.servicebus"))},
      {"private_dns_zones", Expr::string_list(zones_for(e, r, "privatelink.servicebus."))},
  });
}

Expr monitoring(const Estate& e, const model::Region& r,
                const services::monitoring::BoundaryInsights& insights) {
  if (!r.monitoring) return Expr::null();
  std::vector<Entry> entries = {
      {"log_analytics_name", str(e.names.region(r.key, "log"))},
      {"application_insights_name", str(e.names.region(r.key, "appi"))},
      {"retention_days", num(r.monitoring->retention_days.value)},
  };
  // Written only when some boundary shares a component, so that topologies
  // without one keep their locals as they were.
  if (insights.any()) {
    std::vector<Entry> hosted;
    for (const estate::Resource* appi : insights.in(r)) {
      hosted.push_back({appi->boundary, str(appi->name)});
    }
    entries.push_back({"boundary_insights", Expr::object(std::move(hosted))});
  }
  return Expr::object(std::move(entries));
}

Expr private_dns(const model::Region& r, const Estate& e) {
  const RegionDns* dns = e.dns_of(r);
  if (!dns) return Expr::null();
  return Expr::object({{"zones", Expr::string_list(dns->zones)}, {"link_name", str(dns->link_name)}});
}

Expr settings_map(const std::vector<model::AppSetting>& settings) {
  std::vector<Entry> entries;
  for (const model::AppSetting& s : settings) entries.push_back({s.name, str(s.value)});
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.first < b.first; });
  return Expr::object(std::move(entries));
}

Expr app_service(const Estate& e, const model::Region& r) {
  const model::AppService& as = *r.app_service;
  std::vector<Entry> plans;
  std::vector<Entry> sites;
  for (const model::AppServicePlan& p : as.plans) {
    plans.push_back(
        {p.name, Expr::object({
                     {"name", str(e.names.region(r.key, "app_service.plan." + p.name))},
                     {"sku_name", str(p.sku.value)},
                     {"worker_count", num(p.workers.value)},
                     {"zone_balancing_enabled", Expr::boolean(p.zone_redundant.value)},
                 })});
    for (const model::Site& site : p.sites) {
      auto stack = services::app_service::application_stack(site.kind, site.runtime.value,
                                                             site.runtime_version.value);
      std::vector<std::string> cors;
      for (const auto& origin : site.cors) cors.push_back(origin.value);
      bool health = site.health_check_path.explicit_;
      sites.push_back(
          {site.name,
           Expr::object({
               {"kind", str(model::to_string(site.kind))},
               {"name", str(e.names.region(r.key, "app_service.site." + site.name))},
               {"plan", str(p.name)},
               {"always_on", Expr::boolean(site.always_on.value)},
               {"https_only", Expr::boolean(site.https_only.value)},
               {"http2_enabled", Expr::boolean(site.http2.value)},
               {"minimum_tls_version", str(site.min_tls.value)},
               {"health_check_path", health ? str(site.health_check_path.value) : Expr::null()},
               {"health_check_eviction_time_in_min",
                health ? num(site.eviction_minutes.value) : Expr::null()},
               {"cors_allowed_origins", Expr::string_list(cors)},
               {"application_stack", stack.argument.empty()
                                         ? Expr::null()
                                         : Expr::object({{"argument", str(stack.argument)},
                                                         {"version", str(stack.value)}})},
               {"app_settings", settings_map(site.settings)},
               {"key_vault_secrets", settings_map(site.secrets)},
               {"private_endpoint_name", str(e.names.region(r.key, "pep.site." + site.name))},
           })});
    }
  }
  return Expr::object({
      {"plans", Expr::object(std::move(plans))},
      {"sites", Expr::object(std::move(sites))},
      {"private_dns_zones", Expr::string_list(zones_for(e, r, "privatelink.azurewebsites."))},
  });
}

// The region's diagnostic settings: the workspace's region and, keyed by
// root module call, what each watched resource sends.
Expr diagnostics(const Estate& e, const model::Region& r) {
  std::vector<Entry> targets;
  const model::Region* workspace = nullptr;
  std::string name;
  for (const estate::DiagnosticSetting& s : e.diagnostic_settings) {
    if (s.instance != r.key) continue;
    workspace = s.workspace;
    name = s.name;
    targets.push_back({s.key, Expr::object({
                                  {"category_groups", Expr::string_list(s.category_groups)},
                                  {"categories", Expr::string_list(s.categories)},
                                  {"metrics", Expr::boolean(s.metrics)},
                              })});
  }
  if (!workspace) return Expr::null();
  std::sort(targets.begin(), targets.end(),
            [](const Entry& a, const Entry& b) { return a.first < b.first; });
  return Expr::object({
      {"name", str(name)},
      {"workspace_region", str(workspace->key)},
      {"targets", Expr::object(std::move(targets))},
  });
}

// The account and its runbooks by name. Each script is read with file()
// from the copy beside the root (emit_terraform.cc writes it), so the text
// never passes through HCL quoting; the path is built from checked names.
Expr automation(const Estate& e, const model::Region& r) {
  const model::Automation& a = *r.automation;
  std::vector<Entry> runbooks;
  for (const model::Runbook& rb : a.runbooks) {
    Expr schedule = Expr::null();
    if (rb.schedule) {
      const model::RunbookSchedule& s = *rb.schedule;
      schedule = Expr::object({
          {"frequency", str(model::to_string(s.frequency.value))},
          {"interval", num(s.interval.value)},
          {"start_time", str_or_null(s.start.value)},
      });
    }
    runbooks.push_back(
        {rb.name,
         Expr::object({
             {"type", str(model::to_string(rb.type.value))},
             {"description", str_or_null(rb.description.value)},
             {"content", Expr::raw(fmt::format("file(\"${{path.module}}/{}\")",
                                               services::automation::runbook_file(r, rb)))},
             {"schedule", std::move(schedule)},
         })});
  }
  return Expr::object({
      {"name", str(e.names.region(r.key, "automation"))},
      {"sku_name", str(a.sku.value)},
      {"runbooks", Expr::object(std::move(runbooks))},
  });
}

// The instance, and the Azure locations of the regions its gateway also
// runs in (S130 has left only other regions of the topology).
Expr api_management(const Estate& e, const model::Region& r) {
  const model::ApiManagement& a = *r.api_management;
  std::vector<Expr> additional;
  for (const auto& key : a.additional_locations) {
    const model::Region* other = e.topology->find_region(key.value);
    if (!other || other == &r) continue;
    // The region key finds the subnet the gateway there is injected into.
    additional.push_back(Expr::object({{"location", str(other->location.value)},
                                       {"region", str(other->key)}}));
  }
  std::vector<Expr> zones;
  for (const std::string& z : a.zones.value) zones.push_back(str(z));
  return Expr::object({
      {"name", str(e.names.region(r.key, "api_management"))},
      {"sku_name", str(a.sku_name())},
      {"publisher_name", str(a.publisher_name.value)},
      {"publisher_email", str(a.publisher_email.value)},
      {"zones", Expr::list(std::move(zones))},
      {"virtual_network_type", str(model::to_string(a.virtual_network.value))},
      {"additional_locations", Expr::list(std::move(additional))},
  });
}

Expr region(const Estate& e, const model::Region& r,
            const std::vector<std::pair<std::string_view, std::string_view>>& pg_parameters,
            const services::monitoring::BoundaryInsights& insights) {
  std::vector<Entry> fields{
      {"location", str(r.location.value)},
      {"boundary", str(r.boundary_name.value)},
      {"failover", str_or_null(r.failover.value)},
      {"resource_group_name", str(e.names.region(r.key, "rg"))},
      {"network", network(e, r)},
      {"aks", aks(e, r)},
      {"search", search(e, r)},
      {"openai", openai(e, r)},
      {"redis", redis(e, r)},
      {"storage", storage(e, r)},
      {"keyvault", keyvault(e, r)},
      {"monitoring", monitoring(e, r, insights)},
      {"private_dns", private_dns(r, e)},
  };
  // Only topologies with a PostgreSQL server carry the field, so the others'
  // trees stay as they were.
  if (e.any_region(model::Service::kPostgres)) {
    fields.push_back({"postgres", r.postgres ? postgres(e, r, pg_parameters) : Expr::null()});
  }
  if (e.any_region(model::Service::kServiceBus)) {
    fields.push_back({"servicebus", r.servicebus ? servicebus(e, r) : Expr::null()});
  }
  if (e.any_blob_events) fields.push_back({"eventgrid", eventgrid(e, r)});
  if (e.any_region(model::Service::kManagedRedis)) {
    fields.push_back({"managed_redis", r.managed_redis ? managed_redis(e, r) : Expr::null()});
  }
  if (e.any_region(model::Service::kBackup)) {
    fields.push_back({"backup", r.backup ? backup(e, r) : Expr::null()});
  }
  if (e.any_region(model::Service::kAppService)) {
    fields.push_back({"app_service", r.app_service ? app_service(e, r) : Expr::null()});
  }

  if (e.any_region(model::Service::kContainerApps)) {
    fields.push_back(
        {"container_apps", r.container_apps ? container_apps(e, r) : Expr::null()});
  }
  if (e.any_region(model::Service::kAutomation)) {
    fields.push_back({"automation", r.automation ? automation(e, r) : Expr::null()});
  }
  if (e.any_region(model::Service::kApiManagement)) {
    fields.push_back(
        {"api_management", r.api_management ? api_management(e, r) : Expr::null()});
  }
  if (!e.diagnostic_settings.empty()) fields.push_back({"diagnostics", diagnostics(e, r)});
  return Expr::object(std::move(fields));
}

// Periodic backups default to geo-redundant storage in the paired region;
// they stay geo-redundant only when that pair is one of the account's own
// locations, else zone-redundant (or local where the region has no zones).
Expr backup(const model::Cosmos& c, const CosmosAccount& a) {
  if (c.backup.value != "Periodic") {
    return Expr::object({{"type", str("Continuous")}, {"tier", str(c.backup.value)}});
  }
  return Expr::object({{"type", str("Periodic")},
                       {"interval_in_minutes", num(240)},
                       {"retention_in_hours", num(8)},
                       {"storage_redundancy", str(periodic_backup_redundancy(a))}});
}

Expr cosmos_account(const Estate& e, const CosmosAccount& a) {
  const model::Topology& t = *e.topology;
  std::vector<Expr> geo;
  for (const GeoLocation& g : a.geo_locations) {
    geo.push_back(Expr::inline_object({{"location", str(g.location)},
                                       {"failover_priority", num(g.failover_priority)},
                                       {"zone_redundant", Expr::boolean(g.zone_redundant)}}));
  }
  std::vector<Entry> endpoints;
  for (const model::Region* r : a.endpoint_regions) {
    endpoints.push_back(
        {r->key, Expr::object({
                     {"name", str(e.names.region(
                                  r->key, a.non_personal ? "pep.cosmos_global" : "pep.cosmos"))},
                     {"location", str(r->location.value)},
                     {"resource_group_name", str(e.names.region(r->key, "rg"))},
                 })});
  }
  std::vector<std::string> network_rule_regions;
  for (const model::Region* r : a.network_rule_regions) network_rule_regions.push_back(r->key);
  std::sort(endpoints.begin(), endpoints.end(),
            [](const Entry& x, const Entry& y) { return x.first < y.first; });
  std::sort(network_rule_regions.begin(), network_rule_regions.end());
  std::vector<Entry> fields{
      {"name", str(a.name)},
      {"resource_group_name", str(a.resource_group)},
      {"location", str(a.location)},
      {"geo_locations", Expr::list(std::move(geo))},
      {"backup", backup(*t.cosmos, a)},
      {"private_endpoints", Expr::object(std::move(endpoints))},
      {"network_rule_regions", Expr::string_list(network_rule_regions)},
  };
  // The diagnostic setting's name and workspace region, on every account
  // once one has a setting (null for the others).
  if (std::any_of(e.cosmos.begin(), e.cosmos.end(), [&](const CosmosAccount& x) {
        return services::cosmos::log_region(t, x) != nullptr;
      })) {
    const model::Region* ws = services::cosmos::log_region(t, a);
    fields.push_back({"diagnostics", ws ? Expr::object({
                                              {"name", str(e.names.region(ws->key, "diag"))},
                                              {"workspace_region", str(ws->key)},
                                          })
                                        : Expr::null()});
  }
  return Expr::object(std::move(fields));
}

// A registry's settings; its private endpoints and pulling clusters keyed
// by region.
Expr registry(const Estate& e, const estate::ContainerRegistry& plan) {
  const model::Registry& reg = *plan.registry;
  std::vector<Expr> georeplications;
  for (const auto& replication : plan.replications) {
    georeplications.push_back(Expr::inline_object(
        {{"location", str(replication.location)},
         {"zone_redundancy_enabled", Expr::boolean(replication.zone_redundant)}}));
  }
  std::vector<Entry> endpoints;
  for (const model::Region* r : plan.endpoint_regions) {
    endpoints.push_back(
        {r->key, Expr::object({
                     {"name", str(e.names.region(r->key, "pep.registry." + reg.name))},
                     {"location", str(r->location.value)},
                     {"resource_group_name", str(e.names.region(r->key, "rg"))},
                 })});
  }
  std::vector<std::string> pull_regions;
  for (const model::Region* r : plan.pull_regions) pull_regions.push_back(r->key);
  std::sort(endpoints.begin(), endpoints.end(),
            [](const Entry& x, const Entry& y) { return x.first < y.first; });
  std::sort(pull_regions.begin(), pull_regions.end());
  return Expr::object({
      {"name", str(plan.name)},
      {"home", str(plan.home->key)},
      {"location", str(plan.home->location.value)},
      {"sku", str(model::to_string(reg.sku.value))},
      {"zone_redundancy_enabled", Expr::boolean(reg.zone_redundant.value)},
      {"georeplications", Expr::list(std::move(georeplications))},
      {"private_endpoints", Expr::object(std::move(endpoints))},
      {"pull_regions", Expr::string_list(pull_regions)},
  });
}

Expr boundary(const Estate& e, const BoundaryPlan& b) {
  std::vector<std::string> regions, deny_geo;
  for (const model::Region* r : b.regions) regions.push_back(r->key);
  std::vector<Entry> data_names, region_names;
  for (const PolicyScope& s : b.policy_scopes) {
    if (s.key == "data") {
      data_names.push_back({"data", str(s.assignment_name)});
      continue;
    }
    std::string region_key = s.key.substr(std::string_view("region-").size());
    region_names.push_back({region_key, str(s.assignment_name)});
    if (s.deny_geo_redundant_storage) deny_geo.push_back(region_key);
  }
  auto by_key = [](const Entry& x, const Entry& y) { return x.first < y.first; };
  std::sort(region_names.begin(), region_names.end(), by_key);
  std::sort(regions.begin(), regions.end());
  std::sort(deny_geo.begin(), deny_geo.end());
  return Expr::object({
      {"allowed_locations", Expr::string_list(b.boundary->allowed_locations)},
      {"regions", Expr::string_list(regions)},
      {"has_data_resource_group", Expr::boolean(b.has_data_resource_group)},
      {"policy", Expr::object({
                     {"definition_name", str(b.policy_name)},
                     {"data_assignment_names", Expr::object(std::move(data_names))},
                     {"region_assignment_names", Expr::object(std::move(region_names))},
                     {"deny_geo_redundant_storage_regions", Expr::string_list(deny_geo)},
                 })},
  });
}

// The containers of one data class, by name, with their merge procedures.
void container_settings(const std::string& database, const model::Cosmos& c, model::DataClass data,
                        std::vector<Entry>& containers, std::vector<Entry>& procedures) {
  std::vector<const model::Container*> sorted;
  for (const model::Container& k : c.containers) {
    if (k.data.value == data) sorted.push_back(&k);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->name < b->name; });
  for (const model::Container* k : sorted) {
    auto [included, excluded] = k->index_paths();
    std::vector<Entry> conflict;
    if (k->conflict.value == model::ConflictPolicy::kCustom && k->procedure) {
      conflict = {{"mode", str("Custom")},
                  {"procedure", str(fmt::format("dbs/{}/colls/{}/sprocs/{}", database,
                                                k->name, k->procedure->name))}};
      procedures.push_back({k->name, Expr::object({{"name", str(k->procedure->name)},
                                                   {"body", str(k->procedure->body)}})});
    } else {
      // Region-scoped containers are written in one region only by design;
      // Cosmos DB still needs a policy, and last-writer-wins never fires.
      conflict = {{"mode", str("LastWriterWins")}, {"path", str(k->conflict_path.value)}};
    }
    containers.push_back(
        {k->name, Expr::object({
                      {"partition_key_paths", Expr::string_list({k->partition_key.value})},
                      {"default_ttl", k->ttl_seconds.value == 0 ? Expr::null() : num(k->ttl_seconds.value)},
                      {"max_throughput", num(k->max_throughput.value)},
                      {"included_paths", Expr::string_list(included)},
                      {"excluded_paths", Expr::string_list(excluded)},
                      {"conflict_resolution", Expr::object(std::move(conflict))},
                  })});
  }
}

Expr cosmos_settings(const Estate& e) {
  const model::Cosmos& c = *e.topology->cosmos;
  const std::string& database = e.cosmos.front().database;
  std::vector<Entry> consistency{{"level", str(model::to_string(c.consistency.value))}};
  if (c.consistency.value == model::Consistency::kBoundedStaleness) {
    consistency.push_back({"max_interval_in_seconds", num(c.max_staleness_seconds.value)});
    consistency.push_back({"max_staleness_prefix", num(c.max_staleness_prefix.value)});
  }
  // The personal containers (every account's but the global one), and the
  // non-personal ones of the global account when it exists.
  std::vector<Entry> containers, procedures, global_containers, global_procedures;
  container_settings(database, c, model::DataClass::kPersonal, containers, procedures);
  bool global = std::any_of(e.cosmos.begin(), e.cosmos.end(),
                            [](const CosmosAccount& a) { return a.non_personal; });
  if (global) {
    container_settings(database, c, model::DataClass::kNonPersonal, global_containers,
                       global_procedures);
  }
  std::vector<Entry> settings{
      {"database_name", str(database)},
      {"consistency", Expr::object(std::move(consistency))},
      {"multiple_write_locations_enabled", Expr::boolean(c.multi_write.value)},
      {"automatic_failover_enabled", Expr::boolean(c.automatic_failover.value)},
      {"containers", Expr::object(std::move(containers))},
      {"stored_procedures", Expr::object(std::move(procedures))},
  };
  if (global) {
    settings.push_back({"global_containers", Expr::object(std::move(global_containers))});
    settings.push_back({"global_stored_procedures", Expr::object(std::move(global_procedures))});
  }
  return Expr::object(std::move(settings));
}

Expr frontdoor(const Estate& e) {
  const model::FrontDoor& fd = *e.topology->frontdoor;
  std::vector<Entry> groups, origins, routes, rules;
  for (const OriginGroup& g : e.origin_groups) {
    groups.push_back({g.key, Expr::object({{"name", str(g.name)},
                                           {"session_affinity_enabled",
                                            Expr::boolean(g.session_affinity)}})});
  }
  for (const Origin& o : e.origins) {
    origins.push_back({o.key, Expr::object({
                                          {"name", str(o.name)},
                                          {"region", str(o.region->key)},
                                          {"origin_group", str(o.group)},
                                          {"priority", num(o.priority)},
                                          {"weight", num(o.weight)},
                                          {"location", str(o.region->location.value)},
                                      })});
  }
  for (const RoutePlan& plan : e.routes) {
    const model::FrontDoorRoute& r = *plan.route;
    std::vector<std::string> patterns;
    for (const auto& p : r.patterns) patterns.push_back(p.value);
    std::vector<Entry> route{
        {"name", str(e.names.get("frontdoor.route." + r.name))},
        {"patterns", Expr::string_list(patterns)},
        {"https_only", Expr::boolean(r.https_only.value)},
        {"origin_group", str(plan.origin_group)},
        {"alternate", Expr::boolean(plan.alternate)},
    };
    // Only cached routes carry `cache`: the module writes the block for them alone.
    if (r.cache) route.push_back({"cache", route_cache(*r.cache)});
    routes.push_back({r.name, Expr::object(std::move(route))});
  }
  for (const GeoRule& g : e.geo_rules) {
    rules.push_back({g.key, Expr::object({
                                {"name", str(g.name)},
                                {"order", num(g.order)},
                                {"countries", Expr::string_list(g.countries)},
                                {"origin_group", str(g.group)},
                                {"alternate", Expr::boolean(g.alternate)},
                            })});
  }
  std::vector<Entry> domains;
  for (const model::FrontDoorDomain& d : fd.domains) {
    std::vector<Entry> fields{{"name", str(e.names.get("frontdoor.domain." + d.host))}};
    if (!d.zone.value.empty()) {
      fields.push_back({"zone", str(d.zone.value)});
      fields.push_back({"record_name", str(d.relative_name())});
    }
    if (!d.managed_certificate()) {
      fields.push_back(
          {"certificate", Expr::object({
                              {"vault", str(d.vault.value)},
                              {"name", str(d.certificate.value)},
                              {"secret_name", str(e.names.get("frontdoor.secret." + d.host))},
                          })});
    }
    domains.push_back({d.host, Expr::object(std::move(fields))});
  }
  auto by_key = [](const Entry& a, const Entry& b) { return a.first < b.first; };
  std::sort(domains.begin(), domains.end(), by_key);
  std::sort(groups.begin(), groups.end(), by_key);
  std::sort(origins.begin(), origins.end(), by_key);
  std::sort(routes.begin(), routes.end(), by_key);
  std::sort(rules.begin(), rules.end(), by_key);
  std::vector<Entry> waf_settings{
      {"name", str(e.names.get("frontdoor.waf"))},
      {"security_policy_name", str(e.names.get("frontdoor.security_policy"))},
      {"mode", str(fd.waf_mode.value)},
      {"managed_rule_sets", Expr::object({
                                {"Microsoft_BotManagerRuleSet", str("1.1")},
                                {"Microsoft_DefaultRuleSet", str("2.1")},
                            })},
  };
  if (fd.denies_unrouted()) {
    std::vector<Expr> groups;
    for (const auto& g : services::frontdoor::admitted_country_groups(fd)) {
      groups.push_back(Expr::string_list(g));
    }
    waf_settings.push_back(
        {"deny_unrouted",
         Expr::object({{"name", str(services::frontdoor::kDenyUnroutedRuleName)},
                       {"admitted_countries", Expr::list(std::move(groups))}})});
  }
  if (!fd.rate_limits.empty()) {
    std::vector<Expr> limits;
    for (size_t i = 0; i < fd.rate_limits.size(); ++i) {
      const model::FrontDoorRateLimit& l = fd.rate_limits[i];
      services::frontdoor::RateLimitMatch match = services::frontdoor::rate_limit_match(l);
      limits.push_back(Expr::object({
          {"name", str(l.rule_name())},
          {"priority", num(services::frontdoor::kFirstRateLimitPriority + static_cast<int64_t>(i))},
          {"duration_in_minutes", num(l.window_minutes.value)},
          {"threshold", num(l.requests.value)},
          {"match_variable", str(match.variable)},
          {"operator", str(match.op)},
          {"match_values", Expr::string_list(match.values)},
      }));
    }
    waf_settings.push_back({"rate_limits", Expr::list(std::move(limits))});
  }
  Expr waf = !fd.waf.value ? Expr::null() : Expr::object(std::move(waf_settings));
  std::vector<Entry> settings{
      {"profile_name", str(e.names.get("frontdoor.profile"))},
      {"endpoint_name", str(e.names.get("frontdoor.endpoint"))},
      {"sku_name", str(fd.sku.value)},
      {"load_balancing", Expr::object({
                             {"additional_latency_in_milliseconds", num(fd.latency_sensitivity_ms.value)},
                             {"sample_size", num(fd.sample_size.value)},
                             {"successful_samples_required", num(fd.successful_samples.value)},
                         })},
      {"health_probe", Expr::object({
                           {"path", str(fd.probe_path.value)},
                           {"protocol", str(fd.probe_protocol.value)},
                           {"request_type", str(fd.probe_method.value)},
                           {"interval_in_seconds", num(fd.probe_interval_seconds.value)},
                       })},
      {"rule_set_name", str(e.names.get("frontdoor.rule_set"))},
      {"alternate_rule_set_name", fd.has_alternate_affinity() && !e.geo_rules.empty()
                                      ? str(e.names.get("frontdoor.rule_set.alternate"))
                                      : Expr::null()},
      {"origin_groups", Expr::object(std::move(groups))},
      {"origins", Expr::object(std::move(origins))},
      {"routes", Expr::object(std::move(routes))},
      {"geo_rules", Expr::object(std::move(rules))},
  };
  if (!domains.empty()) settings.push_back({"custom_domains", Expr::object(std::move(domains))});
  if (!e.certificate_vaults.empty()) {
    settings.push_back({"certificate_vaults", Expr::string_list(e.certificate_vaults)});
  }
  settings.push_back({"waf", std::move(waf)});
  return Expr::object(std::move(settings));
}

// "P99 replication latency between regions above 500 on cosno-rag-eu-prod".
std::string alert_description(const AlertInstance& a) {
  const char* comparison = services::alerts::comparison_words(a.alert->comparison.value);
  const char* unit = a.metric->unit == catalog::MetricUnit::kMilliseconds ? " ms"
                     : a.metric->unit == catalog::MetricUnit::kSeconds    ? " s"
                     : a.metric->unit == catalog::MetricUnit::kPercent    ? "%"
                                                                          : "";
  return fmt::format("{} {} {}{} on {}", a.metric->description, comparison, a.alert->threshold.value,
                     unit, a.watched);
}

Expr activity_alerts(const Estate& e) {
  std::vector<Entry> entries;
  for (const estate::ActivityAlertInstance& a : e.activity_alerts) {
    std::vector<Entry> fields{{"name", str(a.name)},
                              {"location", str(a.location)},
                              {"description", str(services::alerts::activity_description(a))},
                              {"category", str(a.category)}};
    if (!a.operation.empty()) fields.push_back({"operation_name", str(a.operation)});
    if (!a.resource_type.empty()) fields.push_back({"resource_type", str(a.resource_type)});
    if (a.category == "ServiceHealth") {
      fields.push_back({"service_health",
                        Expr::object({{"events", Expr::string_list(a.events)},
                                      {"locations", Expr::string_list(a.regions)}})});
    }
    fields.push_back({"action_groups", Expr::string_list(a.groups)});
    entries.push_back({a.key, Expr::object(std::move(fields))});
  }
  return Expr::object(std::move(entries));
}

Expr alerts(const Estate& e) {
  std::vector<Entry> entries;
  for (const AlertInstance& a : e.alerts) {
    const catalog::MetricInfo& m = *a.metric;
    Expr dimension = m.dimension.empty()
                         ? Expr::null()
                         : Expr::object({{"name", str(m.dimension)},
                                         {"values", Expr::string_list({std::string(m.dimension_value)})}});
    entries.push_back(
        {a.key, Expr::object({
                    {"name", str(a.name)},
                    {"resource_group_name", str(a.resource_group)},
                    {"description", str(alert_description(a))},
                    {"severity", num(a.alert->severity.value)},
                    {"frequency", str(iso_duration(a.alert->frequency_seconds.value))},
                    {"window_size", str(iso_duration(a.alert->window_seconds.value))},
                    {"metric_namespace", str(m.namespace_)},
                    {"metric_name", str(m.metric)},
                    {"aggregation", str(m.aggregation)},
                    {"operator", str(model::to_string(a.alert->comparison.value))},
                    {"threshold", Expr::number(a.alert->threshold.value)},
                    {"dimension", std::move(dimension)},
                    {"action_groups", Expr::string_list(a.groups)},
                    {"target", str(a.target)},
                    {"target_key", str(a.target_key)},
                })});
  }
  return Expr::object(std::move(entries));
}

Expr log_alerts(const Estate& e) {
  std::vector<Entry> entries;
  for (const estate::LogAlertInstance& a : e.log_alerts) {
    entries.push_back(
        {a.key, Expr::object({
                    {"name", str(a.name)},
                    {"resource_group_name", str(a.resource_group)},
                    {"location", str(a.region->location.value)},
                    {"description", str(a.description)},
                    {"severity", num(a.alert->severity.value)},
                    {"frequency", str(iso_duration(a.alert->frequency_seconds.value))},
                    {"window_size", str(iso_duration(a.alert->window_seconds.value))},
                    {"query", str(a.query)},
                    {"operator", str(model::to_string(a.alert->comparison.value))},
                    {"threshold", Expr::number(a.alert->threshold.value)},
                    {"action_groups", Expr::string_list(a.groups)},
                    {"region", str(a.region->key)},
                })});
  }
  return Expr::object(std::move(entries));
}

Expr availability_tests(const Estate& e) {
  std::vector<Entry> entries;
  for (const estate::AvailabilityTestInstance& x : e.availability_tests) {
    const model::AvailabilityTest& a = *x.test;
    std::vector<Entry> fields{
        {"name", str(x.name)},
        {"resource_group_name", str(x.resource_group)},
        {"location", str(x.region->location.value)},
        {"description", str(services::alerts::availability_description(x))},
        {"url", str(a.url.value)},
        {"frequency", num(a.frequency_seconds.value)},
        {"timeout", num(a.timeout_seconds.value)},
        {"expected_status_code", num(a.status.value)},
        {"geo_locations", Expr::string_list(x.probe_ids)},
        {"alert_name", str(x.alert_name)},
        {"alert_resource_group_name", str(x.alert_resource_group)},
        {"alert_window_size", str(services::alerts::availability_window(a))},
        {"severity", num(a.severity.value)},
        {"failed_locations", num(x.failed_locations)},
    };
    if (a.certificate_days.explicit_)
      fields.push_back({"certificate_days", num(a.certificate_days.value)});
    if (!x.duration_alert_name.empty()) {
      fields.push_back({"duration_alert_name", str(x.duration_alert_name)});
      fields.push_back({"slower_than_ms", num(a.slower_than_ms.value)});
    }
    fields.push_back({"action_groups", Expr::string_list(x.groups)});
    fields.push_back({"region", str(x.region->key)});
    entries.push_back({x.key, Expr::object(std::move(fields))});
  }
  return Expr::object(std::move(entries));
}

}  // namespace

hcl::Body root_locals(const Estate& e, const services::monitoring::BoundaryInsights& insights) {
  const model::Topology& t = *e.topology;
  hcl::Body locals;
  locals.comment("Tags on every resource; the residency policy requires the topology's own.");
  locals.attribute("common_tags", string_map(e.tags));
  locals.blank();
  locals.comment("Residency boundaries that hold regions, keyed by boundary name.");
  std::vector<Entry> boundaries;
  for (const BoundaryPlan& b : e.boundaries) boundaries.push_back({b.boundary->name, boundary(e, b)});
  std::sort(boundaries.begin(), boundaries.end(),
            [](const Entry& a, const Entry& b) { return a.first < b.first; });
  locals.attribute("boundaries", Expr::object(std::move(boundaries)));
  locals.blank();
  locals.comment("Regions keyed by region key; a service a region does not run is null.");
  std::vector<Entry> regions;
  const auto pg_parameters = services::postgres::server_parameters(t);
  for (const model::Region& r : t.regions) {
    regions.push_back({r.key, region(e, r, pg_parameters, insights)});
  }
  std::sort(regions.begin(), regions.end(), [](const Entry& a, const Entry& b) { return a.first < b.first; });
  locals.attribute("regions", Expr::object(std::move(regions)));
  if (!e.peerings.empty()) {
    locals.blank();
    locals.comment("VNet peerings, one per direction, keyed \"<local>/<remote>\" by region key.");
    std::vector<Entry> peerings;
    for (const VnetPeering& p : e.peerings) {
      peerings.push_back({p.key, Expr::object({{"local", str(p.local->key)},
                                               {"remote", str(p.remote->key)},
                                               {"name", str(p.name)},
                                               {"remote_zones", Expr::string_list(p.remote_zones)},
                                               {"link_name", str(p.link_name)}})});
    }
    std::sort(peerings.begin(), peerings.end(),
              [](const Entry& a, const Entry& b) { return a.first < b.first; });
    locals.attribute("vnet_peerings", Expr::object(std::move(peerings)));
  }
  if (!e.cosmos.empty()) {
    locals.blank();
    locals.comment("Cosmos DB accounts keyed by the boundary whose data they hold.");
    std::vector<Entry> accounts;
    for (const CosmosAccount& a : e.cosmos) accounts.push_back({a.key, cosmos_account(e, a)});
    std::sort(accounts.begin(), accounts.end(),
              [](const Entry& x, const Entry& y) { return x.first < y.first; });
    locals.attribute("cosmos_accounts", Expr::object(std::move(accounts)));
    locals.blank();
    locals.comment("Database and containers, the same in every account.");
    locals.attribute("cosmos", cosmos_settings(e));
  }
  std::vector<Entry> registries;
  for (const estate::ContainerRegistry& reg : e.registries) {
    registries.push_back({reg.registry->name, registry(e, reg)});
  }
  if (!registries.empty()) {
    std::sort(registries.begin(), registries.end(),
              [](const Entry& x, const Entry& y) { return x.first < y.first; });
    locals.blank();
    locals.comment("Container registries keyed by name, each in its home region's group.");
    locals.attribute("registries", Expr::object(std::move(registries)));
  }
  if (e.has_frontdoor()) {
    locals.blank();
    locals.attribute("frontdoor", frontdoor(e));
  }
  if (!e.alerts.empty()) {
    locals.blank();
    locals.comment("Metric alerts keyed by \"<alert>/<watched resource>\".");
    locals.attribute("alerts", alerts(e));
  }
  if (!e.log_alerts.empty()) {
    locals.blank();
    locals.comment("Log search alerts keyed by \"<alert>/<region>\", each on the region's Application Insights.");
    locals.attribute("log_alerts", log_alerts(e));
  }
  if (!e.availability_tests.empty()) {
    locals.blank();
    locals.comment("Availability tests keyed by name, each recorded by a region's Application Insights.");
    locals.attribute("availability_tests", availability_tests(e));
  }
  if (!e.activity_alerts.empty()) {
    locals.blank();
    locals.comment("Activity-log alerts on the subscription, keyed by alert name.");
    locals.attribute("activity_alerts", activity_alerts(e));
  }
  if (!t.traffic_managers.empty()) {
    locals.blank();
    locals.comment("Traffic Manager profiles keyed by name; endpoints keyed by \"<profile>/<endpoint>\".");
    locals.attribute("traffic_manager", traffic_manager_locals(e));
  }
  return locals;
}

}  // namespace topoc::emit::terraform
