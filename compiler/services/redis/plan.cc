// A region's Redis cache (clustered when it has shards), its geo-replica (a
// replica placement, rule R007) with the link and private endpoint that
// serve it, its own endpoint, and the storage account it persists to (a
// backup copy placement, and a geo-pair copy when that account is
// geo-redundant).
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/estate/add_resource.h"
#include "compiler/residency/wordings.h"
#include "compiler/services/redis/persistence.h"
#include "compiler/services/registry.h"

namespace topoc::services::redis {
namespace {

// Azure requires the persistence account in the cache's own location
// (Microsoft Learn, "Configure data persistence for a Premium Azure Cache for
// Redis instance"), so its files stay where the cache is; a geo-redundant
// account also copies them to the Azure pair.
void plan_persistence(estate::Estate& e, const model::Region& r, const model::Redis& c,
                      const std::string& cache) {
  const std::string k = estate::instance(r.key);
  const std::string& account = e.names.region(r.key, "redis_persistence");
  const model::StorageReplication replication = persistence_replication(r);
  auto& st =
      estate::add_regional(e, r, "module.redis" + k + ".azurerm_storage_account.persistence[0]",
                           "azurerm_storage_account", account, r.location.value,
                           {{"account_tier", "Standard"},
                            {"account_kind", "StorageV2"},
                            {"account_replication_type", model::to_string(replication)},
                            {"min_tls_version", "TLS1_2"}},
                           true);
  st.source = c.persistence.location;
  const char* what = c.persistence.value == model::RedisPersistence::kAof
                         ? "an append-only log of every write"
                         : "RDB snapshots";
  estate::Placement files{estate::PlacementKind::kBackupCopy, {r.location.value}};
  files.from = r.location.value;
  files.reasons.push_back(
      {c.persistence.location,
       fmt::format("the Redis cache `{}` of region `{}` sets `persistence = {}`: {} of the cache "
                   "in `{}`, which Azure requires in the cache's location",
                   cache, r.key, model::dsl_spelling(c.persistence.value), what, account)});
  st.placements.push_back(std::move(files));
  if (!model::is_geo_redundant(replication)) return;
  const catalog::RegionInfo* info = catalog::find_region(r.location.value);
  estate::Placement copy{estate::PlacementKind::kGeoPairCopy};
  copy.from = r.location.value;
  if (info && !info->paired.empty()) {
    copy.locations.push_back(catalog::normalise_location(info->paired));
  } else {
    copy.absent = true;
  }
  copy.reasons.push_back(
      {c.persistence.location,
       fmt::format("`{}` of `{}` copies the Redis persistence files to {}, the Azure pair of {}: "
                   "the account is replicated like region `{}`'s storage account",
                   model::to_string(replication), account,
                   copy.absent ? "no location" : copy.locations[0], r.location.value, r.key)});
  if (r.storage) {
    copy.reasons.push_back({r.storage->replication.location,
                            fmt::format("region `{}`'s storage account is `{}`", r.key,
                                        model::to_string(r.storage->replication.value))});
  }
  st.placements.push_back(std::move(copy));
}

}  // namespace

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.redis) continue;
    const model::Redis& c = *r.redis;
    const std::string k = estate::instance(r.key);
    const std::string& name = e.names.region(r.key, "redis");
    nlohmann::json attrs = {{"sku_name", c.sku.value},
                            {"family", c.sku.value == "Premium" ? "P" : "C"},
                            {"capacity", c.capacity.value},
                            {"minimum_tls_version", "1.2"}};
    // A clustered cache and its replica have the same shard count: passive
    // geo-replication links only caches clustered alike.
    if (c.shards.value > 0) attrs["shard_count"] = c.shards.value;
    // Persistence, compared by drift: off unless asked for.
    nlohmann::json config = {
        {"rdb_backup_enabled", c.persistence.value == model::RedisPersistence::kRdb},
        {"aof_backup_enabled", c.persistence.value == model::RedisPersistence::kAof}};
    if (c.persistence.value == model::RedisPersistence::kRdb) {
      config["rdb_backup_frequency"] = c.rdb_frequency.value;
    }
    attrs["redis_configuration"] = std::move(config);
    auto& cache = estate::add_regional(e, r, "module.redis" + k + ".azurerm_redis_cache.this",
                                       "azurerm_redis_cache", name, r.location.value, attrs, true);
    cache.source = c.location;
    cache.placements.push_back(estate::follows_region(r, "the Redis cache"));
    if (!c.geo_replica.value.empty()) {
      estate::Placement replica{estate::PlacementKind::kReplica, {c.geo_replica.value}};
      replica.from = r.location.value;
      replica.reasons.push_back(
          {c.geo_replica.location,
           fmt::format("the Redis cache `{}` of region `{}` sets `geo_replica = "
                       "\"{}\"`: a full copy of the cache",
                       name, r.key, c.geo_replica.value)});
      replica.checked = c.geo_replica.explicit_;
      replica.wording = residency::redis_replica_outside;
      cache.placements.push_back(std::move(replica));
      estate::add_regional(e, r, "module.redis" + k + ".azurerm_redis_cache.replica[0]",
                           "azurerm_redis_cache", name + "-replica", c.geo_replica.value, attrs,
                           true)
          .source = c.geo_replica.location;
      estate::add_regional(e, r, "module.redis" + k + ".azurerm_redis_linked_server.replica[0]",
                           "azurerm_redis_linked_server", "", c.geo_replica.value,
                           {{"server_role", "Secondary"}}, false)
          .source = c.geo_replica.location;
      if (const naming::RedisReplica* geo = e.redis_replica_of(r)) {
        estate::add_regional(e, r, "module.redis" + k + ".azurerm_private_endpoint.replica[0]",
                             "azurerm_private_endpoint", e.names.region(r.key, "pep.redis_replica"),
                             geo->endpoint_region->location.value,
                             {{"subresource_names", {"redisCache"}}}, true)
            .source = c.geo_replica.location;
      }
    }
    estate::add_private_endpoint(e, r, "redis", "redis", "redisCache");
    if (c.persistence.value != model::RedisPersistence::kNone) plan_persistence(e, r, c, name);
  }
}

}  // namespace topoc::services::redis
