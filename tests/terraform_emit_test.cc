// Behaviours of the Terraform backend on small topologies: which modules are
// written, Front Door priorities per deployment mode, country splitting,
// backups, environments, and the manifest's addresses.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "compiler/driver/check.h"
#include "compiler/emit/terraform/emit_terraform.h"

namespace topoc {
namespace terraform_emit_test {

struct Built {
  emit::FileTree files;
  const std::string& file(std::string_view path) const {
    static const std::string kNone = "<missing>";
    for (const emit::EmittedFile& f : files) {
      if (f.path == path) return f.contents;
    }
    return kNone;
  }
  bool has(std::string_view path) const { return file(path) != "<missing>"; }
  bool has_prefix(std::string_view prefix) const {
    for (const emit::EmittedFile& f : files) {
      if (f.path.compare(0, prefix.size(), prefix) == 0) return true;
    }
    return false;
  }
  nlohmann::json manifest() const {
    for (const emit::EmittedFile& f : files) {
      if (f.path.ends_with("/topoc.manifest.json")) return nlohmann::json::parse(f.contents);
    }
    return nullptr;
  }
  std::optional<nlohmann::json> resource(std::string_view address) const {
    nlohmann::json m = manifest();
    for (const nlohmann::json& r : m["resources"]) {
      if (r["address"].get<std::string>() == address) return r;
    }
    return std::nullopt;
  }
};

Built build(const std::string& text, emit::TerraformOptions options = {}) {
  driver::CheckResult result;
  driver::check_source(result, "test.topo", text);
  EXPECT_EQ(0u, result.sink.error_count()) << text;
  if (result.models.empty() || !result.models[0]) return {};
  return {emit::emit_terraform(*result.models[0], options)};
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

constexpr const char* kOneRegion = R"(topology "solo" {
  prefix = "solo"
  boundary "eu" { geography = eu-data-boundary }
  region "weu" {
    location = westeurope
    failover = northeurope
    address  = 10.2.0.0/16
    services = [aks, monitoring]
  }
}
)";

TEST(TerraformEmit, OnlyModulesTheTopologyUsesAreWritten) {
  Built b = build(kOneRegion);
  EXPECT_TRUE(b.has("modules/regional/aks/main.tf"));
  EXPECT_TRUE(b.has("modules/regional/network/main.tf"));
  EXPECT_TRUE(b.has("modules/regional/monitoring/main.tf"));
  EXPECT_FALSE(b.has_prefix("modules/regional/redis/"));
  EXPECT_FALSE(b.has_prefix("modules/regional/private-dns/"));
  EXPECT_FALSE(b.has_prefix("modules/global/cosmosdb/"));
  EXPECT_FALSE(b.has_prefix("modules/global/frontdoor/"));
  const std::string& main = b.file("environments/prod/main.tf");
  EXPECT_FALSE(contains(main, "module \"redis\""));
  EXPECT_FALSE(contains(main, "azurerm_resource_group\" \"data\""));
}

TEST(TerraformEmit, ModuleBodiesAreTheEmbeddedTemplatesVerbatim) {
  Built b = build(kOneRegion);
  EXPECT_TRUE(contains(b.file("modules/regional/aks/main.tf"),
                       "resource \"azurerm_kubernetes_cluster_node_pool\" \"this\""));
}

TEST(TerraformEmit, EnvironmentOptionNamesTheRootAndTheResources) {
  Built b = build(kOneRegion, {"staging"});
  EXPECT_TRUE(b.has("environments/staging/main.tf"));
  EXPECT_FALSE(b.has_prefix("environments/prod/"));
  EXPECT_TRUE(contains(b.file("environments/staging/main.tf"), "\"aks-solo-weu-staging\""));
  EXPECT_TRUE(contains(b.file("environments/staging/backend.tf"), "key              = \"solo/staging.tfstate\""));
  EXPECT_EQ("staging", b.manifest()["environment"]);
}

constexpr const char* kPassive = R"(topology "dr" {
  prefix = "dr"
  mode   = active-passive
  boundary "us" { geography = united-states }
  region "primary"   { location = eastus   failover = westus2  address = 10.1.0.0/16  services = [aks] }
  region "secondary" { location = westus2  failover = eastus   address = 10.2.0.0/16  services = [aks] }
  frontdoor { endpoint = "api" }
}
)";

TEST(TerraformEmit, PassiveModesPutTheStandbyOriginAtPriorityTwo) {
  Built b = build(kPassive);
  const auto primary = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_origin.this["primary"])");
  const auto secondary = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_origin.this["secondary"])");
  ASSERT_TRUE(primary && secondary);
  EXPECT_EQ(1, (*primary)["attributes"]["priority"]);
  EXPECT_EQ(2, (*secondary)["attributes"]["priority"]);
}

TEST(TerraformEmit, ActiveActiveOriginsShareTheTopPriority) {
  std::string text = kPassive;
  text.replace(text.find("active-passive"), 14, "active-active");
  Built b = build(text);
  const auto secondary = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_origin.this["secondary"])");
  ASSERT_TRUE(secondary);
  EXPECT_EQ(1, (*secondary)["attributes"]["priority"]);
  EXPECT_EQ(1000, (*secondary)["attributes"]["weight"]);
}

TEST(TerraformEmit, CosmosAccountsStayInsideTheirBoundary) {
  Built b = build(R"(topology "two" {
  prefix = "two"
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "us" { location = eastus      boundary = us  failover = westus2      address = 10.1.0.0/16  services = [storage] }
  region "eu" { location = westeurope  boundary = eu  failover = northeurope  address = 10.2.0.0/16  services = [storage] }
  cosmos { container "items" { partition = "/tenantId" } }
}
)");
  const auto eu = b.resource(R"(module.cosmos["eu"].azurerm_cosmosdb_account.this)");
  ASSERT_TRUE(eu);
  EXPECT_EQ(nlohmann::json::parse(R"([
    {"failover_priority": 0, "location": "westeurope", "zone_redundant": true},
    {"failover_priority": 1, "location": "northeurope", "zone_redundant": true}])"),
            (*eu)["attributes"]["geo_location"]);
  EXPECT_EQ("eu", (*eu)["boundary"]);
  // The account is reached from its own boundary's region only.
  EXPECT_TRUE(b.resource(R"(module.cosmos["eu"].azurerm_private_endpoint.this["eu"])"));
  EXPECT_FALSE(b.resource(R"(module.cosmos["eu"].azurerm_private_endpoint.this["us"])"));
}

TEST(TerraformEmit, PeriodicBackupsStayOutOfPairsOutsideTheAccount) {
  Built b = build(R"(topology "bk" {
  prefix = "bk"
  boundary "br" { locations = [brazilsouth] }
  region "br" { location = brazilsouth  address = 10.1.0.0/16  services = [storage] }
  cosmos { backup = periodic  container "items" { partition = "/id" } }
}
)");
  const auto account = b.resource(R"(module.cosmos["br"].azurerm_cosmosdb_account.this)");
  ASSERT_TRUE(account);
  // brazilsouth pairs with southcentralus (US): geo backups would leave Brazil.
  EXPECT_NE("Geo", (*account)["attributes"]["backup"]["storage_redundancy"]);
}

TEST(TerraformEmit, GeoRulesHoldAtMostTwentyFiveCountries) {
  std::string countries;
  const char* codes[] = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
                         "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"};
  for (const char* c : codes) countries += std::string(countries.empty() ? "" : ", ") + c;
  Built b = build(std::string(R"(topology "geo" {
  prefix = "geo"
  boundary "eu" { geography = eu-data-boundary }
  region "eu" { location = westeurope  address = 10.2.0.0/16  services = [aks] }
  frontdoor { geo "eu" = [)") + countries + R"(] }
}
)");
  const auto first = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_rule.geo["eu-1"])");
  const auto second = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_rule.geo["eu-2"])");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(25u, (*first)["attributes"]["geo_match"].size());
  EXPECT_EQ(2u, (*second)["attributes"]["geo_match"].size());
  EXPECT_EQ(2, (*second)["attributes"]["order"]);
}

constexpr const char* kUnrouted = R"(topology "geo" {
  prefix = "geo"
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "us" { location = eastus      boundary = us  address = 10.1.0.0/16  services = [aks] }
  region "eu" { location = westeurope  boundary = eu  address = 10.2.0.0/16  services = [aks] }
  frontdoor {
    geo "us" = [US]
    unrouted = eu
  }
}
)";

TEST(TerraformEmit, UnroutedBoundaryIsTheRoutesOriginGroup) {
  Built b = build(kUnrouted);
  const auto route = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_route.this["default"])");
  ASSERT_TRUE(route);
  EXPECT_EQ("eu", (*route)["attributes"]["origin_group"]);
  const auto waf = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_firewall_policy.this[0])");
  ASSERT_TRUE(waf);
  EXPECT_FALSE((*waf)["attributes"].contains("custom_rules"));
  EXPECT_FALSE(contains(b.file("environments/prod/main.tf"), "deny_unrouted"));
  EXPECT_TRUE(contains(b.file("environments/prod/README.md"),
                       "traffic from anywhere else goes to boundary `eu` (`unrouted`)."));
}

TEST(TerraformEmit, DenyBlocksEveryCountryTheGeoRoutesDoNotList) {
  std::string text = kUnrouted;
  text.replace(text.find("unrouted = eu"), 13, "unrouted = deny");
  text.replace(text.find("[US]"), 4, "[US, CA, MX]\n    geo \"eu\" = [AT, BE, BG, CH, CY, CZ, DE, DK]");
  Built b = build(text);
  const auto waf = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_firewall_policy.this[0])");
  ASSERT_TRUE(waf);
  EXPECT_EQ(nlohmann::json::parse(R"([{
    "name": "DenyUnroutedCountries", "type": "MatchRule", "priority": 1, "action": "Block",
    "match_conditions": [
      {"match_variable": "RemoteAddr", "operator": "GeoMatch", "negation_condition": true,
       "match_values": ["AT", "BE", "BG", "CA", "CH", "CY", "CZ", "DE", "DK", "MX"]},
      {"match_variable": "RemoteAddr", "operator": "GeoMatch", "negation_condition": true,
       "match_values": ["US"]}]}])"),
            (*waf)["attributes"]["custom_rules"]);
  std::string main_tf = b.file("environments/prod/main.tf");
  EXPECT_TRUE(contains(main_tf, R"(      deny_unrouted = {
        name               = "DenyUnroutedCountries"
        admitted_countries = [["AT", "BE", "BG", "CA", "CH", "CY", "CZ", "DE", "DK", "MX"], ["US"]]
      })")) << main_tf;
  EXPECT_TRUE(contains(b.file("environments/prod/README.md"),
                       "traffic from anywhere else is refused by the WAF custom rule "
                       "`DenyUnroutedCountries` (`unrouted = deny`)."));
}

TEST(TerraformEmit, HttpsOnlyRouteAcceptsHttpsAloneAndRedirectsNothing) {
  std::string text = kUnrouted;
  text.replace(text.find("geo \"us\" = [US]"), 15,
               "route \"api\" {\n      patterns   = [\"/api/*\"]\n      https_only = true\n    }\n"
               "    route \"web\" { patterns = [\"/*\"] }\n    geo \"us\" = [US]");
  Built b = build(text);
  const auto api = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_route.this["api"])");
  const auto web = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_route.this["web"])");
  ASSERT_TRUE(api && web);
  EXPECT_EQ(nlohmann::json::array({"Https"}), (*api)["attributes"]["supported_protocols"]);
  EXPECT_EQ(false, (*api)["attributes"]["https_redirect_enabled"]);
  EXPECT_EQ(nlohmann::json::array({"Http", "Https"}), (*web)["attributes"]["supported_protocols"]);
  EXPECT_EQ(true, (*web)["attributes"]["https_redirect_enabled"]);
  std::string main_tf = b.file("environments/prod/main.tf");
  EXPECT_TRUE(contains(main_tf, R"(      api = {
        name         = )")) << main_tf;
  EXPECT_TRUE(contains(main_tf, "        https_only   = true\n")) << main_tf;
  EXPECT_TRUE(contains(main_tf, "        https_only   = false\n")) << main_tf;
}

// Affinity belongs to an origin group: a route that differs from the
// profile gets a twin of every group, the same origins, and geo rules of its
// own pointing at the twins; routes that agree keep the groups they had.
TEST(TerraformEmit, RouteAffinityGetsTwinGroupsAndItsOwnRuleSet) {
  std::string text = kUnrouted;
  text.replace(text.find("geo \"us\" = [US]"), 15,
               "route \"api\" { patterns = [\"/api/*\"] }\n"
               "    route \"stream\" {\n      patterns         = [\"/api/stream\"]\n"
               "      session_affinity = true\n    }\n    geo \"us\" = [US]");
  Built b = build(text);
  const auto group = [&](std::string_view key) {
    return b.resource(fmt::format(R"(module.frontdoor.azurerm_cdn_frontdoor_origin_group.this["{}"])", key));
  };
  ASSERT_TRUE(group("eu") && group("us") && group("eu/sticky") && group("us/sticky"));
  EXPECT_EQ(false, (*group("eu"))["attributes"]["session_affinity_enabled"]);
  EXPECT_EQ(true, (*group("eu/sticky"))["attributes"]["session_affinity_enabled"]);
  EXPECT_EQ("og-eu-sticky", (*group("eu/sticky"))["name"]);
  const auto twin = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_origin.this["us/sticky"])");
  ASSERT_TRUE(twin);
  EXPECT_EQ("us/sticky", (*twin)["attributes"]["origin_group"]);
  EXPECT_EQ("origin-us", (*twin)["name"]);
  const auto api = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_route.this["api"])");
  const auto stream = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_route.this["stream"])");
  ASSERT_TRUE(api && stream);
  EXPECT_EQ("eu", (*api)["attributes"]["origin_group"]);  // `unrouted = eu`
  EXPECT_EQ("eu/sticky", (*stream)["attributes"]["origin_group"]);
  const auto set = b.resource("module.frontdoor.azurerm_cdn_frontdoor_rule_set.alternate[0]");
  ASSERT_TRUE(set);
  EXPECT_EQ("georoutingsticky", (*set)["name"]);
  const auto rule = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_rule.geo["us/sticky"])");
  ASSERT_TRUE(rule);
  EXPECT_EQ("us/sticky", (*rule)["attributes"]["origin_group"]);
  std::string main_tf = b.file("environments/prod/main.tf");
  EXPECT_TRUE(contains(main_tf, "alternate_rule_set_name = \"georoutingsticky\"")) << main_tf;
  // The host names stay keyed by region: no twin asks for one.
  EXPECT_FALSE(contains(b.file("environments/prod/terraform.tfvars"), "sticky"));
}

TEST(TerraformEmit, RoutesThatAgreeWithTheProfileGetNoTwins) {
  std::string text = kUnrouted;
  text.replace(text.find("unrouted = eu"), 13,
               "unrouted = eu\n    session_affinity = true\n"
               "    route \"api\" { session_affinity = true }");
  Built b = build(text);
  const auto eu = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_origin_group.this["eu"])");
  ASSERT_TRUE(eu);
  EXPECT_EQ(true, (*eu)["attributes"]["session_affinity_enabled"]);
  EXPECT_FALSE(b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_origin_group.this["eu/nosticky"])"));
  EXPECT_FALSE(b.resource("module.frontdoor.azurerm_cdn_frontdoor_rule_set.alternate[0]"));
  EXPECT_TRUE(contains(b.file("environments/prod/main.tf"), "alternate_rule_set_name = null"));
}

TEST(TerraformEmit, RateLimitsFollowTheDenyRuleInTheWafPolicy) {
  std::string text = kUnrouted;
  text.replace(text.find("unrouted = eu"), 13,
               "unrouted = deny\n"
               "    rate_limit \"chat-api\" { requests = 300  window = 5m  paths = [\"/api/chat\"] }\n"
               "    rate_limit \"all\" { requests = 5000 }");
  Built b = build(text);
  const auto waf = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_firewall_policy.this[0])");
  ASSERT_TRUE(waf);
  const nlohmann::json& rules = (*waf)["attributes"]["custom_rules"];
  ASSERT_EQ(3u, rules.size()) << rules;
  EXPECT_EQ("DenyUnroutedCountries", rules[0]["name"]);
  EXPECT_EQ(nlohmann::json::parse(R"({
    "name": "RateLimitchatapi", "type": "RateLimitRule", "priority": 10, "action": "Block",
    "rate_limit_duration_in_minutes": 5, "rate_limit_threshold": 300,
    "match_conditions": [{"match_variable": "RequestUri", "operator": "Contains",
                          "match_values": ["/api/chat"]}]})"),
            rules[1]);
  EXPECT_EQ(nlohmann::json::parse(R"({
    "name": "RateLimitall", "type": "RateLimitRule", "priority": 11, "action": "Block",
    "rate_limit_duration_in_minutes": 1, "rate_limit_threshold": 5000,
    "match_conditions": [{"match_variable": "RemoteAddr", "operator": "IPMatch",
                          "match_values": ["0.0.0.0/0", "::/0"]}]})"),
            rules[2]);
  EXPECT_TRUE(contains(b.file("environments/prod/main.tf"), "rate_limits = [")) << b.file("environments/prod/main.tf");
}

TEST(TerraformEmit, OriginBlocksSetWeightAndPriority) {
  std::string text = kPassive;
  text.replace(text.find("frontdoor { endpoint = \"api\" }"), 30,
               "frontdoor { endpoint = \"api\"  unrouted = us\n"
               "  origin \"primary\" { weight = 70 }\n"
               "  origin \"secondary\" { weight = 30  priority = 1 } }");
  Built b = build(text);
  const auto primary = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_origin.this["primary"])");
  const auto secondary = b.resource(R"(module.frontdoor.azurerm_cdn_frontdoor_origin.this["secondary"])");
  ASSERT_TRUE(primary && secondary);
  EXPECT_EQ(70, (*primary)["attributes"]["weight"]);
  EXPECT_EQ(1, (*primary)["attributes"]["priority"]);
  EXPECT_EQ(30, (*secondary)["attributes"]["weight"]);
  // Written priority replaces the passive mode's standby priority 2.
  EXPECT_EQ(1, (*secondary)["attributes"]["priority"]);
}

TEST(TerraformEmit, ManifestAddressesMatchTheModuleCalls) {
  Built b = build(kOneRegion);
  EXPECT_TRUE(b.resource(R"(module.aks["weu"].azurerm_kubernetes_cluster.this)"));
  EXPECT_TRUE(b.resource(R"(module.aks["weu"].azurerm_kubernetes_cluster_node_pool.this["workload"])"));
  EXPECT_TRUE(b.resource(R"(module.network["weu"].azurerm_subnet.this["aks"])"));
  EXPECT_TRUE(b.resource(R"(azurerm_resource_group.region["weu"])"));
  const std::string& main = b.file("environments/prod/main.tf");
  EXPECT_TRUE(contains(main, "module \"aks\" {"));
  EXPECT_TRUE(contains(main, "resource \"azurerm_resource_group\" \"region\" {"));
}

TEST(TerraformEmit, ManifestResourcesAreSortedByAddress) {
  Built b = build(kPassive);
  nlohmann::json m = b.manifest();
  std::string previous;
  for (const nlohmann::json& r : m["resources"]) {
    std::string address = r["address"];
    EXPECT_LT(previous, address);
    previous = address;
  }
}

// The manifest is written as text; it must read back as the same JSON and
// be laid out exactly as nlohmann::json::dump(2) lays it out, whatever the
// user's strings hold.
TEST(TerraformEmit, ManifestTextIsJsonDumpLayoutEvenForHostileStrings) {
  const std::string owner = "team\n'lead' ${owner} \\ \"q\" \t\x01 Zürich";
  driver::CheckResult result;
  driver::check_source(result, "test.topo", R"(topology "obrien" {
  prefix = "hx"
  owner  = "team\n'lead' ${owner} \\ \"q\" \t\u{1} Zürich"
  boundary "us" { geography = united-states }
  region "us" { location = eastus  address = 10.1.0.0/16  services = [storage] }
}
)");
  ASSERT_EQ(0u, result.sink.error_count());
  // M017 keeps such names out of topologies; the manifest escapes them anyway.
  model::Topology t = *result.models[0];
  t.name = "o'brien \\ \"${x}\"";
  Built b{emit::emit_terraform(t, {})};
  const std::string& text = b.file("environments/prod/topoc.manifest.json");
  nlohmann::json m = nlohmann::json::parse(text);
  EXPECT_EQ(m.dump(2) + "\n", text);
  EXPECT_EQ("o'brien \\ \"${x}\"", m["topology"]);
  EXPECT_EQ(owner, m["resources"][0]["tags"]["owner"]);
}

// The manifest skips text needing no escape eight bytes at a time: every
// byte JSON escapes, and some it does not, at each offset of such a word.
TEST(TerraformEmit, ManifestEscapesEachByteWhereverItFallsInAWord) {
  driver::CheckResult result;
  driver::check_source(result, "test.topo", R"(topology "t" {
  prefix = "hx"
  boundary "us" { geography = united-states }
  region "us" { location = eastus  address = 10.1.0.0/16 }
}
)");
  ASSERT_EQ(0u, result.sink.error_count());
  model::Topology t = *result.models[0];
  for (std::string special : {"\x01", "\x1f", "\"", "\\", "\n", " ", "\x7f", "\xc3\xa9"}) {
    for (size_t at = 0; at < 18; ++at) {
      t.name = std::string(at, 'a') + special + std::string(17 - at, 'b');
      std::string text = emit::emit_terraform_manifest(t, {});
      nlohmann::json m = nlohmann::json::parse(text);
      EXPECT_EQ(m.dump(2) + "\n", text) << at;
      EXPECT_EQ(t.name, m["topology"]) << at;
    }
  }
}

TEST(TerraformEmit, ResidencyPolicyAllowsTheBoundaryLocations) {
  Built b = build(kOneRegion);
  const auto assignment = b.resource(
      R"(module.residency_policy["eu"].azurerm_resource_group_policy_assignment.allowed_locations["region-weu"])");
  ASSERT_TRUE(assignment);
  auto allowed = (*assignment)["attributes"]["allowed_locations"];
  EXPECT_NE(allowed.end(), std::find(allowed.begin(), allowed.end(), "northeurope"));
  EXPECT_EQ(allowed.end(), std::find(allowed.begin(), allowed.end(), "eastus"));
}

}  // namespace terraform_emit_test
}  // namespace topoc
