// L001 (`renamed_from` of regions) and the names a renamed region keeps.
#include <gtest/gtest.h>

#include <algorithm>

#include "compiler/naming/names.h"
#include "tests/check_support.h"

namespace topoc::rules {
namespace {

std::string two_regions(std::string_view first, std::string_view second) {
  return fmt::format(R"(topology "shop" {{
  naming {{ suffix = none }}
  boundary "eu" {{ geography = eu-data-boundary }}
  {}
  {}
}}
)",
                     first, second);
}

TEST(RegionRenames, RenamedFromOwnKeyIsL001) {
  EXPECT_EQ(
      std::vector<std::string>{"L001 4:33 region `weu` is renamed from its own key"},
      testing::diagnostics_of(two_regions(
          R"(region "weu" { renamed_from = "weu"  location = westeurope  address = 10.1.0.0/16 })",
          "")));
}

TEST(RegionRenames, RenamedFromAKeyStillInUseIsL001) {
  auto diagnostics = testing::diagnostics_of(two_regions(
      R"(region "west" { renamed_from = "weu"  location = westeurope  address = 10.1.0.0/16 })",
      R"(region "weu" { location = northeurope  address = 10.2.0.0/16 })"));
  EXPECT_NE(diagnostics.end(),
            std::find(diagnostics.begin(), diagnostics.end(),
                      "L001 4:34 region `west` is renamed from `weu`, which is still the key of "
                      "another region"))
      << ::testing::PrintToString(diagnostics);
}

TEST(RegionRenames, TwoRegionsRenamedFromOneKeyIsL001) {
  auto diagnostics = testing::diagnostics_of(two_regions(
      R"(region "a" { renamed_from = "old"  location = westeurope  address = 10.1.0.0/16 })",
      R"(region "b" { renamed_from = "old"  location = northeurope  address = 10.2.0.0/16 })"));
  EXPECT_NE(diagnostics.end(),
            std::find(diagnostics.begin(), diagnostics.end(),
                      "L001 5:31 regions `a` and `b` are both renamed from `old`"))
      << ::testing::PrintToString(diagnostics);
}

TEST(RegionRenames, EmptyRenamedFromIsL001) {
  EXPECT_EQ(std::vector<std::string>{"L001 4:31 `renamed_from` is empty; write the key this region "
                                     "had before"},
            testing::diagnostics_of(two_regions(
                R"(region "a" { renamed_from = ""  location = westeurope  address = 10.1.0.0/16 })",
                "")));
}

TEST(RegionRenames, RenamedRegionKeepsTheNamesOfItsFormerKey) {
  auto result = testing::check_text(two_regions(
      R"(region "west" { renamed_from = "weu"  location = westeurope  address = 10.1.0.0/16 })",
      ""));
  ASSERT_EQ(0u, result.sink.error_count());
  auto names = naming::generate_names(*result.models.at(0));
  EXPECT_EQ("stshopweuprod", naming::find_name(names, "region.west.storage")->name);
  EXPECT_EQ("rg-shop-weu-prod", naming::find_name(names, "region.west.rg")->name);
  EXPECT_EQ("pep-shop-weu-blob-prod", naming::find_name(names, "region.west.pep.blob")->name);
}

}  // namespace
}  // namespace topoc::rules
