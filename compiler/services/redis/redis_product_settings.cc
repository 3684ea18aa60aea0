// S050-S051: a `redis` block runs one of two products, picked by `sku`:
// Azure Cache for Redis (basic, standard, premium) or Azure Managed Redis
// (every other SKU, the default). Each has settings the other lacks:
// azurerm v4.55.0 azurerm_redis_cache has `capacity`, `shard_count` and
// azurerm_redis_linked_server; azurerm_managed_redis has none of them, and
// instead `high_availability_enabled` and the default database's
// `geo_replication_group_name`, which azurerm_redis_cache lacks.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

void managed_with_cache_settings(const model::Region& region, const model::Redis& redis,
                                 diag::DiagnosticSink& sink) {
  struct Setting {
    const char* key;
    bool written;
    diag::Location at;
    const char* instead;
  };
  const Setting settings[] = {
      {"capacity", redis.capacity.explicit_, redis.capacity.location,
       "a Managed Redis instance takes its size from `sku` (Balanced_B3, Balanced_B5, ...)"},
      {"shards", redis.shards.explicit_, redis.shards.location,
       "a Managed Redis instance is always clustered; remove `shards`"},
      {"geo_replica", redis.geo_replica.explicit_, redis.geo_replica.location,
       "write `geo_replication = \"<group>\"` in the `redis` block of each region to link"},
      {"persistence", redis.persistence.explicit_, redis.persistence.location,
       "a Managed Redis instance persists to its own disk, not to a storage account; remove "
       "`persistence`"},
      {"rdb_frequency", redis.rdb_frequency.explicit_, redis.rdb_frequency.location,
       "a Managed Redis instance persists to its own disk, not to a storage account; remove "
       "`rdb_frequency`"},
  };
  for (const Setting& s : settings) {
    if (!s.written) continue;
    auto& d = sink.report(
        diag::Kind::ManagedRedisCacheSetting, s.at,
        fmt::format("`{}` is an Azure Cache for Redis setting, but region `{}` runs Azure Managed "
                    "Redis `{}`",
                    s.key, region.key, redis.sku.value));
    if (redis.sku.explicit_) {
      d.notes.push_back({redis.sku.location, fmt::format("`{}` picked here", redis.sku.value)});
      d.help = fmt::format("{}; or write `sku = premium` for an Azure Cache for Redis", s.instead);
    } else {
      d.help = fmt::format(
          "{}; a `redis` block without an Azure Cache for Redis tier runs Azure Managed Redis "
          "(add `sku = premium` to keep an Azure Cache for Redis, retired 2028-09-30)",
          s.instead);
    }
  }
}

void cache_with_managed_settings(const model::Region& region, const model::Redis& redis,
                                 diag::DiagnosticSink& sink) {
  struct Setting {
    const char* key;
    bool written;
    diag::Location at;
  };
  const Setting settings[] = {
      {"high_availability", redis.high_availability.explicit_, redis.high_availability.location},
      {"geo_replication", redis.geo_replication.explicit_, redis.geo_replication.location},
  };
  for (const Setting& s : settings) {
    if (!s.written) continue;
    auto& d = sink.report(
        diag::Kind::RedisCacheManagedSetting, s.at,
        fmt::format("`{}` is an Azure Managed Redis setting, but region `{}` runs an Azure Cache "
                    "for Redis ({})",
                    s.key, region.key, redis.sku.value));
    d.notes.push_back({redis.sku.location, "the Azure Cache for Redis tier is picked here"});
    d.help = std::string_view(s.key) == "geo_replication"
                 ? "pick a Managed Redis size such as `sku = Balanced_B3`, or use `geo_replica` "
                   "for a Premium cache's passive replica"
                 : "pick a Managed Redis size such as `sku = Balanced_B3`, or remove "
                   "`high_availability`";
  }
}

}  // namespace

void redis_product_settings(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (region.managed_redis) managed_with_cache_settings(region, *region.managed_redis, sink);
    if (region.redis) cache_with_managed_settings(region, *region.redis, sink);
  }
}

}  // namespace topoc::rules
