#include "compiler/naming/suffix.h"

#include <gtest/gtest.h>

#include "compiler/naming/names.h"
#include "tests/check_support.h"

namespace topoc::naming {
namespace suffix_test {

model::Topology model_of(std::string text) {
  auto result = testing::check_text(std::move(text));
  EXPECT_EQ(0u, result.sink.error_count()) << testing::diagnostics_of(text).front();
  return *result.models.at(0);
}

std::string name_of(const model::Topology& t, std::string_view key) {
  std::vector<GeneratedName> names = generate_names(t);
  const GeneratedName* n = find_name(names, key);
  return n ? n->name : "<missing>";
}

std::string shop(std::string_view naming) {
  return fmt::format(R"(topology "shop" {{
  {}
  boundary "eu" {{ geography = eu-data-boundary }}
  region "weu" {{ location = westeurope  failover = northeurope  address = 10.1.0.0/16 }}
  cosmos {{ container "orders" {{ partition = "/tenantId" }} }}
}}
)",
                     naming);
}

// `printf 'shop\n' | sha256sum` and `printf 'shop\ncontoso.com' | sha256sum`.
TEST(UniquenessSuffix, AutoIsTheStartOfTheSha256OfNameAndSeed) {
  EXPECT_EQ("0f94d0", auto_suffix("shop", ""));
  EXPECT_EQ("e0f1ee", auto_suffix("shop", "contoso.com"));
}

TEST(UniquenessSuffix, WithoutNamingBlockNamesAreUnchanged) {
  model::Topology t = model_of(shop(""));
  EXPECT_EQ("stshopweuprod", name_of(t, "region.weu.storage"));
  EXPECT_EQ("kv-shop-weu-prod", name_of(t, "region.weu.keyvault"));
  EXPECT_EQ("cosno-shop-eu-prod", name_of(t, "boundary.eu.data.cosmos"));
  EXPECT_EQ("amr-shop-weu-prod", name_of(t, "region.weu.managed_redis"));
  EXPECT_EQ("srch-shop-weu-prod", name_of(t, "region.weu.search"));
  EXPECT_EQ("oai-shop-weu-prod", name_of(t, "region.weu.openai.subdomain"));
}

TEST(UniquenessSuffix, AutoGoesIntoEveryGloballyUniqueNameOnly) {
  model::Topology t = model_of(shop("naming { suffix = auto }"));
  EXPECT_EQ("stshopweuprod0f94d0", name_of(t, "region.weu.storage"));
  EXPECT_EQ("kv-shop-weu-prod-0f94d0", name_of(t, "region.weu.keyvault"));
  EXPECT_EQ("cosno-shop-eu-prod-0f94d0", name_of(t, "boundary.eu.data.cosmos"));
  EXPECT_EQ("amr-shop-weu-prod-0f94d0", name_of(t, "region.weu.managed_redis"));
  EXPECT_EQ("srch-shop-weu-prod-0f94d0", name_of(t, "region.weu.search"));
  EXPECT_EQ("oai-shop-weu-prod-0f94d0", name_of(t, "region.weu.openai"));
  EXPECT_EQ("oai-shop-weu-prod-0f94d0", name_of(t, "region.weu.openai.subdomain"));
  // Names unique within a resource group or subscription keep no suffix.
  EXPECT_EQ("rg-shop-weu-prod", name_of(t, "region.weu.rg"));
  EXPECT_EQ("aks-shop-weu-prod", name_of(t, "region.weu.aks"));
  EXPECT_EQ("log-shop-weu-prod", name_of(t, "region.weu.log"));
}

TEST(UniquenessSuffix, SeedTellsTwoOrganisationsWithOneTopologyNameApart) {
  model::Topology t = model_of(shop(R"(naming { suffix = auto  seed = "contoso.com" })"));
  EXPECT_EQ("stshopweuprode0f1ee", name_of(t, "region.weu.storage"));
  EXPECT_EQ("kv-shop-weu-prod-e0f1ee", name_of(t, "region.weu.keyvault"));
}

TEST(UniquenessSuffix, FixedAndNone) {
  EXPECT_EQ("stshopweuprodx7k2",
            name_of(model_of(shop(R"(naming { suffix = "x7k2" })")), "region.weu.storage"));
  EXPECT_EQ("stshopweuprod",
            name_of(model_of(shop("naming { suffix = none }")), "region.weu.storage"));
}

// Storage and key vault names stay within 24 characters with the suffix:
// the middle is cut as before, the suffix and environment kept whole.
TEST(UniquenessSuffix, LongNamesAreShortenedAroundTheSuffix) {
  model::Topology t = model_of(R"(topology "ragplatform" {
  naming { suffix = auto }
  boundary "eu" { geography = eu-data-boundary }
  region "contoso-eu" { location = westeurope  address = 10.1.0.0/16 }
}
)");
  std::string storage = name_of(t, "region.contoso-eu.storage");
  std::string vault = name_of(t, "region.contoso-eu.keyvault");
  std::string suffix = auto_suffix("ragplatform", "");
  EXPECT_EQ(24u, storage.size()) << storage;
  EXPECT_EQ("prod" + suffix, storage.substr(storage.size() - 10)) << storage;
  EXPECT_LE(vault.size(), 24u) << vault;
  EXPECT_EQ("-prod-" + suffix, vault.substr(vault.size() - 12)) << vault;
}

TEST(UniquenessSuffix, InvalidSuffixAndSeedAreX003) {
  EXPECT_EQ(std::vector<std::string>{"X003 2:21 a fixed `suffix` is 1 to 6 lowercase letters or "
                                     "digits, because storage account names allow nothing else"},
            testing::diagnostics_of(shop(R"(naming { suffix = "Shop-1" })")));
  EXPECT_EQ(std::vector<std::string>{"X003 2:21 a fixed `suffix` is 1 to 6 lowercase letters or "
                                     "digits, because storage account names allow nothing else"},
            testing::diagnostics_of(shop(R"(naming { suffix = "abcdefg" })")));
  EXPECT_EQ(std::vector<std::string>{"X003 2:34 `seed` only changes an `auto` suffix; this one is "
                                     "fixed or `none`"},
            testing::diagnostics_of(shop(R"(naming { suffix = none  seed = "x" })")));
  EXPECT_EQ(std::vector<std::string>{"M007 2:21 `suffix` is `auto`, `none` or a quoted fixed "
                                     "suffix such as \"x7k2\""},
            testing::diagnostics_of(shop("naming { suffix = random }")));
  EXPECT_EQ(std::vector<std::string>{"M005 2:3 the `naming` block needs `suffix = auto`, `suffix = "
                                     "none` or `suffix = \"<fixed>\"`"},
            testing::diagnostics_of(shop("naming { }")));
}

}  // namespace suffix_test
}  // namespace topoc::naming
