// Azure replicates a Key Vault's contents to the pair of its location when
// the pair shares the geography, except in West US 3; the copy is a geo-pair
// placement that R011 reports outside the boundary.
#include <gtest/gtest.h>

#include "compiler/estate/estate.h"
#include "compiler/rules/residency_test_support.h"
#include "compiler/services/keyvault/pair_copy.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

std::string vault_in(std::string_view location, std::string_view boundary) {
  return fmt::format(R"(topology "t" {{
  boundary "b" {{ {} }}
  region "r" {{
    location = {}
    services = [keyvault]
    address  = 10.2.0.0/16
  }}
}}
)",
                     boundary, location);
}

// The vault's placements in the estate of a topology that checks cleanly.
std::vector<estate::Placement> vault_placements(const std::string& text) {
  auto result = check_text(text);
  EXPECT_EQ(0u, result.sink.error_count()) << text;
  if (result.models.empty()) return {};
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  for (const estate::Resource& r : e.resources) {
    if (r.azurerm_type == "azurerm_key_vault") return r.placements;
  }
  ADD_FAILURE() << "no Key Vault in the estate";
  return {};
}

TEST(KeyVaultPairCopy, FollowsThePairInTheSameGeographyOnly) {
  using services::keyvault::pair_copy_location;
  EXPECT_EQ("northeurope", pair_copy_location("westeurope"));
  EXPECT_EQ("westus", pair_copy_location("eastus"));
  EXPECT_EQ("brazilsouth", pair_copy_location("brazilsoutheast"));
  EXPECT_EQ("", pair_copy_location("brazilsouth"));    // paired with South Central US
  EXPECT_EQ("", pair_copy_location("westus3"));        // paired, but kept in region
  EXPECT_EQ("", pair_copy_location("polandcentral"));  // no pair
  EXPECT_EQ("", pair_copy_location("qatarcentral"));   // single-region geography
  EXPECT_EQ("", pair_copy_location("nowhere"));
}

TEST(KeyVaultPairCopy, IsAPlacementWithItsReasonChain) {
  auto placements = vault_placements(vault_in("westeurope", "geography = eu-data-boundary"));
  ASSERT_EQ(2u, placements.size());
  EXPECT_EQ(estate::PlacementKind::kPrimary, placements[0].kind);
  const estate::Placement& copy = placements[1];
  EXPECT_EQ(estate::PlacementKind::kGeoPairCopy, copy.kind);
  EXPECT_EQ(Lines{"northeurope"}, copy.locations);
  EXPECT_EQ("westeurope", copy.from);
  EXPECT_TRUE(copy.checked);
  ASSERT_EQ(2u, copy.reasons.size());
  EXPECT_EQ(
      "Azure replicates the contents of Key Vault `kv-t-r-prod` to northeurope, the pair of "
      "westeurope, because region `r` is in `westeurope`",
      copy.reasons[0].text);
  EXPECT_EQ("a vault has no setting that keeps its contents out of the paired region",
            copy.reasons[1].text);
}

TEST(KeyVaultPairCopy, InsideTheBoundaryPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(vault_in("westeurope", "geography = eu-data-boundary")));
}

TEST(KeyVaultPairCopy, RegionsWhereAzureKeepsTheContentsInRegionHaveNoCopy) {
  for (const char* location : {"westus3", "brazilsouth", "polandcentral"}) {
    auto text = vault_in(location, fmt::format("locations = [{}]", location));
    EXPECT_EQ(Lines{}, diagnostics_of(text)) << location;
    auto placements = vault_placements(text);
    ASSERT_EQ(1u, placements.size()) << location;
    EXPECT_EQ(estate::PlacementKind::kPrimary, placements[0].kind);
  }
}

TEST(KeyVaultPairCopy, APairOutsideTheBoundaryIsR011NamingThePair) {
  auto text = vault_in("westeurope",
                       "geography = eu-data-boundary  locations = [westeurope, "
                       "germanywestcentral, polandcentral]");
  EXPECT_EQ(Lines{"R011 4:16 Key Vault `kv-t-r-prod` of region `r` is replicated by Azure to "
                  "`northeurope`, the pair of `westeurope`, outside boundary `b`"},
            diagnostics_of(text));
  auto result = check_text(text);
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ((Lines{"3:10 a vault has no setting that keeps its contents out of the paired region",
                   "2:12 boundary `b` declared here"}),
            notes_of(result, d));
  // Germany West Central's pair (Germany North) is outside too; Poland
  // Central has no pair.
  EXPECT_EQ(
      "move region `r` to a location whose vault copies stay in boundary `b` (`polandcentral`), "
      "or allow `northeurope` there",
      d.help);
}

TEST(KeyVaultPairCopy, ABoundaryWithoutAFittingLocationAsksToAllowThePair) {
  auto result = check_text(vault_in("eastus", "locations = [eastus]"));
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  EXPECT_EQ("allow `westus` in boundary `b`", result.sink.diagnostics()[0].help);
}

TEST(KeyVaultPairCopy, ARegionOutsideItsBoundaryIsReportedOnce) {
  // R001 names the region's location; the vault's copy follows from it.
  auto lines = diagnostics_of(vault_in("eastus", "geography = eu-data-boundary"));
  ASSERT_EQ(1u, lines.size());
  EXPECT_EQ("R001", lines[0].substr(0, 4));
}

}  // namespace
}  // namespace topoc::testing
