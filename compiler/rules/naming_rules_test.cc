// Naming rules X001-X002 over the names compiler/naming generates.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

constexpr const char* kShop = R"(topology "shop" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  address = 10.1.0.0/16 }
  cosmos { container "orders" { partition = "/tenantId" } }
}
)";

TEST(NamingRules, ShortLabelsMakeValidNames) {
  EXPECT_EQ(Lines{}, diagnostics_of(kShop));
}

// X001

TEST(GeneratedNamesValid, NodePoolLabelIsTheName) {
  std::string text = replaced(kShop, "address = 10.1.0.0/16 }",
                              "address = 10.1.0.0/16\n"
                              "    aks { pool \"rag-pool\" { vm = Standard_D8s_v5 } } }");
  EXPECT_EQ(Lines{"X001 4:16 AKS node pool name `rag-pool` contains `-`; AKS node pool names are "
                  "1-12 lowercase letters and digits, starting with a letter; change node pool "
                  "name `rag-pool`"},
            diagnostics_of(text));
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(text, "rag-pool", "ragpool")));
}

TEST(GeneratedNamesValid, LongBoundaryNameBreaksTheCosmosAccount) {
  std::string text = replaced(
      replaced(kShop, "boundary \"eu\"", "boundary \"european-union-data-boundary-zone\""),
      "region \"weu\" {", "region \"weu\" { boundary = european-union-data-boundary-zone ");
  EXPECT_EQ(
      Lines{"X001 2:12 Cosmos DB account name `cosno-shop-european-union-data-boundary-zone-prod` "
            "is 49 characters; Cosmos DB account names are 3-44 lowercase letters, digits "
            "and `-`, starting and ending with a letter or digit; shorten the topology "
            "`prefix` or boundary name `european-union-data-boundary-zone`"},
      diagnostics_of(text));
}

TEST(GeneratedNamesValid, ABadPrefixCharacterPointsAtThePrefix) {
  std::string text =
      replaced(kShop, "topology \"shop\" {", "topology \"shop\" {\n  prefix = \"sh.op\"");
  auto result = check_text(text);
  ASSERT_EQ(Lines{"X001 2:12 AKS cluster name `aks-sh.op-weu-prod` contains `.`; AKS cluster "
                  "names are 1-63 letters, digits, `_` and `-`, starting and ending with a letter "
                  "or digit; change the topology `prefix`"},
            diagnostics_of(text));
  // One element, one finding: the other names it breaks are listed in the help.
  EXPECT_EQ(
      "the same element also makes an invalid AKS DNS prefix `sh.op-weu-prod`, AI Search "
      "service `srch-sh.op-weu-prod`, Azure OpenAI account `oai-sh.op-weu-prod`, Azure "
      "OpenAI custom subdomain `oai-sh.op-weu-prod`, Managed Redis instance `amr-sh.op-weu-prod`, "
      "storage account `stsh.opweuprod`, key vault `kv-sh.op-weu-prod`, Log Analytics "
      "workspace `log-sh.op-weu-prod` and Cosmos DB account `cosno-sh.op-eu-prod`",
      result.sink.diagnostics()[0].help);
}

TEST(GeneratedNamesValid, LongRegionKeysAreShortenedNotRejected) {
  EXPECT_EQ(Lines{},
            diagnostics_of(replaced(kShop, "region \"weu\"", "region \"contoso-westeurope\"")));
}

// X002

TEST(GeneratedNamesUnique, KeysThatDifferOnlyInAHyphenCollideInStorageNames) {
  std::string text =
      replaced(kShop, "region \"weu\" { location = westeurope  address = 10.1.0.0/16 }",
               "region \"eu-1\" { location = westeurope  address = 10.1.0.0/16 }\n"
               "  region \"eu1\" { location = northeurope  address = 10.2.0.0/16 }");
  EXPECT_EQ(Lines{"X002 4:10 storage account name `stshopeu1prod` is generated twice; storage "
                  "account names must be unique across Azure"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(Lines{"3:10 `stshopeu1prod` is also generated from here"}, notes_of(result, d));
  EXPECT_EQ("rename one of the two elements; Azure ignores letter case in names", d.help);
}

TEST(GeneratedNamesUnique, ARegionNamedLikeTheGlobalResourceGroup) {
  EXPECT_EQ(Lines{"X002 3:10 resource group name `rg-shop-global-prod` is generated twice; "
                  "resource group names must be unique within a subscription"},
            diagnostics_of(replaced(kShop, "region \"weu\"", "region \"global\"")));
}

TEST(GeneratedNamesUnique, AUserPoolNamedLikeTheSystemPool) {
  EXPECT_EQ(Lines{"X002 4:16 AKS node pool name `system` is generated twice; AKS node pool names "
                  "must be unique within `aks-shop-weu-prod`"},
            diagnostics_of(replaced(kShop, "address = 10.1.0.0/16 }",
                                    "address = 10.1.0.0/16\n"
                                    "    aks { pool \"system\" { vm = Standard_D8s_v5 } } }")));
}

TEST(GeneratedNamesUnique, ADuplicateDeclarationIsLeftToM003) {
  EXPECT_EQ((Lines{"M003 5:15 container `orders` is declared twice"}),
            diagnostics_of(replaced(kShop,
                                    "cosmos { container \"orders\" { partition = \"/tenantId\" } }",
                                    "cosmos { container \"orders\" { partition = \"/tenantId\" }\n"
                                    "    container \"orders\" { partition = \"/tenantId\" } }")));
}

}  // namespace
}  // namespace topoc::testing
