// What the emitted trees must hold to deploy and behave as the topology says,
// in Terraform and Bicep alike: storage reached through the management plane
// only, the ingress subnet open to Private Link services, a private endpoint
// for the secondary blob endpoint of read-access geo-redundant storage, Front
// Door's back end admitted where it comes without Private Link, key-based
// authentication off, role assignments scoped to subnets, and child modules
// that declare the provider they are written for.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <string>

#include "compiler/driver/check.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/terraform/emit_terraform.h"

namespace topoc {
namespace {

struct Tree {
  emit::FileTree files;
  const std::string& file(std::string_view path) const {
    static const std::string kNone = "<missing>";
    for (const emit::EmittedFile& f : files) {
      if (f.path == path) return f.contents;
    }
    return kNone;
  }
  std::optional<nlohmann::json> resource(std::string_view address) const {
    nlohmann::json m = nlohmann::json::parse(file("environments/prod/topoc.manifest.json"));
    for (const nlohmann::json& r : m["resources"]) {
      if (r["address"].get<std::string>() == address) return r;
    }
    return std::nullopt;
  }
};

std::optional<model::Topology> model_of(const std::string& text) {
  driver::CheckResult result;
  driver::check_source(result, "test.topo", text);
  EXPECT_EQ(0u, result.sink.error_count()) << text;
  if (result.models.empty() || !result.models[0]) return std::nullopt;
  return std::move(*result.models[0]);
}

Tree terraform(const std::string& text) {
  auto m = model_of(text);
  if (!m) return {};
  return {emit::emit_terraform(*m, {})};
}

Tree bicep(const std::string& text) {
  auto m = model_of(text);
  if (!m) return {};
  return {emit::emit_bicep(*m, {})};
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Two regions behind a Front Door: `weu` runs AKS (an origin) and storage
// with read access to its secondary, `api` AKS and Redis; `data` runs only
// storage (geo-redundant without read access) and Cosmos DB reaches it.
std::string topology(std::string_view sku, std::string_view probe = "https") {
  return std::string(R"(topology "shop" {
  prefix = "shop"
  boundary "eu" { geography = eu-data-boundary }
  region "weu" {
    location = westeurope
    failover = northeurope
    address  = 10.1.0.0/16
    services = [aks, storage, redis]
    storage { replication = RAGZRS }
    redis { sku = standard }
  }
  region "data" {
    location = northeurope
    address  = 10.2.0.0/16
    services = [storage]
    storage { replication = GRS }
  }
  tenant "t" { residency = eu }
  cosmos { container "orders" { partition = "/tenantId" } }
  frontdoor {
    sku = )") +
         std::string(sku) + R"(
    probe { protocol = )" +
         std::string(probe) + R"( }
    geo "eu" = [DE]
  }
}
)";
}

// ---------------------------------------------------------------- item 1

TEST(ApplyTerraform, ProviderKeepsStorageOnTheManagementPlaneWithEntraId) {
  Tree t = terraform(topology("premium"));
  EXPECT_EQ(
      "provider \"azurerm\" {\n"
      "  features {\n"
      "    storage {\n"
      "      data_plane_available = false\n"
      "    }\n"
      "  }\n"
      "\n"
      "  storage_use_azuread = true\n"
      "\n"
      "  # null falls back to ARM_SUBSCRIPTION_ID.\n"
      "  subscription_id = var.subscription_id\n"
      "}\n",
      t.file("environments/prod/providers.tf"));
}

TEST(ApplyTerraform, StorageAccountSetsNothingThatNeedsTheDataPlaneAndNoSharedKeys) {
  Tree t = terraform(topology("premium"));
  const std::string& storage = t.file("modules/regional/storage/main.tf");
  EXPECT_TRUE(contains(storage, "\n  shared_access_key_enabled       = false\n")) << storage;
  // The two arguments the provider refuses with data_plane_available = false.
  EXPECT_FALSE(
      std::regex_search(storage, std::regex(R"(\n\s*(queue_properties|static_website)\s*\{)")));
}

// ---------------------------------------------------------------- item 3

TEST(ApplyTerraform, OnlyTheIngressSubnetTurnsOffPrivateLinkServicePolicies) {
  Tree t = terraform(topology("premium"));
  const std::string& main = t.file("environments/prod/main.tf");
  EXPECT_TRUE(contains(
      main,
      "          ingress = {\n"
      "            name                                          = \"snet-ingress\"\n"
      "            address_prefix                                = \"10.1.144.0/20\"\n"
      "            network_security_group_name                   = \"nsg-shop-weu-ingress-prod\"\n"
      "            service_endpoints                             = []\n"
      "            private_endpoint_network_policies             = \"Disabled\"\n"
      "            private_link_service_network_policies_enabled = false\n"
      "          }\n"))
      << main;
  std::regex flag(R"(private_link_service_network_policies_enabled = (true|false))");
  int off = 0, on = 0;
  for (auto it = std::sregex_iterator(main.begin(), main.end(), flag); it != std::sregex_iterator();
       ++it) {
    ((*it)[1] == "false" ? off : on)++;
  }
  EXPECT_EQ(1, off);  // weu's ingress
  EXPECT_EQ(3, on);   // weu's aks and endpoints, data's endpoints
  EXPECT_TRUE(contains(t.file("modules/regional/network/main.tf"),
                       "  private_link_service_network_policies_enabled = "
                       "each.value.private_link_service_network_policies_enabled\n"));
}

TEST(ApplyBicep, OnlyTheIngressSubnetTurnsOffPrivateLinkServicePolicies) {
  Tree t = bicep(topology("premium"));
  const std::string& params = t.file("bicep/prod.bicepparam");
  EXPECT_TRUE(contains(params,
                       "          key: 'ingress'\n"
                       "          name: 'snet-ingress'\n"
                       "          addressPrefix: '10.1.144.0/20'\n"
                       "          networkSecurityGroupName: 'nsg-shop-weu-ingress-prod'\n"
                       "          serviceEndpoints: []\n"
                       "          privateEndpointNetworkPolicies: 'Disabled'\n"
                       "          privateLinkServiceNetworkPolicies: 'Disabled'\n"))
      << params;
  size_t enabled = 0;
  for (size_t at = params.find("privateLinkServiceNetworkPolicies: 'Enabled'");
       at != std::string::npos;
       at = params.find("privateLinkServiceNetworkPolicies: 'Enabled'", at + 1)) {
    ++enabled;
  }
  EXPECT_EQ(3u, enabled);
  EXPECT_TRUE(
      contains(t.file("bicep/modules/network.bicep"),
               "      privateLinkServiceNetworkPolicies: s.privateLinkServiceNetworkPolicies\n"));
}

// ---------------------------------------------------------------- item 7

TEST(ApplyTerraform, ReadAccessStorageGetsABlobSecondaryEndpoint) {
  Tree t = terraform(topology("premium"));
  const std::string& main = t.file("environments/prod/main.tf");
  EXPECT_TRUE(
      contains(main,
               "        private_endpoint_name           = \"pep-shop-weu-blob-prod\"\n"
               "        secondary_private_endpoint_name = \"pep-shop-weu-blob-secondary-prod\"\n"))
      << main;
  EXPECT_TRUE(contains(main,
                       "        private_endpoint_name           = \"pep-shop-data-blob-prod\"\n"
                       "        secondary_private_endpoint_name = null\n"));
  EXPECT_TRUE(contains(main,
                       "  secondary_private_endpoint_name = "
                       "each.value.storage.secondary_private_endpoint_name\n"));
  const std::string& module = t.file("modules/regional/storage/main.tf");
  EXPECT_TRUE(contains(module, "    subresource_names              = [\"blob_secondary\"]\n"));
  EXPECT_TRUE(
      contains(module, "    private_dns_zone_ids = var.private_endpoint.private_dns_zone_ids\n"));

  auto secondary = t.resource("module.storage[\"weu\"].azurerm_private_endpoint.secondary[0]");
  ASSERT_TRUE(secondary);
  EXPECT_EQ("pep-shop-weu-blob-secondary-prod", (*secondary)["name"]);
  EXPECT_EQ(nlohmann::json({"blob_secondary"}), (*secondary)["attributes"]["subresource_names"]);
  EXPECT_FALSE(t.resource("module.storage[\"data\"].azurerm_private_endpoint.secondary[0]"));
}

TEST(ApplyBicep, ReadAccessStorageGetsABlobSecondaryEndpoint) {
  Tree t = bicep(topology("premium"));
  const std::string& params = t.file("bicep/prod.bicepparam");
  EXPECT_TRUE(contains(params,
                       "      privateEndpointName: 'pep-shop-weu-blob-prod'\n"
                       "      privateDnsZones: [\n"
                       "        'privatelink.blob.core.windows.net'\n"
                       "      ]\n"
                       "      secondaryPrivateEndpointName: 'pep-shop-weu-blob-secondary-prod'\n"))
      << params;
  EXPECT_FALSE(contains(params, "pep-shop-data-blob-secondary-prod"));
  const std::string& module = t.file("bicep/modules/storage.bicep");
  EXPECT_TRUE(contains(module, "    groupId: 'blob_secondary'\n"));
  EXPECT_TRUE(contains(module, "if (settings.?secondaryPrivateEndpointName != null)"));
}

// ---------------------------------------------------------------- item 8

TEST(ApplyTerraform, FrontDoorBackendIsAdmittedWhereItComesWithoutPrivateLink) {
  Tree premium = terraform(topology("premium"));
  const std::string& main = premium.file("environments/prod/main.tf");
  EXPECT_TRUE(contains(main,
                       "        frontdoor_backend = {\n"
                       "          subnet   = \"ingress\"\n"
                       "          ports    = [\"443\"]\n"
                       "          priority = 100\n"
                       "        }\n"))
      << main;
  EXPECT_TRUE(contains(main, "        frontdoor_backend = null\n"));  // `data` is no origin
  EXPECT_TRUE(contains(main,
                       "  frontdoor_backend   = contains(keys(var.origin_private_link_target_ids), "
                       "each.key) ? null : each.value.network.frontdoor_backend\n"))
      << main;

  Tree standard = terraform(topology("standard", "http"));
  const std::string& plain = standard.file("environments/prod/main.tf");
  EXPECT_TRUE(contains(plain, "          ports    = [\"80\"]\n"));
  EXPECT_TRUE(contains(plain, "  frontdoor_backend   = each.value.network.frontdoor_backend\n"))
      << plain;

  const std::string& network = premium.file("modules/regional/network/main.tf");
  EXPECT_TRUE(contains(network,
                       "      source_address_prefix      = \"AzureFrontDoor.Backend\"\n"
                       "      destination_address_prefix = each.value.address_prefix\n"));
  EXPECT_TRUE(contains(network, "      direction                  = \"Inbound\"\n"));
  // A null frontdoor_backend (no Front Door, or Private Link) writes no rule;
  // `&&` would evaluate `null.subnet` and fail the plan.
  EXPECT_TRUE(contains(network,
                       "    for_each = try(var.frontdoor_backend.subnet, null) == each.key ? "
                       "[var.frontdoor_backend] : []\n"));
}

TEST(ApplyTerraform, NoFrontDoorNoBackendRule) {
  Tree t = terraform(R"(topology "solo" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  address = 10.1.0.0/16  services = [aks] }
}
)");
  EXPECT_FALSE(contains(t.file("environments/prod/main.tf"), "frontdoor_backend"));
}

TEST(ApplyBicep, FrontDoorBackendIsAdmittedWhereItComesWithoutPrivateLink) {
  Tree premium = bicep(topology("premium"));
  const std::string& params = premium.file("bicep/prod.bicepparam");
  EXPECT_TRUE(contains(params,
                       "      frontDoorBackend: {\n"
                       "        subnet: 'ingress'\n"
                       "        ports: [\n"
                       "          '443'\n"
                       "        ]\n"
                       "        priority: 100\n"
                       "      }\n"))
      << params;
  const std::string& main = premium.file("bicep/main.bicep");
  // Every region's network reads its own key; only origins (weu, not data)
  // have a Front Door rule for it to leave out.
  EXPECT_TRUE(contains(main, "      frontDoorPrivateLink: contains(originPrivateLinks, region.key)\n"))
      << main;
  size_t backends = 0;
  for (size_t at = params.find("frontDoorBackend: {"); at != std::string::npos;
       at = params.find("frontDoorBackend: {", at + 1)) {
    ++backends;
  }
  EXPECT_EQ(1u, backends);

  Tree standard = bicep(topology("standard", "http"));
  EXPECT_TRUE(contains(standard.file("bicep/prod.bicepparam"), "      '80'\n"));
  EXPECT_FALSE(contains(standard.file("bicep/main.bicep"), "frontDoorPrivateLink"));

  const std::string& network = premium.file("bicep/modules/network.bicep");
  EXPECT_TRUE(contains(network, "                sourceAddressPrefix: 'AzureFrontDoor.Backend'\n"));
  EXPECT_TRUE(contains(network, "                destinationAddressPrefix: s.addressPrefix\n"));
}

// ---------------------------------------------------------------- item 12

TEST(ApplyTerraform, KeyBasedAuthenticationIsOff) {
  Tree t = terraform(topology("premium"));
  EXPECT_TRUE(contains(t.file("modules/global/cosmosdb/main.tf"),
                       "\n  local_authentication_disabled = true\n"));
  const std::string& redis = t.file("modules/regional/redis/main.tf");
  // The provider refuses access_keys_authentication_enabled = false without
  // Entra authentication on the same cache.
  const std::string cache =
      "  access_keys_authentication_enabled = false\n"
      "\n"
      "  redis_configuration {\n"
      "    active_directory_authentication_enabled = true\n";
  size_t first = redis.find(cache);
  ASSERT_NE(std::string::npos, first) << redis;
  EXPECT_NE(std::string::npos, redis.find(cache, first + 1));  // the geo-replica too
}

TEST(ApplyBicep, KeyBasedAuthenticationIsOff) {
  Tree t = bicep(topology("premium"));
  EXPECT_TRUE(contains(t.file("bicep/modules/cosmos.bicep"), "\n    disableLocalAuth: true\n"));
  EXPECT_TRUE(
      contains(t.file("bicep/modules/storage.bicep"), "\n    allowSharedKeyAccess: false\n"));
  EXPECT_TRUE(contains(t.file("bicep/modules/redis.bicep"),
                       "  disableAccessKeyAuthentication: true\n"
                       "  redisConfiguration: {\n"
                       "    'aad-enabled': 'true'\n"
                       "    ...persistenceConfiguration\n"
                       "  }\n"));
}

TEST(ApplyTerraform, ClusterIsNetworkContributorOnItsSubnetsOnly) {
  Tree t = terraform(topology("premium"));
  const std::string& main = t.file("environments/prod/main.tf");
  EXPECT_TRUE(contains(main,
                       "  network_subnet_ids = {\n"
                       "    aks     = module.network[each.key].subnet_ids[\"aks\"]\n"
                       "    ingress = module.network[each.key].subnet_ids[\"ingress\"]\n"
                       "  }\n"))
      << main;
  const std::string& aks = t.file("modules/regional/aks/main.tf");
  EXPECT_TRUE(contains(
      aks, "  for_each = var.network_subnet_ids\n\n  scope                = each.value\n"));
  EXPECT_FALSE(contains(aks, "virtual_network_id"));
  for (const char* subnet : {"aks", "ingress"}) {
    auto r = t.resource(
        std::string("module.aks[\"weu\"].azurerm_role_assignment.network_contributor[\"") + subnet +
        "\"]");
    ASSERT_TRUE(r) << subnet;
    EXPECT_EQ("Network Contributor", (*r)["attributes"]["role_definition_name"]);
  }
  EXPECT_FALSE(t.resource("module.aks[\"weu\"].azurerm_role_assignment.network_contributor"));
}

TEST(ApplyBicep, ClusterIsNetworkContributorOnItsSubnetsOnly) {
  Tree t = bicep(topology("premium"));
  EXPECT_TRUE(contains(t.file("bicep/prod.bicepparam"),
                       "      networkSubnetNames: [\n"
                       "        'snet-aks'\n"
                       "        'snet-ingress'\n"
                       "      ]\n"))
      << t.file("bicep/prod.bicepparam");
  const std::string& aks = t.file("bicep/modules/aks.bicep");
  EXPECT_TRUE(contains(aks, "    scope: networkSubnets[i]\n"));
  EXPECT_FALSE(contains(aks, "  scope: network\n"));
}

TEST(ApplyTerraform, EveryModuleDeclaresTheRootsProviderConstraint) {
  Tree t = terraform(topology("premium"));
  std::smatch root;
  const std::string& versions = t.file("environments/prod/terraform.tf");
  ASSERT_TRUE(std::regex_search(versions, root, std::regex(R"re(\n      version = "([^"]+)")re")));
  const std::string block =
      "terraform {\n"
      "  required_providers {\n"
      "    azurerm = {\n"
      "      source  = \"hashicorp/azurerm\"\n"
      "      version = \"" +
      root[1].str() +
      "\"\n"
      "    }\n"
      "  }\n"
      "}\n";
  std::set<std::string> modules;
  for (const emit::EmittedFile& f : t.files) {
    if (f.path.rfind("modules/", 0) != 0) continue;
    std::string dir = f.path.substr(0, f.path.find('/', f.path.find('/', 8) + 1));
    if (f.path.size() > dir.size() &&
        f.path.substr(dir.size() + 1).find('/') == std::string::npos) {
      modules.insert(dir);
    }
  }
  EXPECT_EQ(11u, modules.size());
  for (const std::string& dir : modules) {
    EXPECT_TRUE(contains(t.file(dir + "/versions.tf"), block)) << dir;
  }
}

}  // namespace
}  // namespace topoc
