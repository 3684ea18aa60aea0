// S020: clustering (`shards`) is a Premium feature of Azure Cache for Redis.
// Microsoft Learn, "How to configure Redis clustering for a Premium Azure
// Cache for Redis": clustering is only available for Premium caches, with 1
// to 10 shards. azurerm 4.55 passes `shard_count` through unchecked, so a
// Basic or Standard cache with shards would fail only when Azure refuses it.
#include <fmt/format.h>

#include "compiler/rules/rules.h"
#include "compiler/text/ascii.h"

namespace topoc::rules {

void redis_shards_tier(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.redis) continue;
    const model::Redis& redis = *region.redis;
    if (!redis.shards.explicit_ || redis.sku.value == "Premium") continue;
    std::string tier = lower(redis.sku.value);
    auto& d = sink.report(
        diag::Kind::RedisShardsNeedPremium, redis.shards.location,
        fmt::format("the `{}` Redis cache of region `{}` cannot be clustered: only Premium "
                    "caches take `shards`",
                    tier, region.key));
    // A block without a tier runs Azure Managed Redis, so the tier of a
    // cache is always written.
    d.notes.push_back({redis.sku.location, fmt::format("the tier is `{}` here", tier)});
    d.help = "use `sku = premium` (sizes P1 to P5), or remove `shards`";
  }
}

}  // namespace topoc::rules
