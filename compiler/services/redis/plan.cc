// A region's Redis cache (clustered when it has shards), its geo-replica (a
// replica placement, rule R007) with the link and private endpoint that
// serve it, and its own endpoint.
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/residency/wordings.h"
#include "compiler/services/registry.h"

namespace topoc::services::redis {

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
  }
}

}  // namespace topoc::services::redis
