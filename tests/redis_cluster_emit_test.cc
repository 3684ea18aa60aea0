// What a clustered Premium cache (`shards`) becomes: the shard count in both
// backends for the cache and its geo-replica, in the manifest, and compared
// by drift against what Azure reports.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "compiler/drift/attribute_diff.h"
#include "compiler/drift/deployed_state.h"
#include "compiler/driver/check.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/terraform/emit_terraform.h"

namespace topoc {
namespace {

// West Europe's clustered cache replicates to North Europe.
constexpr const char* kCluster = R"(topology "pair" {
  prefix = "pair"
  boundary "eu" { geography = eu-data-boundary }
  region "weu" {
    location = westeurope
    address  = 10.1.0.0/16
    services = [redis]
    redis { sku = premium  capacity = 2  shards = 3  geo_replica = northeurope }
  }
}
)";

model::Topology model_of(const std::string& text) {
  driver::CheckResult result;
  driver::check_source(result, "test.topo", text);
  EXPECT_EQ(0u, result.sink.error_count()) << text;
  EXPECT_TRUE(!result.models.empty() && result.models[0]);
  return std::move(*result.models[0]);
}

std::string without(std::string text, std::string_view part) {
  size_t at = text.find(part);
  EXPECT_NE(std::string::npos, at) << part;
  if (at != std::string::npos) text.erase(at, part.size());
  return text;
}

const std::string& file(const emit::FileTree& files, std::string_view path) {
  static const std::string kNone = "<missing>";
  for (const emit::EmittedFile& f : files) {
    if (f.path == path) return f.contents;
  }
  return kNone;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

size_t count(const std::string& haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

std::optional<nlohmann::json> manifest_resource(const emit::FileTree& files,
                                                std::string_view address) {
  nlohmann::json m = nlohmann::json::parse(file(files, "environments/prod/topoc.manifest.json"));
  for (const nlohmann::json& r : m["resources"]) {
    if (r["address"].get<std::string>() == address) return r;
  }
  return std::nullopt;
}

TEST(RedisClusterEmit, TerraformPassesTheShardCountToBothCaches) {
  emit::FileTree files = emit::emit_terraform(model_of(kCluster), {});
  const std::string& main = file(files, "environments/prod/main.tf");
  EXPECT_TRUE(contains(main, R"(        name        = "redis-pair-weu-prod"
        sku_name    = "Premium"
        capacity    = 2
        shard_count = 3
        zones       = []
)")) << main;
  EXPECT_TRUE(contains(main, "  shard_count                      = each.value.redis.shard_count\n"))
      << main;
  const std::string& module = file(files, "modules/regional/redis/main.tf");
  EXPECT_EQ(2u, count(module, "  shard_count                   = var.shard_count\n")) << module;
}

TEST(RedisClusterEmit, UnclusteredCacheHasNoShardCount) {
  std::string text = without(kCluster, "  shards = 3");
  emit::FileTree files = emit::emit_terraform(model_of(text), {});
  EXPECT_TRUE(contains(file(files, "environments/prod/main.tf"), "        shard_count = null\n"));
  auto cache = manifest_resource(files, "module.redis[\"weu\"].azurerm_redis_cache.this");
  ASSERT_TRUE(cache);
  EXPECT_FALSE((*cache)["attributes"].contains("shard_count")) << cache->dump();
  EXPECT_FALSE(
      contains(file(emit::emit_bicep(model_of(text), {}), "bicep/prod.bicepparam"), "shardCount"));
}

TEST(RedisClusterEmit, ManifestGivesTheCacheAndReplicaTheShardCount) {
  emit::FileTree files = emit::emit_terraform(model_of(kCluster), {});
  for (const char* address : {"module.redis[\"weu\"].azurerm_redis_cache.this",
                              "module.redis[\"weu\"].azurerm_redis_cache.replica[0]"}) {
    auto cache = manifest_resource(files, address);
    ASSERT_TRUE(cache) << address;
    EXPECT_EQ(3, (*cache)["attributes"]["shard_count"]) << address;
  }
}

TEST(RedisClusterEmit, BicepSetsTheShardCount) {
  emit::FileTree files = emit::emit_bicep(model_of(kCluster), {});
  EXPECT_TRUE(contains(file(files, "bicep/prod.bicepparam"), R"(      capacity: 2
      zones: []
      shardCount: 3
)")) << file(files, "bicep/prod.bicepparam");
  EXPECT_TRUE(contains(file(files, "bicep/modules/redis.bicep"),
                       "  ...(settings.?shardCount == null ? {} : { shardCount: "
                       "settings.?shardCount })\n"));
}

// A Resource Graph export reports `properties.shardCount`; a cache
// re-clustered by hand shows up as drift of `shard_count`.
TEST(RedisClusterDrift, ShardCountFromAnExportIsCompared) {
  constexpr std::string_view kExport = R"({"count": 1, "data": [{
    "id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Cache/redis/redis-pair-weu-prod",
    "name": "redis-pair-weu-prod", "type": "microsoft.cache/redis",
    "location": "westeurope", "resourceGroup": "rg", "subscriptionId": "0",
    "tags": {"managed-by": "topoc"},
    "properties": {"sku": {"name": "Premium", "family": "P", "capacity": 2}, "shardCount": 5}
  }]})";
  drift::DeployedState deployed;
  ASSERT_FALSE(drift::read_state_text("graph.json", kExport, drift::StateFormat::kArg, deployed)
                   .has_value());
  ASSERT_EQ(1u, deployed.resources.size());
  drift::DesiredResource desired;
  desired.type = drift::TypeName::of("azurerm_redis_cache");
  desired.location = "westeurope";
  desired.attributes = {
      {"sku_name", "Premium"}, {"family", "P"}, {"capacity", 2}, {"shard_count", 3}};
  std::vector<drift::AttributeChange> changes =
      drift::diff_attributes(desired, deployed.resources[0]);
  ASSERT_EQ(1u, changes.size());
  EXPECT_EQ("shard_count", changes[0].attribute);
  EXPECT_EQ("3", changes[0].desired);
  EXPECT_EQ("5", changes[0].deployed);
}

}  // namespace
}  // namespace topoc
