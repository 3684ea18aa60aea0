// Azure Managed Redis rules S050-S055 and the product a `redis` block picks.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

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

// Regions of the EU Data Boundary, each with the `redis` block given.
std::string group_of(const std::vector<std::pair<std::string, std::string>>& regions) {
  std::string text = "topology \"t\" {\n  boundary \"eu\" { geography = eu-data-boundary }\n";
  int octet = 10;
  for (const auto& [location, redis] : regions) {
    text += fmt::format(
        "  region \"{0}\" {{ location = {0}  services = [redis]  address = 10.{1}.0.0/16\n"
        "    redis {{ {2} }}\n  }}\n",
        location, octet++, redis);
  }
  return text + "}\n";
}

const model::Region& only_region(const driver::CheckResult& r) {
  return r.models.front()->regions.front();
}

TEST(RedisProduct, BlockWithoutTierRunsManagedRedis) {
  auto result = check_text(redis_with(""));
  ASSERT_FALSE(result.models.empty());
  const model::Region& r = only_region(result);
  ASSERT_TRUE(r.managed_redis);
  EXPECT_FALSE(r.redis);
  EXPECT_EQ("Balanced_B3", r.managed_redis->sku.value);
  EXPECT_TRUE(r.managed_redis->high_availability.value);
  EXPECT_TRUE(r.has(model::Service::kManagedRedis));
  EXPECT_FALSE(r.has(model::Service::kRedis));
}

TEST(RedisProduct, CacheTierRunsAzureCacheForRedis) {
  auto result = check_text(redis_with("sku = premium  capacity = 1"));
  const model::Region& r = only_region(result);
  ASSERT_TRUE(r.redis);
  EXPECT_FALSE(r.managed_redis);
  EXPECT_TRUE(r.has(model::Service::kRedis));
}

// S050

TEST(ManagedRedisCacheSetting, CapacityOnManagedRedisPointsAtSku) {
  std::string text = redis_with("sku = Balanced_B5  capacity = 2");
  EXPECT_EQ(Lines{"S050 4:43 `capacity` is an Azure Cache for Redis setting, but region `eu` runs "
                  "Azure Managed Redis `Balanced_B5`"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ(Lines{"4:19 `Balanced_B5` picked here"}, notes_of(result, d));
}

TEST(ManagedRedisCacheSetting, ShardsWithTheDefaultNamesTheDefault) {
  std::string text = redis_with("shards = 2");
  EXPECT_EQ(Lines{"S050 4:22 `shards` is an Azure Cache for Redis setting, but region `eu` runs "
                  "Azure Managed Redis `Balanced_B3`"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_NE(std::string::npos, d.help.find("add `sku = premium`")) << d.help;
}

TEST(ManagedRedisCacheSetting, GeoReplicaPointsAtGeoReplication) {
  auto result = check_text(redis_with("geo_replica = northeurope"));
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ(diag::Kind::ManagedRedisCacheSetting, d.kind);
  EXPECT_NE(std::string::npos, d.help.find("geo_replication = \"<group>\"")) << d.help;
}

// S051

TEST(RedisCacheManagedSetting, GeoReplicationOnPremiumIsRefused) {
  EXPECT_EQ(Lines{"S051 4:46 `geo_replication` is an Azure Managed Redis setting, but region `eu` "
                  "runs an Azure Cache for Redis (Premium)"},
            diagnostics_of(redis_with("sku = premium  geo_replication = \"g\"")));
}

TEST(RedisCacheManagedSetting, HighAvailabilityOnStandardIsRefused) {
  EXPECT_EQ(Lines{"S051 4:49 `high_availability` is an Azure Managed Redis setting, but region "
                  "`eu` runs an Azure Cache for Redis (Standard)"},
            diagnostics_of(redis_with("sku = standard  high_availability = false")));
}

// S052

TEST(ManagedRedisGeoReplicationSku, BalancedB1CannotJoin) {
  EXPECT_EQ(Lines{"S052 4:50 the `Balanced_B1` Managed Redis instance of region `eu` cannot join "
                  "geo-replication group `g`: Balanced_B0 and Balanced_B1 take no active "
                  "geo-replication"},
            diagnostics_of(redis_with("sku = Balanced_B1  geo_replication = \"g\"")));
}

TEST(ManagedRedisGeoReplicationSku, BalancedB3Joins) {
  EXPECT_EQ(Lines{}, diagnostics_of(redis_with("sku = Balanced_B3  geo_replication = \"g\"")));
}

// S053

TEST(ManagedRedisGeoGroupSize, FiveMembersPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(group_of({{"westeurope", "geo_replication = g"},
                                              {"northeurope", "geo_replication = g"},
                                              {"swedencentral", "geo_replication = g"},
                                              {"francecentral", "geo_replication = g"},
                                              {"germanywestcentral", "geo_replication = g"}})));
}

TEST(ManagedRedisGeoGroupSize, SixthMemberIsRefused) {
  Lines got = diagnostics_of(group_of({{"westeurope", "geo_replication = g"},
                                       {"northeurope", "geo_replication = g"},
                                       {"swedencentral", "geo_replication = g"},
                                       {"francecentral", "geo_replication = g"},
                                       {"germanywestcentral", "geo_replication = g"},
                                       {"italynorth", "geo_replication = g"}}));
  EXPECT_EQ(Lines{"S053 19:31 region `italynorth` would be member 6 of geo-replication group `g`, "
                  "which holds at most 5 Managed Redis instances"},
            got);
}

// S054

TEST(ManagedRedisGeoGroupMismatch, DifferentSizesAreRefused) {
  EXPECT_EQ(Lines{"S054 7:19 region `northeurope` runs Managed Redis `Balanced_B10` in "
                  "geo-replication group `g`, whose first member, region `westeurope`, runs "
                  "`Balanced_B5`"},
            diagnostics_of(group_of({{"westeurope", "sku = Balanced_B5  geo_replication = g"},
                                     {"northeurope", "sku = Balanced_B10  geo_replication = g"}})));
}

TEST(ManagedRedisGeoGroupMismatch, HighAvailabilityMustMatch) {
  Lines got =
      diagnostics_of(group_of({{"westeurope", "geo_replication = g"},
                               {"northeurope", "geo_replication = g  high_availability = false"}}));
  ASSERT_EQ(1u, got.size());
  EXPECT_EQ(0u, got[0].rfind("S054 7:54 region `northeurope` turns high availability off", 0))
      << got[0];
}

// S055

TEST(ManagedRedisGeoGroupName, DoubleHyphenIsRefused) {
  EXPECT_EQ(Lines{"S055 4:31 `a--b` cannot name a Managed Redis geo-replication group"},
            diagnostics_of(redis_with("geo_replication = \"a--b\"")));
}

TEST(ManagedRedisGeoGroupName, UnderscoreIsRefused) {
  EXPECT_EQ(Lines{"S055 4:31 `a_b` cannot name a Managed Redis geo-replication group"},
            diagnostics_of(redis_with("geo_replication = \"a_b\"")));
}

}  // namespace
}  // namespace topoc::testing
