// S021-S023: persistence of an Azure Cache for Redis to a storage account.
// Microsoft Learn, "Configure data persistence for a Premium Azure Cache for
// Redis instance": persistence is a Premium feature; RDB or AOF, not both;
// "if you enable data persistence, geo-replication can't be enabled"; RDB
// backup frequencies of 15, 30 or 60 minutes, 6, 12 or 24 hours. azurerm
// v4.55.0 (redis_cache_resource.go, validate.CacheBackupFrequency) accepts
// rdb_backup_frequency 15, 30, 60, 360, 720 and 1440 and refuses
// rdb_backup_enabled only on a non-Premium cache, at plan time.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "compiler/rules/rules.h"
#include "compiler/text/ascii.h"

namespace topoc::rules {
namespace {

constexpr std::array<int64_t, 6> kRdbFrequencies = {15, 30, 60, 360, 720, 1440};

bool persisted(const model::Redis& redis) {
  return redis.persistence.value != model::RedisPersistence::kNone;
}

void needs_premium(const model::Region& region, const model::Redis& redis,
                   diag::DiagnosticSink& sink) {
  if (!persisted(redis) || redis.sku.value == "Premium") return;
  std::string tier = lower(redis.sku.value);
  auto& d = sink.report(
      diag::Kind::RedisPersistenceNeedsPremium, redis.persistence.location,
      fmt::format("the `{}` Redis cache of region `{}` cannot persist its data: only Premium "
                  "caches take `persistence`",
                  tier, region.key));
  d.notes.push_back({redis.sku.location, fmt::format("the tier is `{}` here", tier)});
  d.help = "use `sku = premium` (sizes P1 to P5), or remove `persistence`";
}

void not_with_geo_replica(const model::Region& region, const model::Redis& redis,
                          diag::DiagnosticSink& sink) {
  if (!persisted(redis) || redis.geo_replica.value.empty()) return;
  auto& d = sink.report(
      diag::Kind::RedisPersistenceGeoReplica, redis.persistence.location,
      fmt::format("the Redis cache of region `{}` has a geo-replica in `{}`: Azure does not "
                  "persist a geo-replicated cache",
                  region.key, redis.geo_replica.value));
  d.notes.push_back({redis.geo_replica.location, "geo-replica asked for here"});
  d.help =
      "remove `persistence`, or remove `geo_replica` and keep the cache's data in its "
      "persistence account";
}

void rdb_frequency(const model::Region& region, const model::Redis& redis,
                   diag::DiagnosticSink& sink) {
  if (!redis.rdb_frequency.explicit_) return;
  if (redis.persistence.value != model::RedisPersistence::kRdb) {
    auto& d = sink.report(
        diag::Kind::RedisRdbFrequency, redis.rdb_frequency.location,
        fmt::format("`rdb_frequency` sets how often the Redis cache of region `{}` writes an RDB "
                    "snapshot, but the cache persists {}",
                    region.key,
                    redis.persistence.value == model::RedisPersistence::kAof
                        ? "an append-only file, written at least once a second"
                        : "nothing"));
    d.help = "write `persistence = rdb`, or remove `rdb_frequency`";
    return;
  }
  if (std::find(kRdbFrequencies.begin(), kRdbFrequencies.end(), redis.rdb_frequency.value) !=
      kRdbFrequencies.end()) {
    return;
  }
  auto& d = sink.report(
      diag::Kind::RedisRdbFrequency, redis.rdb_frequency.location,
      fmt::format("the Redis cache of region `{}` cannot write an RDB snapshot at that interval: "
                  "Azure offers 15m, 30m, 60m, 6h, 12h and 24h",
                  region.key));
  d.help = "write one of `rdb_frequency = 15m`, `30m`, `60m`, `6h`, `12h` or `24h`";
}

}  // namespace

void redis_persistence(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.redis) continue;
    needs_premium(region, *region.redis, sink);
    not_with_geo_replica(region, *region.redis, sink);
    rdb_frequency(region, *region.redis, sink);
  }
}

}  // namespace topoc::rules
