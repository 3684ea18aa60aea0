// A region's Azure Managed Redis (cluster and default database in one
// azurerm resource), its private endpoint, and the active geo-replication
// groups linking several regions' instances. Every member of a group holds
// the whole data set of every other member, so each member has a replica
// placement in each other member's location (rule R010).
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/services/managed_redis/geo_groups.h"
#include "compiler/services/registry.h"

namespace topoc::services::managed_redis {

void plan(estate::Estate& e) {
  const std::vector<GeoGroup> groups = geo_groups(*e.topology);
  for (const model::Region& r : e.topology->regions) {
    if (!r.managed_redis) continue;
    const model::Redis& c = *r.managed_redis;
    const std::string k = estate::instance(r.key);
    const std::string& name = e.names.region(r.key, "managed_redis");
    nlohmann::json attrs = {{"sku_name", c.sku.value},
                            {"high_availability_enabled", c.high_availability.value},
                            {"public_network_access", "Disabled"}};
    if (!c.geo_replication.value.empty()) {
      attrs["geo_replication_group_name"] = c.geo_replication.value;
    }
    auto& cache =
        estate::add_regional(e, r, "module.managed_redis" + k + ".azurerm_managed_redis.this",
                             "azurerm_managed_redis", name, r.location.value, attrs, true);
    cache.source = c.location;
    cache.placements.push_back(estate::follows_region(r, "the Managed Redis instance"));
    if (const GeoGroup* g = group_of(groups, r)) {
      for (const model::Region* other : g->members) {
        if (other == &r) continue;
        estate::Placement p{estate::PlacementKind::kReplica, {other->location.value}};
        p.from = r.location.value;
        p.reasons.push_back(
            {c.geo_replication.location,
             fmt::format("the Managed Redis instance `{}` of region `{}` is in the active "
                         "geo-replication group `{}` with region `{}`: `{}` holds a full copy "
                         "of its data",
                         name, r.key, g->name, other->key, other->location.value)});
        cache.placements.push_back(std::move(p));
      }
    }
    estate::add_private_endpoint(e, r, "managed_redis", "amr", "redisEnterprise");
  }
  for (const GeoGroup& g : groups) {
    // A group of one links nothing; azurerm needs at least one linked id.
    if (g.members.size() < 2) continue;
    const model::Region& first = *g.members.front();
    nlohmann::json linked = nlohmann::json::array();
    for (size_t i = 1; i < g.members.size(); ++i) {
      linked.push_back(e.names.region(g.members[i]->key, "managed_redis"));
    }
    estate::add_regional(
        e, first, "azurerm_managed_redis_geo_replication.managed_redis" + estate::instance(g.name),
        "azurerm_managed_redis_geo_replication", "", first.location.value,
        {{"linked_managed_redis", linked}}, false)
        .source = first.managed_redis->geo_replication.location;
  }
}

}  // namespace topoc::services::managed_redis
