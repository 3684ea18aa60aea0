// Where the resources a region makes beside its main ones send their logs:
// the storage replica of `replicate_to` and the Redis persistence account
// each get a diagnostic setting on their blob service, a Redis geo-replica
// and each PostgreSQL read replica one of their own; and Container insights
// and Container Apps environments follow `logs_to`, Container insights' data
// collection rule in the workspace's location. In the estate, Terraform and
// Bicep alike.
#include <gtest/gtest.h>

#include "compiler/driver/check.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/terraform/emit_terraform.h"
#include "compiler/estate/estate.h"
#include "tests/emit_support.h"

namespace topoc {
namespace log_sinks_emit_test {

using testing::emitted_file;
using testing::has;

// Region `weu` replicates its containers to northeurope, persists its
// Premium cache, runs AKS and sends its logs where `monitoring` says; region
// `neu` geo-replicates its cache and has two PostgreSQL read replicas.
std::string topology(std::string_view monitoring) {
  return fmt::format(R"(topology "t" {{
  boundary "eu" {{ geography = eu-data-boundary }}
  region "weu" {{
    location = westeurope
    address  = 10.1.0.0/16
    services = [aks, storage, redis, monitoring]
    monitoring {{ {} }}
    storage {{ replicate_to = northeurope  container "docs" {{ }} }}
    redis {{ sku = premium  capacity = 1  persistence = rdb }}
  }}
  region "neu" {{
    location = northeurope
    address  = 10.2.0.0/16
    services = [redis, postgres, monitoring]
    redis {{ sku = premium  capacity = 1  geo_replica = westeurope }}
    postgres {{ replicas = [northeurope, westeurope] }}
  }}
}}
)",
                     monitoring);
}

struct Checked {
  driver::CheckResult result;
  const model::Topology& model() const { return *result.models.at(0); }
};

std::unique_ptr<Checked> check(std::string_view monitoring) {
  auto c = std::make_unique<Checked>();
  driver::check_source(c->result, "test.topo", topology(monitoring));
  EXPECT_EQ(0u, c->result.sink.error_count());
  EXPECT_TRUE(!c->result.models.empty() && c->result.models[0]);
  return c;
}

// The text of the first list `key` names in a Bicep file: up to where a
// `]` comes back to the indent of its key; empty when there is none.
std::string list_in(const std::string& text, std::string_view key) {
  const size_t list = text.find(std::string(key) + ": [");
  if (list == std::string::npos) return "";
  const size_t line = text.rfind('\n', list) + 1;
  const std::string indent = text.substr(line, list - line);
  const size_t end = text.find("\n" + indent + "]", list);
  return end == std::string::npos ? "" : text.substr(list, end - list);
}

const estate::DiagnosticSetting* setting(const estate::Estate& e, std::string_view key) {
  for (const estate::DiagnosticSetting& s : e.diagnostic_settings) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

const estate::Resource* resource(const estate::Estate& e, std::string_view key) {
  for (const estate::Resource& r : e.resources) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

TEST(LogSinks, TheReplicaAndPersistenceAccountsGetSettings) {
  auto c = check("");
  estate::Estate e = estate::build_estate(c->model(), {});
  const estate::DiagnosticSetting* replica = setting(e, "storage_replica");
  ASSERT_NE(nullptr, replica);
  EXPECT_EQ("module.storage[\"weu\"].azurerm_storage_account.replica[0]", replica->watched);
  EXPECT_EQ(e.names.region("weu", "storage.replica"), replica->watched_name);
  EXPECT_EQ("replica_blob_service_id", replica->id_output);
  EXPECT_EQ("blobServices", replica->bicep_list);
  EXPECT_EQ((std::vector<std::string>{"StorageDelete", "StorageRead", "StorageWrite"}),
            replica->categories);
  EXPECT_FALSE(replica->metrics);
  const estate::DiagnosticSetting* persistence = setting(e, "redis_persistence");
  ASSERT_NE(nullptr, persistence);
  EXPECT_EQ("module.redis[\"weu\"].azurerm_storage_account.persistence[0]", persistence->watched);
  EXPECT_EQ(e.names.region("weu", "redis_persistence"), persistence->watched_name);
  EXPECT_EQ("weu", persistence->workspace->key);
  // The region's own account and cache keep theirs.
  EXPECT_NE(nullptr, setting(e, "storage"));
  EXPECT_NE(nullptr, setting(e, "redis"));
  const estate::Resource* r = resource(
      e,
      "module.diagnostics[\"weu\"].azurerm_monitor_diagnostic_setting.this[\"storage_replica\"]");
  ASSERT_NE(nullptr, r);
  ASSERT_EQ(1u, r->placements.size());
  EXPECT_EQ(estate::PlacementKind::kLogSink, r->placements[0].kind);
  EXPECT_EQ(std::vector<std::string>{"westeurope"}, r->placements[0].locations);
}

TEST(LogSinks, GeoReplicasAndReadReplicasGetSettings) {
  auto c = check("");
  estate::Estate e = estate::build_estate(c->model(), {});
  const estate::DiagnosticSetting* cache = setting(e, "redis_replica");
  ASSERT_NE(nullptr, cache);
  EXPECT_EQ("neu", cache->instance);
  EXPECT_EQ("module.redis[\"neu\"].azurerm_redis_cache.replica[0]", cache->watched);
  EXPECT_EQ((std::vector<std::string>{"allLogs"}), cache->category_groups);
  EXPECT_TRUE(cache->metrics);
  for (const char* rk : {"r1", "r2"}) {
    const estate::DiagnosticSetting* replica = setting(e, std::string("postgres_replica/") + rk);
    ASSERT_NE(nullptr, replica) << rk;
    EXPECT_EQ(
        std::string("module.postgres[\"neu\"].azurerm_postgresql_flexible_server.replica[\"") + rk +
            "\"]",
        replica->watched);
    EXPECT_EQ("replica_ids", replica->id_output);
  }
  emit::FileTree files = emit::emit_terraform(c->model(), {});
  const std::string& main = emitted_file(files, "environments/prod/main.tf");
  EXPECT_TRUE(
      has(main, "redis_replica = { for r, m in module.redis : r => { id = m.replica_id } }"))
      << main;
  EXPECT_TRUE(has(main,
                  "\"postgres_replica/r2\" = { for r, m in module.postgres : r => { id = "
                  "lookup(m.replica_ids, \"r2\", null) } }"))
      << main;
  EXPECT_TRUE(
      has(emitted_file(files, "modules/regional/redis/outputs.tf"), "output \"replica_id\" {"));

  // Region `neu`'s settings, after region `weu`'s.
  const std::string all = emitted_file(emit::emit_bicep(c->model(), {}), "bicep/prod.bicepparam");
  const std::string params = all.substr(all.find("key: 'neu'"));
  EXPECT_TRUE(
      has(list_in(params, "redisCaches"), "name: '" + e.names.region("neu", "redis") + "-replica'"))
      << params;
  const std::string servers = list_in(params, "postgresServers");
  for (int i = 0; i < 2; ++i) {
    EXPECT_TRUE(has(servers,
                    "name: '" + e.names.region("neu", fmt::format("postgres.replica.{}", i)) + "'"))
        << servers;
  }
}

TEST(LogSinks, TerraformTargetsTheSecondAccountsBlobServices) {
  auto c = check("");
  emit::FileTree files = emit::emit_terraform(c->model(), {});
  const std::string& main = emitted_file(files, "environments/prod/main.tf");
  EXPECT_TRUE(has(main,
                  "redis_persistence = { for r, m in module.redis : r => { id = "
                  "m.persistence_blob_service_id } }"))
      << main;
  EXPECT_TRUE(has(main,
                  "storage_replica = { for r, m in module.storage : r => { id = "
                  "m.replica_blob_service_id } }"))
      << main;
  EXPECT_TRUE(has(emitted_file(files, "modules/regional/storage/outputs.tf"),
                  "output \"replica_blob_service_id\" {"));
  EXPECT_TRUE(has(emitted_file(files, "modules/regional/redis/outputs.tf"),
                  "output \"persistence_blob_service_id\" {"));
}

TEST(LogSinks, BicepListsTheSecondAccountsWithTheBlobServices) {
  auto c = check("");
  estate::Estate e = estate::build_estate(c->model(), {});
  emit::FileTree files = emit::emit_bicep(c->model(), {});
  std::string blobs = list_in(emitted_file(files, "bicep/prod.bicepparam"), "blobServices");
  for (const char* account : {"storage", "storage.replica", "redis_persistence"}) {
    EXPECT_TRUE(has(blobs, "name: '" + e.names.region("weu", account) + "'")) << blobs;
  }
}

TEST(LogSinks, ContainerInsightsStaysWithTheRegionsOwnWorkspace) {
  auto c = check("");
  estate::Estate e = estate::build_estate(c->model(), {});
  const estate::Resource* rule =
      resource(e, "module.aks[\"weu\"].azurerm_monitor_data_collection_rule.container_insights[0]");
  ASSERT_NE(nullptr, rule);
  EXPECT_EQ("westeurope", rule->location);
  EXPECT_EQ(e.names.region("weu", "log"), rule->properties["log_analytics_workspace_name"]);
  ASSERT_EQ(1u, rule->placements.size());
  EXPECT_FALSE(rule->placements[0].checked);  // the region's own location (R001)
}

TEST(LogSinks, ContainerInsightsFollowsLogsTo) {
  auto c = check("logs_to = neu");
  estate::Estate e = estate::build_estate(c->model(), {});
  const estate::Resource* rule =
      resource(e, "module.aks[\"weu\"].azurerm_monitor_data_collection_rule.container_insights[0]");
  ASSERT_NE(nullptr, rule);
  // Azure Monitor wants the rule where its workspace is; it stays in the
  // cluster's resource group.
  EXPECT_EQ("northeurope", rule->location);
  EXPECT_EQ(e.names.region("weu", "rg"), rule->resource_group);
  EXPECT_EQ(e.names.region("neu", "log"), rule->properties["log_analytics_workspace_name"]);
  ASSERT_EQ(1u, rule->placements.size());
  const estate::Placement& p = rule->placements[0];
  EXPECT_TRUE(p.checked);
  EXPECT_EQ(std::vector<std::string>{"northeurope"}, p.locations);
  ASSERT_EQ(2u, p.reasons.size());
  EXPECT_EQ(
      "the Container insights logs of the AKS cluster of region `weu` land in workspace "
      "`log-t-neu-prod` in northeurope because `region \"weu\"` sets `monitoring { logs_to = "
      "\"neu\" }`",
      p.reasons[0].text);

  emit::FileTree tf = emit::emit_terraform(c->model(), {});
  const std::string& main = emitted_file(tf, "environments/prod/main.tf");
  EXPECT_TRUE(has(main, "container_insights_location  = \"northeurope\"\n")) << main;
  EXPECT_TRUE(has(main, "log_workspace_region         = \"neu\"\n")) << main;
  EXPECT_TRUE(has(main,
                  "module.monitoring[each.value.aks.log_workspace_region]"
                  ".log_analytics_workspace_id"));
  EXPECT_TRUE(has(emitted_file(tf, "modules/regional/aks/main.tf"),
                  "location            = coalesce(var.container_insights_location, var.location)"));

  emit::FileTree bicep = emit::emit_bicep(c->model(), {});
  const std::string& params = emitted_file(bicep, "bicep/prod.bicepparam");
  EXPECT_TRUE(has(params, "containerInsightsLocation: 'northeurope'\n")) << params;
  EXPECT_TRUE(has(params, "logWorkspaceRegion: 1\n")) << params;
  EXPECT_TRUE(has(emitted_file(bicep, "bicep/main.bicep"),
                  "regionMonitoring[region.aks!.?logWorkspaceRegion ?? i]!.outputs."
                  "logAnalyticsWorkspaceId"));
}

// Container Apps environments write their logs straight to a workspace:
// the one that receives the region's logs, read from its own resource group.
TEST(LogSinks, ContainerAppsEnvironmentsFollowLogsTo) {
  driver::CheckResult result;
  driver::check_source(result, "test.topo", R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" {
    location = westeurope
    address  = 10.1.0.0/16
    services = [container_apps, monitoring]
    monitoring { logs_to = neu }
    container_apps { environment "app" { app "api" { image = "mcr.microsoft.com/k8se/quickstart:latest" } } }
  }
  region "neu" {
    location = northeurope
    address  = 10.2.0.0/16
    services = [monitoring]
  }
}
)");
  ASSERT_EQ(0u, result.sink.error_count());
  const model::Topology& t = *result.models.at(0);
  estate::Estate e = estate::build_estate(t, {});
  const estate::Resource* env =
      resource(e, "module.container_apps[\"weu\"].azurerm_container_app_environment.this[\"app\"]");
  ASSERT_NE(nullptr, env);
  const estate::Placement* sink = nullptr;
  for (const estate::Placement& p : env->placements) {
    if (p.kind == estate::PlacementKind::kLogSink) sink = &p;
  }
  ASSERT_NE(nullptr, sink);
  EXPECT_EQ(std::vector<std::string>{"northeurope"}, sink->locations);
  EXPECT_TRUE(sink->checked);

  const std::string main = emitted_file(emit::emit_terraform(t, {}), "environments/prod/main.tf");
  EXPECT_TRUE(has(main, "module.monitoring[each.value.container_apps.log_workspace_region]"))
      << main;
  const emit::FileTree bicep = emit::emit_bicep(t, {});
  const std::string& params = emitted_file(bicep, "bicep/prod.bicepparam");
  EXPECT_TRUE(has(params, "workspaceName: '" + e.names.region("neu", "log") + "'")) << params;
  EXPECT_TRUE(has(params, "workspaceGroup: '" + e.names.region("neu", "rg") + "'")) << params;
  EXPECT_TRUE(has(params, "workspaceRegion: 1\n")) << params;
  EXPECT_TRUE(has(emitted_file(bicep, "bicep/modules/container-apps.bicep"),
                  "scope: resourceGroup(settings.?workspaceGroup ?? resourceGroup().name)"));
}

}  // namespace log_sinks_emit_test
}  // namespace topoc
