// A004: passive geo-replication links two Premium caches. Microsoft's
// "Configure passive geo-replication for Premium Azure Cache for Redis
// instances" lists Premium on both caches as a prerequisite and gives Basic
// and Standard no geo-replication at all; the replica topoc creates takes the
// primary's tier, so the tier of the region's cache decides.
#include <fmt/format.h>

#include "compiler/rules/rules.h"
#include "compiler/text/ascii.h"

namespace topoc::rules {

void redis_geo_replication_tier(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.redis) continue;
    const model::Redis& redis = *region.redis;
    if (redis.geo_replica.value.empty() || redis.sku.value == "Premium") continue;
    std::string tier = lower(redis.sku.value);
    std::string message = fmt::format(
        "the `{}` Redis cache of region `{}` cannot have a geo-replica: passive "
        "geo-replication links only Premium caches",
        tier, region.key);
    // A block without a tier runs Azure Managed Redis, so the tier of a
    // cache is always written.
    auto& d = sink.report(diag::Kind::RedisGeoReplicaNeedsPremium, redis.sku.location, message);
    d.notes.push_back({redis.geo_replica.location,
                       fmt::format("geo-replica in `{}` asked for here", redis.geo_replica.value)});
    d.help = "use `sku = premium` (sizes P1 to P5), or remove `geo_replica`";
    d.fixit = diag::FixIt{redis.sku.location, "premium"};
  }
}

}  // namespace topoc::rules
