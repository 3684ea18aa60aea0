#include "compiler/naming/names.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "compiler/naming/cosmos_accounts.h"
#include "compiler/naming/naming_rules.h"
#include "tests/check_support.h"

namespace topoc::naming {
namespace {

const NamingRule& rule(std::string_view type) {
  const NamingRule* r = find_naming_rule(type);
  EXPECT_NE(nullptr, r) << type;
  return *r;
}

std::string problem(std::string_view type, std::string_view name) {
  return violation(rule(type), name).value_or("");
}

model::Topology model_of(std::string text) {
  auto result = testing::check_text(std::move(text));
  EXPECT_TRUE(result.models.at(0).has_value());
  return *result.models.at(0);
}

std::string name_of(const std::vector<GeneratedName>& names, std::string_view key) {
  const GeneratedName* n = find_name(names, key);
  return n ? n->name : "<missing " + std::string(key) + ">";
}

constexpr const char* kShop = R"(topology "shop" {
  prefix = "shop"
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  failover = northeurope  address = 10.1.0.0/16 }
  cosmos { container "orders" { partition = "/tenantId" } }
  frontdoor { geo "eu" = [DE, FR] }
}
)";

TEST(NamingRules, CatalogueIsWellFormed) {
  std::set<std::string_view> types;
  for (const NamingRule& r : all_naming_rules()) {
    EXPECT_TRUE(types.insert(r.resource_type).second) << r.resource_type << " is listed twice";
    EXPECT_LE(r.min_length, r.max_length) << r.resource_type;
    EXPECT_FALSE(r.noun.empty()) << r.resource_type;
    EXPECT_FALSE(r.summary.empty()) << r.resource_type;
  }
}

// The byte table conforms() reads is allows_character, byte for byte, for
// every rule: lowercase-only and any-case letters, punctuation, free text
// with its forbidden characters, control and non-ASCII bytes.
TEST(NamingRules, ByteTableIsAllowsCharacter) {
  for (const NamingRule& rule : all_naming_rules()) {
    std::bitset<256> table = accepted_byte_table(rule);
    for (int c = 0; c < 256; ++c) {
      ASSERT_EQ(allows_character(rule, static_cast<char>(c)), table[static_cast<size_t>(c)])
          << rule.resource_type << " byte " << c;
    }
  }
}

TEST(NamingRules, StorageAccountTooLong) {
  EXPECT_EQ("is 26 characters; storage account names are 3-24 lowercase letters and digits",
            problem("azurerm_storage_account", "stragplatformcontosoeuprod"));
}

TEST(NamingRules, StorageAccountRejectsUppercaseAndHyphens) {
  EXPECT_EQ(
      "contains uppercase letters and contains `-`; storage account names are 3-24 "
      "lowercase letters and digits",
      problem("azurerm_storage_account", "stShop-eu"));
}

TEST(NamingRules, ServiceBusNamespaceStartsWithALetter) {
  EXPECT_EQ(std::nullopt, violation(rule("azurerm_servicebus_namespace"), "sbns-rag-eu-prod"));
  EXPECT_NE(std::nullopt, violation(rule("azurerm_servicebus_namespace"), "1sbns-rag"));
  EXPECT_NE(std::nullopt, violation(rule("azurerm_servicebus_namespace"), "sbns-rag-"));
  EXPECT_NE(std::nullopt, violation(rule("azurerm_servicebus_namespace"), "sbns"));
}

// azurerm v4.55.0 validate/front_door_custom_domain_name.go: 2-260 letters,
// digits and hyphens, starting and ending with a letter or digit.
TEST(NamingRules, FrontDoorCustomDomain) {
  EXPECT_EQ(std::nullopt, violation(rule("azurerm_cdn_frontdoor_custom_domain"), "api-example-com"));
  EXPECT_NE(std::nullopt, violation(rule("azurerm_cdn_frontdoor_custom_domain"), "api.example.com"));
  EXPECT_NE(std::nullopt, violation(rule("azurerm_cdn_frontdoor_custom_domain"), "-api-example"));
  EXPECT_NE(std::nullopt, violation(rule("azurerm_cdn_frontdoor_custom_domain"), "a"));
}

TEST(NamingRules, ServiceBusTopicsAndSubscriptions) {
  EXPECT_EQ(std::nullopt, violation(rule("azurerm_servicebus_topic"), "index-sync/events_v1.2"));
  EXPECT_NE(std::nullopt, violation(rule("azurerm_servicebus_topic"), std::string(261, 'a')));
  EXPECT_EQ(std::nullopt,
            violation(rule("azurerm_servicebus_subscription"), "eu-search-indexer.v2_a"));
  EXPECT_NE(std::nullopt, violation(rule("azurerm_servicebus_subscription"), std::string(51, 'a')));
  EXPECT_NE(std::nullopt, violation(rule("azurerm_servicebus_subscription"), "a/b"));
}

TEST(NamingRules, ValidNamesPass) {
  EXPECT_EQ(std::nullopt, violation(rule("azurerm_storage_account"), "stshopweuprod"));
  EXPECT_EQ(std::nullopt, violation(rule("azurerm_key_vault"), "kv-shop-weu-prod"));
  EXPECT_EQ(std::nullopt, violation(rule("azurerm_kubernetes_cluster_node_pool"), "ragpool"));
  EXPECT_EQ(std::nullopt, violation(rule("azurerm_cdn_frontdoor_rule_set"), "georouting"));
  EXPECT_EQ(std::nullopt, violation(rule("azurerm_monitor_metric_alert"), "alert-aks-ready-eu"));
}

TEST(NamingRules, KeyVaultStartEndAndDoubleHyphen) {
  EXPECT_EQ(
      "starts with a digit and contains `--`; key vault names are 3-24 letters, digits and "
      "`-`, starting with a letter, ending with a letter or digit, without `--`",
      problem("azurerm_key_vault", "1kv--shop"));
  EXPECT_EQ(
      "ends with `-`; key vault names are 3-24 letters, digits and `-`, starting with a "
      "letter, ending with a letter or digit, without `--`",
      problem("azurerm_key_vault", "kv-shop-"));
}

TEST(NamingRules, NodePoolNames) {
  EXPECT_EQ(
      "contains `-`; AKS node pool names are 1-12 lowercase letters and digits, starting "
      "with a letter",
      problem("azurerm_kubernetes_cluster_node_pool", "rag-pool"));
  EXPECT_EQ(
      "starts with a digit; AKS node pool names are 1-12 lowercase letters and digits, "
      "starting with a letter",
      problem("azurerm_kubernetes_cluster_node_pool", "1pool"));
  EXPECT_EQ(
      "is 13 characters; AKS node pool names are 1-12 lowercase letters and digits, "
      "starting with a letter",
      problem("azurerm_kubernetes_cluster_node_pool", "workloadpool1"));
}

TEST(NamingRules, SearchServiceHyphenAsSecondCharacter) {
  EXPECT_EQ(
      "has `-` as its second character; AI Search service names are 2-60 lowercase "
      "letters, digits and `-`, without `-` in the first two characters, at the end or "
      "twice in a row",
      problem("azurerm_search_service", "a-search"));
}

TEST(NamingRules, FreeTextNamesUseADenyList) {
  EXPECT_EQ(
      "contains `/` and ends with `.`; metric alert names are 1-260 characters without "
      "`*`, `#`, `&`, `+`, `:`, `<`, `>`, `?`, `@`, `%`, `{`, `}`, `\\`, `/` or `|`, not "
      "ending in a space or `.`",
      problem("azurerm_monitor_metric_alert", "alert/a."));
  EXPECT_EQ(std::nullopt, violation(rule("azurerm_cosmosdb_sql_container"), "Bestellungen-ü"));
}

TEST(NamingRules, NonAsciiCharactersAreNamedAndCountedOnce) {
  EXPECT_EQ(
      "contains `ü`; Cosmos DB account names are 3-44 lowercase letters, digits and `-`, "
      "starting and ending with a letter or digit",
      problem("azurerm_cosmosdb_account", "cosno-müller"));
  EXPECT_EQ(4u, name_length("über"));
}

TEST(FitName, KeepsNamesThatFit) {
  EXPECT_EQ("kv-shop-weu-prod", fit_name("kv-", "shop-weu", "-prod", 24, "-"));
}

// These values are deployed names: a change here renames resources in Azure.
TEST(FitName, CutsLongNamesWithAStableHash) {
  EXPECT_EQ("kv-ragplatform-9783-prod",
            fit_name("kv-", "ragplatform-contoso-eu", "-prod", 24, "-"));
  EXPECT_EQ("stragplatformcond131prod", fit_name("st", "ragplatformcontosoeu", "prod", 24, ""));
  EXPECT_NE(fit_name("st", "ragplatformcontosoeu", "prod", 24, ""),
            fit_name("st", "ragplatformcontosous", "prod", 24, ""));
}

TEST(FitName, NeverEndsTheCutOnAHyphen) {
  std::string name = fit_name("kv-", "shopplatfor-m-eu", "-prod", 24, "-");
  EXPECT_EQ(std::string::npos, name.find("--")) << name;
  EXPECT_LE(name.size(), 24u);
}

TEST(FitName, GivesUpWhenTheFixedPartsAloneAreTooLong) {
  EXPECT_EQ("kv-shop-production-environment",
            fit_name("kv-", "shop", "-production-environment", 24, "-"));
}

TEST(GenerateNames, FollowsTheDocumentedScheme) {
  auto names = generate_names(model_of(kShop));
  EXPECT_EQ("rg-shop-global-prod", name_of(names, "global.rg"));
  EXPECT_EQ("rg-shop-weu-prod", name_of(names, "region.weu.rg"));
  EXPECT_EQ("vnet-shop-weu-prod", name_of(names, "region.weu.vnet"));
  EXPECT_EQ("snet-aks", name_of(names, "region.weu.subnet.aks"));
  EXPECT_EQ("nsg-shop-weu-aks-prod", name_of(names, "region.weu.nsg.aks"));
  EXPECT_EQ("aks-shop-weu-prod", name_of(names, "region.weu.aks"));
  EXPECT_EQ("shop-weu-prod", name_of(names, "region.weu.aks.dns_prefix"));
  EXPECT_EQ("system", name_of(names, "region.weu.aks.system_pool"));
  EXPECT_EQ("workload", name_of(names, "region.weu.aks.pool.workload"));
  EXPECT_EQ("stshopweuprod", name_of(names, "region.weu.storage"));
  EXPECT_EQ("kv-shop-weu-prod", name_of(names, "region.weu.keyvault"));
  EXPECT_EQ("oai-shop-weu-prod", name_of(names, "region.weu.openai.subdomain"));
  EXPECT_EQ("pep-shop-weu-cosmos-prod", name_of(names, "region.weu.pep.cosmos"));
  EXPECT_EQ("privatelink.documents.azure.com",
            name_of(names, "region.weu.dns_zone.privatelink.documents.azure.com"));
  EXPECT_EQ("link-vnet-shop-weu-prod",
            name_of(names, "region.weu.dns_link.privatelink.documents.azure.com"));
  EXPECT_EQ("rg-shop-data-eu-prod", name_of(names, "boundary.eu.data.rg"));
  EXPECT_EQ("cosno-shop-eu-prod", name_of(names, "boundary.eu.data.cosmos"));
  EXPECT_EQ("orders", name_of(names, "boundary.eu.data.container.orders"));
  EXPECT_EQ("shop-residency-eu-prod", name_of(names, "boundary.eu.policy"));
  EXPECT_EQ("afd-shop-prod", name_of(names, "frontdoor.profile"));
  EXPECT_EQ("fde-shop-prod", name_of(names, "frontdoor.endpoint"));
  EXPECT_EQ("og-eu", name_of(names, "frontdoor.origin_group.eu"));
  EXPECT_EQ("geoeu", name_of(names, "frontdoor.rule.eu"));
  EXPECT_EQ("fdfpshopprod", name_of(names, "frontdoor.waf"));
  EXPECT_EQ("alert-aks-ready-nodes-weu", name_of(names, "alerts.aks-ready-nodes.region.weu"));
}

TEST(GenerateNames, ScopesSayWhereTheNameMustBeUnique) {
  auto names = generate_names(model_of(kShop));
  EXPECT_EQ("subscription", find_name(names, "region.weu.rg")->scope);
  EXPECT_EQ("global", find_name(names, "region.weu.storage")->scope);
  EXPECT_EQ("rg-shop-weu-prod", find_name(names, "region.weu.vnet")->scope);
  EXPECT_EQ("rg-shop-weu-prod/vnet-shop-weu-prod",
            find_name(names, "region.weu.subnet.aks")->scope);
  EXPECT_EQ("rg-shop-weu-prod/privatelink.documents.azure.com",
            find_name(names, "region.weu.dns_link.privatelink.documents.azure.com")->scope);
  EXPECT_EQ("rg-shop-data-eu-prod/cosno-shop-eu-prod/shop",
            find_name(names, "boundary.eu.data.container.orders")->scope);
}

TEST(GenerateNames, EveryNameHasARuleAndAUniqueKey) {
  auto names = generate_names(model_of(kShop));
  std::set<std::string> keys;
  for (const GeneratedName& n : names) {
    EXPECT_NE(nullptr, find_naming_rule(n.resource_type)) << n.resource_type;
    EXPECT_TRUE(keys.insert(n.key).second) << n.key << " is generated twice";
  }
}

TEST(GenerateNames, TheBundledExampleMakesOnlyValidNames) {
  std::ifstream in(std::string(TOPOC_SOURCE_DIR) + "/examples/rag-platform.topo");
  std::stringstream text;
  text << in.rdbuf();
  for (const GeneratedName& n : generate_names(model_of(text.str()))) {
    EXPECT_EQ(std::nullopt, violation(rule(n.resource_type), n.name)) << n.key;
  }
}

TEST(GenerateNames, LongRegionKeysShortenGlobalNames) {
  auto names = generate_names(model_of(R"(topology "t" {
  prefix = "ragplatform"
  boundary "eu" { geography = eu-data-boundary }
  region "contoso-eu" { location = westeurope  address = 10.1.0.0/16 }
}
)"));
  EXPECT_EQ("stragplatformcond131prod", name_of(names, "region.contoso-eu.storage"));
  EXPECT_EQ("kv-ragplatform-9783-prod", name_of(names, "region.contoso-eu.keyvault"));
}

TEST(GenerateNames, ABadCharacterIsBlamedOnThePartThatHoldsIt) {
  auto result = testing::check_text(R"(topology "t" {
  prefix = "rag_x"
  boundary "eu" { geography = eu-data-boundary }
  region "eu" { location = westeurope  address = 10.1.0.0/16 }
}
)");
  auto names = generate_names(*result.models[0]);
  const GeneratedName* vault = find_name(names, "region.eu.keyvault");
  ASSERT_NE(nullptr, vault);
  EXPECT_EQ("the topology `prefix`", vault->source_hint);
  EXPECT_EQ(2u, result.files[0].line_col(vault->source.span.begin).line);
  // A resource group allows `_`: the name passes, and needs no hint.
  const GeneratedName* rg = find_name(names, "region.eu.rg");
  EXPECT_EQ("rg-rag_x-eu-prod", rg->name);
  EXPECT_EQ("", rg->source_hint);
  EXPECT_EQ(4u, result.files[0].line_col(rg->source.span.begin).line);
}

TEST(GenerateNames, AnExplicitLocationListMakesOneAccount) {
  auto t = model_of(R"(topology "t" {
  prefix = "shop"
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  address = 10.1.0.0/16 }
  region "neu" { location = northeurope  address = 10.2.0.0/16 }
  cosmos { locations = [westeurope, northeurope] }
}
)");
  auto accounts = cosmos_accounts(t);
  ASSERT_EQ(1u, accounts.size());
  EXPECT_EQ(nullptr, accounts[0].boundary);
  auto names = generate_names(t);
  EXPECT_EQ("cosno-shop-prod", name_of(names, "data.cosmos"));
  EXPECT_EQ("rg-shop-data-prod", name_of(names, "data.rg"));
}

TEST(CosmosAccounts, OnePerBoundaryOverItsRegionsAndFailovers) {
  // The accounts point into the model, which must outlive them.
  model::Topology t = model_of(R"(topology "t" {
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "us" { location = eastus  boundary = us  failover = westus2  address = 10.1.0.0/16 }
  region "eu" { location = westeurope  boundary = eu  address = 10.2.0.0/16 }
  cosmos { }
}
)");
  auto accounts = cosmos_accounts(t);
  ASSERT_EQ(2u, accounts.size());
  EXPECT_EQ("us", accounts[0].boundary->name);
  ASSERT_EQ(2u, accounts[0].locations.size());
  EXPECT_EQ("eastus", accounts[0].locations[0].value);
  EXPECT_EQ("westus2", accounts[0].locations[1].value);
  EXPECT_EQ(1u, accounts[1].locations.size());
}

}  // namespace
}  // namespace topoc::naming
