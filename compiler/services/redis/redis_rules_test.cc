// Redis tier rules A004-A005, S020 and S021-S023, and the placements of a
// persisted cache's storage account (R011).
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace redis_rules_test {

using Lines = std::vector<std::string>;

// A one-region topology in West Europe running only Redis, configured by `redis`.
std::string redis_with(std::string_view redis) {
  return fmt::format(R"(topology "t" {{
  boundary "eu" {{ geography = eu-data-boundary }}
  region "eu" {{ location = westeurope  services = [redis]  address = 10.2.0.0/16
    redis {{ {} }}
  }}
}}
)",
                     redis);
}

// A004

TEST(RedisGeoReplicationTier, PremiumReplicaPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(redis_with("sku = premium  geo_replica = northeurope")));
}

TEST(RedisGeoReplicationTier, StandardWithoutReplicaPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(redis_with("sku = standard  capacity = 0")));
}

TEST(RedisGeoReplicationTier, WrittenStandardTierPointsAtTheTier) {
  std::string text = redis_with("sku = standard  geo_replica = northeurope");
  EXPECT_EQ(Lines{"A004 4:19 the `standard` Redis cache of region `eu` cannot have a geo-replica: "
                  "passive geo-replication links only Premium caches"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ(Lines{"4:43 geo-replica in `northeurope` asked for here"}, notes_of(result, d));
  EXPECT_EQ("use `sku = premium` (sizes P1 to P5), or remove `geo_replica`", d.help);
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("premium", d.fixit->replacement);
}

TEST(RedisGeoReplicationTier, BasicTierIsRefusedToo) {
  EXPECT_EQ(Lines{"A004 4:19 the `basic` Redis cache of region `eu` cannot have a geo-replica: "
                  "passive geo-replication links only Premium caches"},
            diagnostics_of(redis_with("sku = basic  geo_replica = northeurope")));
}

// Without a tier the block runs Azure Managed Redis, which S050 tells.
TEST(RedisGeoReplicationTier, DefaultIsManagedRedisNotACache) {
  EXPECT_EQ(Lines{"S050 4:27 `geo_replica` is an Azure Cache for Redis setting, but region `eu` "
                  "runs Azure Managed Redis `Balanced_B3`"},
            diagnostics_of(redis_with("geo_replica = northeurope")));
}

// A005

TEST(RedisCapacityInTier, PremiumSizesPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(redis_with("sku = premium  capacity = 1")));
  EXPECT_EQ(Lines{}, diagnostics_of(redis_with("sku = premium  capacity = 5")));
  EXPECT_EQ(Lines{}, diagnostics_of(redis_with("sku = basic  capacity = 6")));
}

TEST(RedisCapacityInTier, PremiumHasNoP0) {
  std::string text = redis_with("sku = premium  capacity = 0");
  EXPECT_EQ(Lines{"A005 4:39 the Premium Redis cache of region `eu` has capacity 0, but Premium "
                  "sizes are P1 to P5"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ("use `capacity = 1` (P1)", d.help);
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("1", d.fixit->replacement);
}

TEST(RedisCapacityInTier, PremiumHasNoP6) {
  std::string text = redis_with("sku = premium  capacity = 6");
  EXPECT_EQ(Lines{"A005 4:39 the Premium Redis cache of region `eu` has capacity 6, but Premium "
                  "sizes are P1 to P5"},
            diagnostics_of(text));
  auto result = check_text(text);
  ASSERT_TRUE(result.sink.diagnostics().at(0).fixit);
  EXPECT_EQ("5", result.sink.diagnostics().at(0).fixit->replacement);
}

// S020

TEST(RedisShardsTier, PremiumClusterPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(redis_with("sku = premium  shards = 1")));
  EXPECT_EQ(Lines{},
            diagnostics_of(redis_with("sku = premium  shards = 10  geo_replica = northeurope")));
}

TEST(RedisShardsTier, WrittenStandardTierIsNoted) {
  std::string text = redis_with("sku = standard  shards = 3");
  EXPECT_EQ(Lines{"S020 4:38 the `standard` Redis cache of region `eu` cannot be clustered: only "
                  "Premium caches take `shards`"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ(Lines{"4:19 the tier is `standard` here"}, notes_of(result, d));
  EXPECT_EQ("use `sku = premium` (sizes P1 to P5), or remove `shards`", d.help);
}

TEST(RedisShardsTier, DefaultIsManagedRedisNotACache) {
  EXPECT_EQ(Lines{"S050 4:22 `shards` is an Azure Cache for Redis setting, but region `eu` runs "
                  "Azure Managed Redis `Balanced_B3`"},
            diagnostics_of(redis_with("shards = 2")));
}

TEST(RedisShardsTier, BasicTierIsRefusedToo) {
  EXPECT_EQ(Lines{"S020 4:35 the `basic` Redis cache of region `eu` cannot be clustered: only "
                  "Premium caches take `shards`"},
            diagnostics_of(redis_with("sku = basic  shards = 1")));
}

TEST(RedisShardsTier, ShardCountOutsideOneToTenIsOutOfRange) {
  EXPECT_EQ(Lines{"M011 4:37 `shards` must be between 1 and 10, found 11"},
            diagnostics_of(redis_with("sku = premium  shards = 11")));
  EXPECT_EQ(Lines{"M011 4:37 `shards` must be between 1 and 10, found 0"},
            diagnostics_of(redis_with("sku = premium  shards = 0")));
}

// S021-S023

TEST(RedisPersistence, PremiumRdbAndAofPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(redis_with("sku = premium  persistence = rdb")));
  EXPECT_EQ(Lines{}, diagnostics_of(redis_with("sku = premium  persistence = rdb  "
                                               "rdb_frequency = 15m")));
  EXPECT_EQ(Lines{}, diagnostics_of(redis_with("sku = premium  persistence = rdb  "
                                               "rdb_frequency = 24h")));
  EXPECT_EQ(Lines{}, diagnostics_of(redis_with("sku = premium  persistence = aof  shards = 2")));
  EXPECT_EQ(Lines{}, diagnostics_of(redis_with("sku = premium  persistence = none  "
                                               "geo_replica = northeurope")));
}

TEST(RedisPersistence, StandardTierIsRefused) {
  std::string text = redis_with("sku = standard  persistence = aof");
  EXPECT_EQ(Lines{"S021 4:43 the `standard` Redis cache of region `eu` cannot persist its data: "
                  "only Premium caches take `persistence`"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ(Lines{"4:19 the tier is `standard` here"}, notes_of(result, d));
  EXPECT_EQ("use `sku = premium` (sizes P1 to P5), or remove `persistence`", d.help);
}

TEST(RedisPersistence, ManagedRedisTakesNoPersistenceAccount) {
  EXPECT_EQ(Lines{"S050 4:27 `persistence` is an Azure Cache for Redis setting, but region `eu` "
                  "runs Azure Managed Redis `Balanced_B3`"},
            diagnostics_of(redis_with("persistence = rdb")));
}

TEST(RedisPersistence, GeoReplicatedCacheIsRefused) {
  std::string text = redis_with("sku = premium  geo_replica = northeurope  persistence = rdb");
  EXPECT_EQ(Lines{"S022 4:69 the Redis cache of region `eu` has a geo-replica in `northeurope`: "
                  "Azure does not persist a geo-replicated cache"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"4:42 geo-replica asked for here"},
            notes_of(result, result.sink.diagnostics().at(0)));
}

TEST(RedisPersistence, RdbFrequencyAzureDoesNotOffer) {
  EXPECT_EQ(Lines{"S023 4:63 the Redis cache of region `eu` cannot write an RDB snapshot at that "
                  "interval: Azure offers 15m, 30m, 60m, 6h, 12h and 24h"},
            diagnostics_of(redis_with("sku = premium  persistence = rdb  rdb_frequency = 2h")));
  EXPECT_EQ(Lines{"S023 4:63 the Redis cache of region `eu` cannot write an RDB snapshot at that "
                  "interval: Azure offers 15m, 30m, 60m, 6h, 12h and 24h"},
            diagnostics_of(redis_with("sku = premium  persistence = rdb  rdb_frequency = 90s")));
}

TEST(RedisPersistence, RdbFrequencyWithoutRdb) {
  EXPECT_EQ(Lines{"S023 4:63 `rdb_frequency` sets how often the Redis cache of region `eu` writes "
                  "an RDB snapshot, but the cache persists an append-only file, written at least "
                  "once a second"},
            diagnostics_of(redis_with("sku = premium  persistence = aof  rdb_frequency = 6h")));
  EXPECT_EQ(Lines{"S023 4:44 `rdb_frequency` sets how often the Redis cache of region `eu` writes "
                  "an RDB snapshot, but the cache persists nothing"},
            diagnostics_of(redis_with("sku = premium  rdb_frequency = 6h")));
}

// The persistence account: a backup copy in the cache's location, and a
// geo-pair copy when it is geo-redundant like the region's storage account.

std::string persisted_with_storage(std::string_view allowed, std::string_view replication) {
  return fmt::format(R"(topology "t" {{
  boundary "b" {{ geography = eu-data-boundary  locations = [{}] }}
  region "r" {{ location = westeurope  services = [redis, storage]  address = 10.2.0.0/16
    redis {{ sku = premium  persistence = aof }}
    storage {{ replication = {} }}
  }}
}}
)",
                     allowed, replication);
}

TEST(RedisPersistenceResidency, CopiesInsideTheBoundaryPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(persisted_with_storage("westeurope, northeurope", "GRS")));
  EXPECT_EQ(Lines{}, diagnostics_of(persisted_with_storage("westeurope", "ZRS")));
}

TEST(RedisPersistenceResidency, GeoPairCopyOutsideTheBoundary) {
  // The region's own account is reported too (R004), at its replication.
  EXPECT_EQ(Lines({"R011 4:42 the geo-pair copy of azurerm_storage_account `stredistrprod` is in "
                   "`northeurope`, outside boundary `b`",
                   "R004 5:29 `RAGRS` storage in region `r` replicates to `northeurope`, the pair "
                   "of `westeurope`, outside boundary `b`"}),
            diagnostics_of(persisted_with_storage("westeurope", "RAGRS")));
}

}  // namespace redis_rules_test
}  // namespace topoc::testing
