// The state readers on the fixtures of tests/drift/fixtures/formats/, one per
// input format, all describing the same small estate: for_each keys, count
// indexes, nested modules, data sources, another provider's resource, and
// tainted and deposed instances.
#include "compiler/drift/readers.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "compiler/drift/attributes.h"
#include "compiler/drift/drift_test_support.h"

namespace topoc::drift {
namespace readers_test {

using testing::find_by_id_suffix;
using testing::find_deployed;
using testing::read_fixture;

constexpr const char* kShow = "tests/drift/fixtures/formats/show.json";
constexpr const char* kState = "tests/drift/fixtures/formats/state.tfstate";
constexpr const char* kPlan = "tests/drift/fixtures/formats/plan.json";
constexpr const char* kGraph = "tests/drift/fixtures/formats/graph.json";
constexpr const char* kList = "tests/drift/fixtures/formats/resource-list.json";

constexpr std::string_view kStorage = "module.storage[\"eu\"].azurerm_storage_account.this";
constexpr std::string_view kIngress = "module.network[\"eu\"].azurerm_subnet.this[\"ingress\"]";

std::set<std::tuple<std::string, bool, std::string>> instances(const DeployedState& s) {
  std::set<std::tuple<std::string, bool, std::string>> out;
  for (const DeployedResource& r : s.resources) out.insert({r.address, r.tainted, r.deposed_key});
  return out;
}

std::optional<std::string> read_error(std::string_view text,
                                      StateFormat format = StateFormat::kAuto) {
  DeployedState state;
  auto error = read_state_text("input.json", text, format, state);
  if (!error) return std::nullopt;
  return to_string(*error);
}

TEST(DriftShowReader, KeepsManagedAzurermInstancesOnly) {
  DeployedState s = read_fixture(kShow);
  ASSERT_EQ(1u, s.inputs.size());
  EXPECT_EQ(StateFormat::kShow, s.inputs[0].format);
  // 13 managed instances, less random_string.suffix; data sources never count.
  EXPECT_EQ(12u, s.resources.size());
  EXPECT_EQ(nullptr, find_deployed(s, "random_string.suffix"));
  EXPECT_EQ(nullptr, find_deployed(s, "data.azurerm_client_config.current"));
  EXPECT_TRUE(s.has_terraform);
  EXPECT_FALSE(s.has_azure);
}

TEST(DriftShowReader, AddressesCarryForEachKeysAndCountIndexes) {
  DeployedState s = read_fixture(kShow);
  EXPECT_NE(nullptr, find_deployed(s, "module.network[\"eu\"].azurerm_subnet.this[\"aks\"]"));
  EXPECT_NE(nullptr,
            find_deployed(s, "module.frontdoor.azurerm_cdn_frontdoor_firewall_policy.this[0]"));
  EXPECT_NE(nullptr, find_deployed(s, "azurerm_resource_group.region[\"eu\"]"));
  EXPECT_NE(nullptr,
            find_deployed(s, "module.platform.module.tags[\"eu\"].azurerm_resource_group.this"));
}

TEST(DriftShowReader, TaintedAndDeposedInstances) {
  DeployedState s = read_fixture(kShow);
  ASSERT_NE(nullptr, find_deployed(s, kIngress));
  EXPECT_TRUE(find_deployed(s, kIngress)->tainted);
  const DeployedResource* deposed = find_deployed(s, kStorage, true);
  ASSERT_NE(nullptr, deposed);
  EXPECT_EQ("7a1c9e0f", deposed->deposed_key);
  EXPECT_FALSE(find_deployed(s, kStorage)->tainted);
}

TEST(DriftShowReader, PlacementAndNormalisedLocations) {
  DeployedState s = read_fixture(kShow);
  const DeployedResource* storage = find_deployed(s, kStorage);
  ASSERT_NE(nullptr, storage);
  EXPECT_EQ("azurerm_storage_account", storage->type);
  EXPECT_EQ("strageuprod", storage->name);
  EXPECT_EQ("westeurope", storage->location);
  EXPECT_EQ("rg-rag-eu-prod", storage->resource_group);
  EXPECT_EQ("northeurope", storage->attributes["secondary_location"]);
  // Written "West Europe" in the state.
  EXPECT_EQ("westeurope",
            find_deployed(s, "module.platform.module.tags[\"eu\"].azurerm_resource_group.this")
                ->location);
  // Front Door's WAF policy has no resource_group_name here: taken from its id.
  EXPECT_EQ("rg-rag-global-prod",
            find_deployed(s, "module.frontdoor.azurerm_cdn_frontdoor_firewall_policy.this[0]")
                ->resource_group);
}

TEST(DriftShowReader, KeepsOnlyComparedAttributes) {
  DeployedState s = read_fixture(kShow);
  const DeployedResource* aks =
      find_deployed(s, "module.aks[\"eu\"].azurerm_kubernetes_cluster.this");
  ASSERT_NE(nullptr, aks);
  EXPECT_TRUE(aks->attributes.contains("default_node_pool"));
  EXPECT_TRUE(aks->attributes.contains("sku_tier"));
  // Held once, in the resource's own fields.
  EXPECT_FALSE(aks->attributes.contains("tags"));
  EXPECT_FALSE(aks->attributes.contains("id"));
  EXPECT_FALSE(aks->attributes.contains("kube_config_raw"));
  EXPECT_FALSE(aks->attributes.contains("network_profile"));
  ASSERT_NE(nullptr, aks->tags);
  EXPECT_EQ("rag-platform", aks->tags->at("topology"));
}

TEST(DriftStateReader, SameInstancesAsShowJson) {
  DeployedState show = read_fixture(kShow);
  DeployedState state = read_fixture(kState);
  EXPECT_EQ(StateFormat::kState, state.inputs[0].format);
  EXPECT_EQ(instances(show), instances(state));
}

TEST(DriftStateReader, SameAttributesAsShowJson) {
  DeployedState show = read_fixture(kShow);
  DeployedState state = read_fixture(kState);
  for (const DeployedResource& r : show.resources) {
    const DeployedResource* other = find_deployed(state, r.address, !r.deposed_key.empty());
    ASSERT_NE(nullptr, other) << r.address;
    EXPECT_EQ(r.attributes, other->attributes) << r.address;
    EXPECT_EQ(r.location, other->location) << r.address;
    EXPECT_EQ(r.resource_group, other->resource_group) << r.address;
  }
}

TEST(DriftStateReader, IndexKeysOfBothKinds) {
  constexpr std::string_view kText = R"({"version": 4, "serial": 1, "lineage": "l", "resources": [
    {"module": "module.net[\"eu\"]", "mode": "managed", "type": "azurerm_subnet", "name": "this",
     "provider": "provider[\"registry.terraform.io/hashicorp/azurerm\"]",
     "instances": [{"index_key": 0, "attributes": {"id": "a", "name": "a"}},
                   {"index_key": "x\"y", "attributes": {"id": "b", "name": "b"}}]},
    {"mode": "managed", "type": "azurerm_resource_group", "name": "rg",
     "provider": "provider[\"registry.terraform.io/hashicorp/azurerm\"].west",
     "instances": [{"attributes": {"id": "/subscriptions/s/resourceGroups/rg", "name": "rg"}}]}]})";
  DeployedState s;
  ASSERT_EQ(std::nullopt, read_state_text("s.tfstate", kText, StateFormat::kAuto, s));
  EXPECT_NE(nullptr, find_deployed(s, "module.net[\"eu\"].azurerm_subnet.this[0]"));
  EXPECT_NE(nullptr, find_deployed(s, "module.net[\"eu\"].azurerm_subnet.this[\"x\\\"y\"]"));
  EXPECT_NE(nullptr, find_deployed(s, "azurerm_resource_group.rg"));
}

TEST(DriftPlanReader, PriorStateIsWhatIsDeployed) {
  DeployedState s = read_fixture(kPlan);
  EXPECT_EQ(StateFormat::kPlan, s.inputs[0].format);
  EXPECT_EQ(12u, s.resources.size());
  EXPECT_NE(nullptr, find_deployed(s, kStorage, true));
}

TEST(DriftPlanReader, ChangesOtherThanNoOpAndRead) {
  DeployedState s = read_fixture(kPlan);
  std::vector<std::pair<std::string, std::string>> changes;
  for (const PlannedChange& c : s.planned) changes.push_back({c.address, c.action});
  std::sort(changes.begin(), changes.end());
  // random_string.suffix is destroyed too, but it is not an azurerm resource.
  std::vector<std::pair<std::string, std::string>> expected = {
      {"module.cosmos[\"eu\"].azurerm_cosmosdb_account.this", "update"},
      {"module.network[\"eu\"].azurerm_subnet.this[\"endpoints\"]", "create"},
      {"module.network[\"eu\"].azurerm_subnet.this[\"ingress\"]", "replace"},
  };
  EXPECT_EQ(expected, changes);
}

TEST(DriftProviders, EveryWayTerraformNamesAzurerm) {
  using readers::is_azurerm_provider;
  for (const char* p : {"registry.terraform.io/hashicorp/azurerm",
                        "provider[\"registry.terraform.io/hashicorp/azurerm\"]",
                        "provider[\"registry.terraform.io/hashicorp/azurerm\"].west",
                        "module.m.provider[\"registry.terraform.io/hashicorp/azurerm\"]",
                        "provider[\"registry.terraform.io/-/azurerm\"]", "provider.azurerm",
                        "provider.azurerm.west", "module.m.provider.azurerm"}) {
    EXPECT_TRUE(is_azurerm_provider(p)) << p;
  }
  for (const char* p : {"provider[\"registry.terraform.io/hashicorp/azuread\"]", "provider.azurermx",
                        "provider.azuread", "xprovider.azurerm", "registry.terraform.io/hashicorp/azapi"}) {
    EXPECT_FALSE(is_azurerm_provider(p)) << p;
  }
}

// Replacements that keep the old object (Terraform 1.10+ `destroy = false`,
// OpenTofu's order) and lists this reader does not know still read.
TEST(DriftPlanReader, NewerActionLists) {
  auto change = [](std::string_view address, std::string_view mode, std::string_view actions) {
    return fmt::format(R"({{"address": "{}", "mode": "{}", "type": "azurerm_subnet",
      "provider_name": "registry.terraform.io/hashicorp/azurerm", "change": {{"actions": {}}}}})",
                       address, mode, actions);
  };
  std::string plan = fmt::format(R"({{"format_version": "1.2", "resource_changes": [{}, {}, {}, {}]}})",
                                 change("a", "managed", R"(["create", "forget"])"),
                                 change("b", "managed", R"(["forget", "create"])"),
                                 change("c", "managed", R"(["explode"])"),
                                 change("d", "data", R"(["read", "explode"])"));
  DeployedState s;
  ASSERT_EQ(std::nullopt, read_state_text("plan.json", plan, StateFormat::kAuto, s));
  std::vector<std::pair<std::string, std::string>> changes;
  for (const PlannedChange& c : s.planned) changes.push_back({c.address, c.action});
  EXPECT_EQ((std::vector<std::pair<std::string, std::string>>{
                {"a", "replace"}, {"b", "replace"}, {"c", "change"}}),
            changes);
}

// `az graph query` returns 100 rows unless told otherwise, with a
// skip_token for the next page: a first page alone must not pass as the
// whole subscription.
TEST(DriftGraphReader, PagesMustAllBeGiven) {
  auto page = [](std::string_view names, std::string_view paging) {
    std::string rows;
    for (char n : names) {
      rows += fmt::format(R"({}{{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st{}", "name": "st{}", "type": "microsoft.storage/storageaccounts", "location": "westeurope"}})",
                          rows.empty() ? "" : ",", n, n);
    }
    return fmt::format(R"({{"count": {}, "data": [{}]{}}})", names.size(), rows, paging);
  };
  const std::string first = page("ab", R"(, "skip_token": "ew0K", "total_records": 3)");
  const std::string last = page("c", R"(, "skip_token": null, "total_records": 3)");

  DeployedState one;
  ASSERT_EQ(std::nullopt, read_state_text("page1.json", first, StateFormat::kAuto, one));
  EXPECT_EQ(2u, one.inputs[0].rows);
  EXPECT_EQ(3u, one.inputs[0].total_records);
  EXPECT_TRUE(one.inputs[0].more_pages);
  auto error = check_pages_complete(one);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ("`page1.json`: is a page of a Resource Graph result of 3 resources, and the exports "
            "given hold 2 of them; pass every page with --state (`az graph query --skip-token "
            "...`), or export with a larger `--first`",
            to_string(*error));

  DeployedState both;
  ASSERT_EQ(std::nullopt, read_state_text("page1.json", first, StateFormat::kAuto, both));
  ASSERT_EQ(std::nullopt, read_state_text("page2.json", last, StateFormat::kAuto, both));
  EXPECT_EQ(std::nullopt, check_pages_complete(both));

  // An ARM list response names its next page only by link.
  DeployedState arm;
  ASSERT_EQ(std::nullopt,
            read_state_text("list.json",
                            R"({"value": [], "nextLink": "https://management.azure.com/...&$skiptoken=x"})",
                            StateFormat::kAuto, arm));
  ASSERT_TRUE(check_pages_complete(arm).has_value());
  EXPECT_EQ("`list.json`: is one page of a larger result (it names a next page); pass every page "
            "with --state (`az graph query --skip-token ...`), or export with a larger `--first`",
            to_string(*check_pages_complete(arm)));
}

TEST(DriftGraphReader, GraphQueryExport) {
  DeployedState s = read_fixture(kGraph);
  EXPECT_EQ(StateFormat::kArg, s.inputs[0].format);
  EXPECT_TRUE(s.has_azure);
  const DeployedResource* storage = find_by_id_suffix(s, "/storageAccounts/strageuprod");
  ASSERT_NE(nullptr, storage);
  EXPECT_EQ(Origin::kAzure, storage->origin);
  EXPECT_EQ("azurerm_storage_account", storage->type);
  EXPECT_EQ("Standard", storage->attributes["account_tier"]);
  EXPECT_EQ("GRS", storage->attributes["account_replication_type"]);
  EXPECT_EQ("northeurope", storage->attributes["secondary_location"]);
  EXPECT_EQ("rg-rag-eu-prod", storage->resource_group);
}

TEST(DriftGraphReader, CosmosLocationsFromDisplayNames) {
  DeployedState s = read_fixture(kGraph);
  const DeployedResource* cosmos = find_by_id_suffix(s, "/databaseAccounts/cosno-rag-eu-prod");
  ASSERT_NE(nullptr, cosmos);
  nlohmann::json expected = nlohmann::json::parse(R"([
    {"location": "westeurope", "failover_priority": 0, "zone_redundant": true},
    {"location": "northeurope", "failover_priority": 1, "zone_redundant": true}])");
  EXPECT_EQ(expected, cosmos->attributes["geo_location"]);
  EXPECT_EQ("Session", cosmos->attributes["consistency_policy"][0]["consistency_level"]);
  EXPECT_EQ(true, cosmos->attributes["multiple_write_locations_enabled"]);
}

TEST(DriftGraphReader, AksUserPoolsBecomeNodePools) {
  DeployedState s = read_fixture(kGraph);
  const DeployedResource* pool =
      find_by_id_suffix(s, "/managedClusters/aks-rag-eu-prod/agentPools/ragpool");
  ASSERT_NE(nullptr, pool);
  EXPECT_EQ("azurerm_kubernetes_cluster_node_pool", pool->type);
  EXPECT_EQ("ragpool", pool->name);
  EXPECT_EQ("Standard_D8s_v5", pool->attributes["vm_size"]);
  EXPECT_EQ(2, pool->attributes["min_count"]);
  EXPECT_EQ(20, pool->attributes["max_count"]);
  const DeployedResource* aks = find_by_id_suffix(s, "/managedClusters/aks-rag-eu-prod");
  ASSERT_NE(nullptr, aks);
  EXPECT_EQ("system", aks->attributes["default_node_pool"][0]["name"]);
}

TEST(DriftGraphReader, DnsZoneLinksKnowTheirZone) {
  DeployedState s = read_fixture(kGraph);
  const DeployedResource* link = find_by_id_suffix(s, "/virtualNetworkLinks/link-vnet-rag-eu-prod");
  ASSERT_NE(nullptr, link);
  EXPECT_EQ("link-vnet-rag-eu-prod", link->name);
  EXPECT_EQ("privatelink.blob.core.windows.net", link->attributes["private_dns_zone_name"]);
}

TEST(DriftGraphReader, ContainerRegistryAndItsReplications) {
  constexpr std::string_view kRegistry =
      "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/crx";
  std::string text = fmt::format(R"({{"count": 2, "data": [
    {{"id": "{0}", "name": "crx", "type": "microsoft.containerregistry/registries",
      "location": "westeurope", "resourceGroup": "rg", "sku": {{"name": "Premium", "tier": "Premium"}},
      "properties": {{"adminUserEnabled": false, "publicNetworkAccess": "Disabled",
                      "zoneRedundancy": "Enabled", "loginServer": "crx.azurecr.io"}}}},
    {{"id": "{0}/replications/northeurope", "name": "crx/northeurope",
      "type": "microsoft.containerregistry/registries/replications", "location": "northeurope",
      "resourceGroup": "rg", "properties": {{"zoneRedundancy": "Enabled"}}}}]}})",
                                 kRegistry);
  DeployedState s;
  ASSERT_FALSE(read_state_text("graph.json", text, StateFormat::kAuto, s));
  const DeployedResource* registry = find_by_id_suffix(s, "/registries/crx");
  ASSERT_NE(nullptr, registry);
  EXPECT_EQ("azurerm_container_registry", registry->type);
  EXPECT_FALSE(registry->derived);
  nlohmann::json expected = nlohmann::json::parse(R"({"sku": "Premium", "admin_enabled": false,
    "public_network_access_enabled": false, "zone_redundancy_enabled": true})");
  EXPECT_EQ(expected, registry->attributes);
  // A geo-replication is a `georeplications` block of the registry in
  // azurerm: read, but never a resource of its own to report.
  const DeployedResource* replica = find_by_id_suffix(s, "/replications/northeurope");
  ASSERT_NE(nullptr, replica);
  EXPECT_TRUE(replica->derived);
}

TEST(DriftGraphReader, VnetPeeringInAzurermTerms) {
  constexpr std::string_view kPeering =
      "/subscriptions/0/resourceGroups/rg-a/providers/Microsoft.Network/virtualNetworks/vnet-a/"
      "virtualNetworkPeerings/peer-vnet-b";
  std::string text = fmt::format(R"({{"count": 1, "data": [
    {{"id": "{0}", "name": "vnet-a/peer-vnet-b",
      "type": "microsoft.network/virtualnetworks/virtualnetworkpeerings", "location": "",
      "resourceGroup": "rg-a",
      "properties": {{"allowVirtualNetworkAccess": true, "allowForwardedTraffic": true,
                      "allowGatewayTransit": false, "useRemoteGateways": false,
                      "peeringState": "Connected"}}}}]}})",
                                 kPeering);
  DeployedState s;
  ASSERT_FALSE(read_state_text("graph.json", text, StateFormat::kAuto, s));
  const DeployedResource* peering = find_by_id_suffix(s, "/virtualNetworkPeerings/peer-vnet-b");
  ASSERT_NE(nullptr, peering);
  EXPECT_EQ("azurerm_virtual_network_peering", peering->type);
  EXPECT_EQ("rg-a", peering->resource_group);
  EXPECT_FALSE(peering->derived);
  nlohmann::json expected = nlohmann::json::parse(R"({"allow_virtual_network_access": true,
    "allow_forwarded_traffic": true, "allow_gateway_transit": false,
    "use_remote_gateways": false})");
  EXPECT_EQ(expected, peering->attributes);
}

TEST(DriftShowReader, RegistryGeoReplicationsCompareByLocation) {
  nlohmann::json attributes = nlohmann::json::parse(R"({"georeplications": [
    {"location": "North Europe", "zone_redundancy_enabled": true, "tags": {}},
    {"location": "swedencentral", "zone_redundancy_enabled": false, "tags": {}}]})");
  normalise_attributes("azurerm_container_registry", attributes);
  EXPECT_EQ(nlohmann::json::parse(R"(["northeurope", "swedencentral"])"),
            attributes["georeplications"]);
}

// ARM says `disableLocalAuth` and Enabled/Disabled where azurerm has
// `local_auth_enabled` and `public_network_access_enabled`.
TEST(DriftGraphReader, ServiceBusNamespaceInAzurermTerms) {
  constexpr std::string_view kNamespace = R"({"count": 1, "skip_token": null, "total_records": 1,
    "data": [{"id": "/subscriptions/5f3c2a61-8d4e-4b7a-9c1f-2e6d0b8a4c13/resourceGroups/rg-rag-eu-prod/providers/Microsoft.ServiceBus/namespaces/sbns-rag-eu-prod",
      "name": "sbns-rag-eu-prod", "type": "microsoft.servicebus/namespaces", "location": "westeurope",
      "resourceGroup": "rg-rag-eu-prod", "subscriptionId": "5f3c2a61-8d4e-4b7a-9c1f-2e6d0b8a4c13",
      "sku": {"name": "Premium", "tier": "Premium", "capacity": 2},
      "properties": {"premiumMessagingPartitions": 2, "minimumTlsVersion": "1.2",
        "publicNetworkAccess": "Enabled", "disableLocalAuth": true}}]})";
  DeployedState s;
  ASSERT_FALSE(read_state_text("graph.json", kNamespace, StateFormat::kAuto, s));
  ASSERT_EQ(1u, s.resources.size());
  const DeployedResource& ns = s.resources.front();
  EXPECT_EQ("azurerm_servicebus_namespace", ns.type);
  EXPECT_EQ("Premium", ns.attributes["sku"]);
  EXPECT_EQ(2, ns.attributes["capacity"]);
  EXPECT_EQ(2, ns.attributes["premium_messaging_partitions"]);
  EXPECT_EQ("1.2", ns.attributes["minimum_tls_version"]);
  EXPECT_EQ(true, ns.attributes["public_network_access_enabled"]);
  EXPECT_EQ(false, ns.attributes["local_auth_enabled"]);
}

// A flexible server's compared settings sit in nested ARM objects (storage,
// backup, network); the SKU's tier becomes azurerm's `sku_name` prefix.
TEST(DriftGraphReader, PostgresFlexibleServerInAzurermTerms) {
  constexpr std::string_view kServer = R"({"count": 1, "data": [{
    "id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-x",
    "name": "psql-x", "type": "microsoft.dbforpostgresql/flexibleservers", "location": "westeurope",
    "resourceGroup": "rg", "sku": {"name": "Standard_D4ds_v4", "tier": "GeneralPurpose"},
    "properties": {"version": "16",
      "storage": {"storageSizeGB": 256, "autoGrow": "Enabled", "tier": "P40"},
      "backup": {"backupRetentionDays": 35, "geoRedundantBackup": "Enabled"},
      "network": {"publicNetworkAccess": "Disabled"}}}]})";
  DeployedState s;
  ASSERT_FALSE(read_state_text("graph.json", kServer, StateFormat::kAuto, s));
  ASSERT_EQ(1u, s.resources.size());
  nlohmann::json expected = nlohmann::json::parse(R"({"sku_name": "GP_Standard_D4ds_v4",
    "version": "16", "storage_mb": 262144, "auto_grow_enabled": true,
    "backup_retention_days": 35, "geo_redundant_backup_enabled": true,
    "public_network_access_enabled": false})");
  EXPECT_EQ(expected, s.resources.front().attributes);
}

// A Managed Redis instance (redisEnterprise cluster) says Enabled/Disabled
// where azurerm has a boolean for high availability.
TEST(DriftGraphReader, ManagedRedisInAzurermTerms) {
  constexpr std::string_view kCluster = R"({"count": 1, "data": [{
    "id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Cache/redisEnterprise/amr-x",
    "name": "amr-x", "type": "microsoft.cache/redisenterprise", "location": "westeurope",
    "resourceGroup": "rg", "sku": {"name": "Balanced_B5"},
    "properties": {"highAvailability": "Disabled", "publicNetworkAccess": "Disabled",
      "minimumTlsVersion": "1.2"}}]})";
  DeployedState s;
  ASSERT_FALSE(read_state_text("graph.json", kCluster, StateFormat::kAuto, s));
  ASSERT_EQ(1u, s.resources.size());
  EXPECT_EQ("azurerm_managed_redis", s.resources.front().type);
  nlohmann::json expected = nlohmann::json::parse(R"({"sku_name": "Balanced_B5",
    "high_availability_enabled": false, "public_network_access": "Disabled"})");
  EXPECT_EQ(expected, s.resources.front().attributes);
}

// ARM keeps a vault's redundancy in its first storage setting and says
// Enabled/Disabled for cross-region restore.
TEST(DriftGraphReader, BackupVaultInAzurermTerms) {
  constexpr std::string_view kVault = R"({"count": 1, "skip_token": null, "total_records": 1,
    "data": [{"id": "/subscriptions/5f3c2a61-8d4e-4b7a-9c1f-2e6d0b8a4c13/resourceGroups/rg-euent-westeurope-prod/providers/Microsoft.DataProtection/backupVaults/bvault-euent-westeurope-prod",
      "name": "bvault-euent-westeurope-prod", "type": "microsoft.dataprotection/backupvaults",
      "location": "westeurope", "resourceGroup": "rg-euent-westeurope-prod",
      "subscriptionId": "5f3c2a61-8d4e-4b7a-9c1f-2e6d0b8a4c13",
      "properties": {"storageSettings": [{"datastoreType": "VaultStore", "type": "GeoRedundant"}],
        "featureSettings": {"crossRegionRestoreSettings": {"state": "Enabled"}}}}]})";
  DeployedState s;
  ASSERT_FALSE(read_state_text("graph.json", kVault, StateFormat::kAuto, s));
  ASSERT_EQ(1u, s.resources.size());
  const DeployedResource& vault = s.resources.front();
  EXPECT_EQ("azurerm_data_protection_backup_vault", vault.type);
  EXPECT_EQ("VaultStore", vault.attributes["datastore_type"]);
  EXPECT_EQ("GeoRedundant", vault.attributes["redundancy"]);
  EXPECT_EQ(true, vault.attributes["cross_region_restore_enabled"]);
}

// A vault's policies and instances share their ARM types; what they protect
// says which azurerm type each is, in the `az resource list` spelling too.
TEST(DriftGraphReader, BackupPoliciesAndInstancesByDataSource) {
  constexpr std::string_view kChildren = R"({"value": [
    {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.DataProtection/backupVaults/v/backupPolicies/bkpol-st",
     "type": "Microsoft.DataProtection/backupVaults/backupPolicies",
     "properties": {"datasourceTypes": ["Microsoft.Storage/storageAccounts/blobServices"]}},
    {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.DataProtection/backupVaults/v/backupPolicies/bkpol-psql",
     "type": "Microsoft.DataProtection/backupVaults/backupPolicies",
     "properties": {"datasourceTypes": ["Microsoft.DBforPostgreSQL/flexibleServers"]}},
    {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.DataProtection/backupVaults/v/backupInstances/bkinst-st",
     "type": "Microsoft.DataProtection/backupVaults/backupInstances",
     "properties": {"dataSourceInfo": {"datasourceType": "Microsoft.Storage/storageAccounts/blobServices"}}},
    {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.DataProtection/backupVaults/v/backupInstances/bkinst-psql",
     "type": "Microsoft.DataProtection/backupVaults/backupInstances",
     "properties": {"dataSourceInfo": {"datasourceType": "Microsoft.DBforPostgreSQL/flexibleServers"}}},
    {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.DataProtection/backupVaults/v/backupPolicies/bkpol-aks",
     "type": "Microsoft.DataProtection/backupVaults/backupPolicies",
     "properties": {"datasourceTypes": ["Microsoft.ContainerService/managedClusters"]}},
    {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.DataProtection/backupVaults/v/backupInstances/bkinst-aks",
     "type": "Microsoft.DataProtection/backupVaults/backupInstances",
     "properties": {"dataSourceInfo": {"datasourceType": "Microsoft.ContainerService/managedClusters"}}}]})";
  DeployedState s;
  ASSERT_EQ(std::nullopt, read_state_text("list.json", kChildren, StateFormat::kArg, s));
  std::vector<std::string> types;
  for (const DeployedResource& r : s.resources) types.push_back(r.name + " " + std::string(r.type));
  EXPECT_EQ((std::vector<std::string>{
                "bkpol-st azurerm_data_protection_backup_policy_blob_storage",
                "bkpol-psql azurerm_data_protection_backup_policy_postgresql_flexible_server",
                "bkinst-st azurerm_data_protection_backup_instance_blob_storage",
                "bkinst-psql azurerm_data_protection_backup_instance_postgresql_flexible_server",
                "bkpol-aks azurerm_data_protection_backup_policy_kubernetes_cluster",
                "bkinst-aks azurerm_data_protection_backup_instance_kubernetes_cluster"}),
            types);
}

TEST(DriftGraphReader, ResourceListExport) {
  DeployedState s = read_fixture(kList);
  EXPECT_EQ(StateFormat::kArg, s.inputs[0].format);
  const DeployedResource* link = find_by_id_suffix(s, "/virtualNetworkLinks/link-vnet-rag-eu-prod");
  ASSERT_NE(nullptr, link);
  EXPECT_EQ("link-vnet-rag-eu-prod", link->name);  // listed as "zone/link"
  const DeployedResource* storage = find_by_id_suffix(s, "/storageAccounts/strageuprod");
  ASSERT_NE(nullptr, storage);
  EXPECT_EQ("azurerm_storage_account", storage->type);  // "Microsoft.Storage/storageAccounts"
  EXPECT_EQ("GRS", storage->attributes["account_replication_type"]);
}

TEST(DriftGraphReader, ArmListResponse) {
  DeployedState s;
  ASSERT_EQ(
      std::nullopt,
      read_state_text(
          "list.json",
          R"({"value": [{"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm1",
                                           "type": "Microsoft.Compute/virtualMachines", "location": "West US"}]})",
          StateFormat::kArg, s));
  ASSERT_EQ(1u, s.resources.size());
  EXPECT_EQ("microsoft.compute/virtualmachines", s.resources[0].type);
  EXPECT_EQ("vm1", s.resources[0].name);
  EXPECT_EQ("g", s.resources[0].resource_group);
  EXPECT_EQ("westus", s.resources[0].location);
}

// A Front Door custom domain and a public DNS zone from a Resource Graph
// export: mapped to their azurerm types, with the compared TLS settings.
TEST(DriftGraphReader, CustomDomainAndDnsZone) {
  DeployedState s;
  ASSERT_EQ(
      std::nullopt,
      read_state_text(
          "list.json",
          R"({"value": [
{"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Cdn/profiles/afd/customDomains/api-example-com",
 "type": "Microsoft.Cdn/profiles/customDomains", "location": "global",
 "properties": {"hostName": "api.example.com",
                "tlsSettings": {"certificateType": "ManagedCertificate", "minimumTlsVersion": "TLS12"}}},
{"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/dnszones/example.com",
 "type": "Microsoft.Network/dnszones", "location": "global"}]})",
          StateFormat::kArg, s));
  ASSERT_EQ(2u, s.resources.size());
  EXPECT_EQ("azurerm_cdn_frontdoor_custom_domain", s.resources[0].type);
  EXPECT_EQ("api-example-com", s.resources[0].name);
  EXPECT_EQ("api.example.com", s.resources[0].attributes["host_name"]);
  EXPECT_EQ("ManagedCertificate", s.resources[0].attributes["tls"][0]["certificate_type"]);
  EXPECT_EQ("TLS12", s.resources[0].attributes["tls"][0]["minimum_tls_version"]);
  EXPECT_EQ("azurerm_dns_zone", s.resources[1].type);
  EXPECT_EQ("example.com", s.resources[1].name);
}

TEST(DriftFormatDetection, EmptyInputsOfEachFormat) {
  for (std::string_view text : {R"({"format_version": "1.0", "terraform_version": "1.11.4"})",
                                R"({"version": 4, "lineage": "l", "serial": 0, "resources": []})",
                                "[]", R"({"count": 0, "data": []})"}) {
    DeployedState s;
    EXPECT_EQ(std::nullopt, read_state_text("x.json", text, StateFormat::kAuto, s)) << text;
    EXPECT_TRUE(s.resources.empty());
  }
}

TEST(DriftFormatDetection, RequestedFormatMustMatch) {
  DeployedState s;
  auto error = read_state_text("show.json", testing::read_text(testing::source_dir() / kShow),
                               StateFormat::kState, s);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(
      "`show.json`: is a `terraform show -json` state, not a raw Terraform state file as "
      "`--state-format state` says",
      to_string(*error));
  EXPECT_TRUE(s.inputs.empty());
  EXPECT_TRUE(s.resources.empty());
}

TEST(DriftFormatDetection, JsonOfAnotherKind) {
  EXPECT_EQ(
      "`input.json`: is JSON but not a Terraform state, plan or Resource Graph export; expected "
      "`format_version` (terraform show -json), `version` and `resources` (a state file) or a list "
      "of Azure resources",
      read_error(R"({"name": "package", "dependencies": {}})"));
}

TEST(DriftShapeErrors, PointAtTheValue) {
  EXPECT_EQ(
      "`input.json` at `/values/root_module/child_modules/0/resources/1/type`: expected `type` to "
      "be a string",
      read_error(R"({"format_version": "1.0", "values": {"root_module": {"child_modules": [
        {"address": "module.m", "resources": [
          {"address": "module.m.azurerm_subnet.a", "mode": "managed", "type": "azurerm_subnet"},
          {"address": "module.m.azurerm_subnet.b", "mode": "managed", "type": 7}]}]}}})"));
  EXPECT_EQ("`input.json` at `/resources/0/instances`: expected `instances` to be an array",
            read_error(
                R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n"}]})"));
  EXPECT_EQ(
      "`input.json` at `/resource_changes/0/change/actions`: expected `actions` to be a list of "
      "Terraform actions, e.g. [\"update\"]",
      read_error(R"({"format_version": "1.2", "resource_changes": [{"address": "a", "mode":
              "managed", "type": "azurerm_subnet", "change": {"actions": "update"}}]})"));
  EXPECT_EQ("`input.json` at `/data/0/id`: expected `id` to be a string",
            read_error(R"({"data": [{"type": "microsoft.storage/storageaccounts"}]})"));
}

TEST(DriftShapeErrors, NothingOfAFailedFileIsKept) {
  DeployedState s;
  auto error = read_state_text("x.json",
                               R"({"version": 4, "resources": [
        {"mode": "managed", "type": "azurerm_subnet", "name": "a", "instances": [{"attributes": {}}]},
        {"mode": "managed", "type": "azurerm_subnet", "name": "b", "instances": 3}]})",
                               StateFormat::kAuto, s);
  ASSERT_TRUE(error.has_value());
  EXPECT_TRUE(s.resources.empty());
  EXPECT_TRUE(s.inputs.empty());
}

}  // namespace readers_test
}  // namespace topoc::drift
