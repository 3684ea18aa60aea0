// What both backends emit for a Redis geo-replica (its own private endpoint
// in the replica's region, no zones on linked caches) and for AI Search's
// shared private links to its region's storage and Azure OpenAI.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "compiler/drift/arm_types.h"
#include "compiler/drift/resource_labels.h"
#include "compiler/driver/check.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/terraform/emit_terraform.h"

namespace topoc {
namespace redis_search_emit_test {

// West Europe runs the whole RAG path and replicates its cache to North
// Europe, whose region runs search and Key Vault but no Redis of its own.
constexpr const char* kPair = R"(topology "pair" {
  prefix = "pair"
  boundary "eu" { geography = eu-data-boundary }
  region "weu" {
    location = westeurope
    address  = 10.1.0.0/16
    services = [ai_search, openai, storage, redis]
    redis { sku = premium  capacity = 1  geo_replica = northeurope }
  }
  region "neu" {
    location = northeurope
    address  = 10.2.0.0/16
    services = [ai_search, keyvault]
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

const std::string& file(const emit::FileTree& files, std::string_view path) {
  static const std::string kNone = "<missing>";
  for (const emit::EmittedFile& f : files) {
    if (f.path == path) return f.contents;
  }
  return kNone;
}

// The text between the first line equal to `first` and the next line equal
// to `last`, both included; "<missing>" when either is absent.
std::string section(const std::string& text, std::string_view first, std::string_view last) {
  size_t from = text.find(std::string(first) + "\n");
  if (from == std::string::npos) return "<missing>";
  size_t to = text.find("\n" + std::string(last) + "\n", from);
  if (to == std::string::npos) return "<missing>";
  return text.substr(from, to + last.size() + 2 - from);
}

std::optional<nlohmann::json> manifest_resource(const emit::FileTree& files,
                                                std::string_view address) {
  nlohmann::json m = nlohmann::json::parse(file(files, "environments/prod/topoc.manifest.json"));
  for (const nlohmann::json& r : m["resources"]) {
    if (r["address"].get<std::string>() == address) return r;
  }
  return std::nullopt;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(RedisReplicaEmit, TerraformLocalsGiveTheReplicaAnEndpointInItsRegion) {
  model::Topology t = model_of(kPair);
  emit::FileTree files = emit::emit_terraform(t, {});
  const std::string& main = file(files, "environments/prod/main.tf");
  EXPECT_EQ(R"(      redis = {
        name        = "redis-pair-weu-prod"
        sku_name    = "Premium"
        capacity    = 1
        shard_count = null
        zones       = []
        geo_replica = {
          name                      = "redis-pair-weu-prod-replica"
          location                  = "northeurope"
          private_endpoint_name     = "pep-pair-weu-redis-replica-prod"
          private_endpoint_location = "northeurope"
          endpoint_region           = "neu"
        }
        private_endpoint_name = "pep-pair-weu-redis-prod"
        private_dns_zones     = ["privatelink.redis.cache.windows.net"]
      }
)",
            section(main, "      redis = {", "      }"));
  // The replica's region registers the replica in a Redis zone of its own.
  EXPECT_TRUE(contains(main, R"(      private_dns = {
        zones = [
          "privatelink.redis.cache.windows.net",
          "privatelink.search.windows.net",
          "privatelink.vaultcore.azure.net",
        ]
        link_name = "link-vnet-pair-neu-prod"
      }
)")) << main;
  EXPECT_TRUE(contains(
      main,
      R"(  geo_replica_subnet_id            = each.value.redis.geo_replica == null ? null : module.network[each.value.redis.geo_replica.endpoint_region].subnet_ids["endpoints"])"))
      << main;
}

TEST(RedisReplicaEmit, ManifestListsTheReplicaEndpoint) {
  emit::FileTree files = emit::emit_terraform(model_of(kPair), {});
  auto pep = manifest_resource(files, "module.redis[\"weu\"].azurerm_private_endpoint.replica[0]");
  ASSERT_TRUE(pep);
  EXPECT_EQ("pep-pair-weu-redis-replica-prod", (*pep)["name"]);
  EXPECT_EQ("northeurope", (*pep)["location"]);
  EXPECT_EQ("rg-pair-weu-prod", (*pep)["resource_group"]);
  EXPECT_EQ(nlohmann::json::array({"redisCache"}), (*pep)["attributes"]["subresource_names"]);
}

TEST(RedisReplicaEmit, UnlinkedCacheKeepsItsZones) {
  std::string text = kPair;
  const std::string replica = "  geo_replica = northeurope";
  ASSERT_NE(std::string::npos, text.find(replica));
  text.replace(text.find(replica), replica.size(), "");
  emit::FileTree files = emit::emit_terraform(model_of(text), {});
  const std::string& main = file(files, "environments/prod/main.tf");
  EXPECT_TRUE(contains(main, R"(        zones                 = ["1", "2", "3"])")) << main;
  EXPECT_FALSE(
      manifest_resource(files, "module.redis[\"weu\"].azurerm_private_endpoint.replica[0]"));
}

TEST(RedisReplicaEmit, BicepPassesTheReplicaRegionsSubnetAndZone) {
  emit::FileTree files = emit::emit_bicep(model_of(kPair), {});
  const std::string& main = file(files, "bicep/main.bicep");
  const std::string& params = file(files, "bicep/prod.bicepparam");
  // The replica's endpoint goes into the network and Redis zone of `neu`,
  // element 1 of `regions`.
  EXPECT_TRUE(contains(main, R"(      replicaEndpointSubnetId: region.?redisReplicaRegion == null
        ? ''
        : regionNetworks[region.redisReplicaRegion!].outputs.subnetIds.endpoints
      replicaPrivateDnsZoneId: region.?redisReplicaRegion == null
        ? ''
        : regionPrivateDns[region.redisReplicaRegion!]!.outputs.zoneIds['privatelink.redis.cache.windows.net']
)")) << main;
  EXPECT_TRUE(contains(params, R"(      zones: []
      geoReplica: {
        name: 'redis-pair-weu-prod-replica'
        location: 'northeurope'
        privateEndpointName: 'pep-pair-weu-redis-replica-prod'
        privateEndpointLocation: 'northeurope'
      }
)")) << params;
  EXPECT_TRUE(contains(params, "    redisReplicaRegion: 1\n  }\n  {\n    key: 'neu'\n")) << params;
}

TEST(SearchSharedLinksEmit, TerraformLinksTheRegionsStorageAndOpenAI) {
  emit::FileTree files = emit::emit_terraform(model_of(kPair), {});
  const std::string& main = file(files, "environments/prod/main.tf");
  EXPECT_TRUE(contains(main, R"(        shared_private_links = {
          blob = {
            name             = "spl-blob"
            subresource_name = "blob"
          }
          openai = {
            name             = "spl-openai"
            subresource_name = "openai_account"
          }
        }
)")) << main;
  // North Europe has neither storage nor OpenAI, so no links.
  EXPECT_TRUE(contains(main, "        shared_private_links  = {}\n")) << main;
  EXPECT_TRUE(contains(
      main,
      R"(  shared_private_links = { for key, link in each.value.search.shared_private_links : key => merge(link, { target_resource_id = { blob = module.storage, openai = module.openai }[key][each.key].id }) })"))
      << main;
  auto blob = manifest_resource(
      files, "module.search[\"weu\"].azurerm_search_shared_private_link_service.this[\"blob\"]");
  ASSERT_TRUE(blob);
  EXPECT_EQ("spl-blob", (*blob)["name"]);
  EXPECT_EQ("blob", (*blob)["attributes"]["subresource_name"]);
  auto openai = manifest_resource(
      files, "module.search[\"weu\"].azurerm_search_shared_private_link_service.this[\"openai\"]");
  ASSERT_TRUE(openai);
  EXPECT_EQ("openai_account", (*openai)["attributes"]["subresource_name"]);
  EXPECT_FALSE(manifest_resource(
      files, "module.search[\"neu\"].azurerm_search_shared_private_link_service.this[\"blob\"]"));
}

TEST(SearchSharedLinksEmit, ReadmeSaysWhatToApprove) {
  emit::FileTree files = emit::emit_terraform(model_of(kPair), {});
  const std::string& readme = file(files, "environments/prod/README.md");
  EXPECT_TRUE(
      contains(readme, "az network private-endpoint-connection approve --id <connection id>"))
      << readme;
  EXPECT_TRUE(contains(readme, R"(| Search service | Link | Target | Type | Group |
| --- | --- | --- | --- | --- |
| srch-pair-weu-prod | `spl-blob` | stpairweuprod | `Microsoft.Storage/storageAccounts` | rg-pair-weu-prod |
| srch-pair-weu-prod | `spl-openai` | oai-pair-weu-prod | `Microsoft.CognitiveServices/accounts` | rg-pair-weu-prod |
)")) << readme;
}

TEST(SearchSharedLinksEmit, NoLinksWithoutTargets) {
  std::string text = R"(topology "lone" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  address = 10.1.0.0/16  services = [ai_search] }
}
)";
  emit::FileTree files = emit::emit_terraform(model_of(text), {});
  const std::string& main = file(files, "environments/prod/main.tf");
  EXPECT_TRUE(contains(main, "  shared_private_links = {}\n")) << main;
  EXPECT_FALSE(contains(file(files, "environments/prod/README.md"), "## Approve the AI Search"));
}

TEST(SearchSharedLinksEmit, BicepLinksTheRegionsStorageAndOpenAI) {
  emit::FileTree files = emit::emit_bicep(model_of(kPair), {});
  const std::string& main = file(files, "bicep/main.bicep");
  const std::string& params = file(files, "bicep/prod.bicepparam");
  EXPECT_TRUE(contains(main, R"(      sharedPrivateLinkTargetIds: {
        blob: region.?storage == null ? '' : regionStorage[i]!.outputs.id
        openai: region.?openai == null ? '' : regionOpenAi[i]!.outputs.id
      }
)")) << main;
  EXPECT_TRUE(contains(params, R"(      sharedPrivateLinks: [
        {
          key: 'blob'
          name: 'spl-blob'
          groupId: 'blob'
        }
        {
          key: 'openai'
          name: 'spl-openai'
          groupId: 'openai_account'
        }
      ]
)")) << params;
}

// Drift reads the links from `az resource list` exports and names them, but
// never reports one missing from an export.
TEST(SearchSharedLinksDrift, ArmTypeIsMappedAndLabelled) {
  EXPECT_EQ("azurerm_search_shared_private_link_service",
            drift::azurerm_type_of("microsoft.search/searchservices/sharedprivatelinkresources"));
  EXPECT_FALSE(drift::listed_by_resource_graph("azurerm_search_shared_private_link_service"));
  EXPECT_EQ("AI Search shared private link",
            drift::resource_label("azurerm_search_shared_private_link_service"));
}

}  // namespace redis_search_emit_test
}  // namespace topoc
