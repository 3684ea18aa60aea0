// Residency rules R001-R009: every test states the whole list of diagnostics
// a topology gets, so a rule that reports too much fails as surely as one
// that reports too little.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

TEST(ResidencyRules, TwoBoundaryTopologyIsClean) {
  EXPECT_EQ(Lines{}, diagnostics_of(kTwoBoundaries));
}

// R001

TEST(RegionLocationInBoundary, RegionInsideNarrowedBoundaryPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary  locations = [westeurope, northeurope] }
  region "eu" { location = northeurope  failover = westeurope  address = 10.2.0.0/16 }
}
)"));
}

TEST(RegionLocationInBoundary, RegionOutsideItsBoundary) {
  EXPECT_EQ(Lines{"R001 4:29 region `eu2` is placed in `eastus` (East US), outside its boundary "
                  "`eu`; every service of the region would store data there"},
            diagnostics_of(R"(topology "t" {
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "eu2" { location = eastus  boundary = eu  services = [aks]  address = 10.3.0.0/16 }
}
)"));
}

TEST(RegionLocationInBoundary, NotesTheBoundaryAndSuggestsItsLocations) {
  auto result = check_text(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary  locations = [westeurope] }
  region "eu" { location = northeurope  services = [aks]  address = 10.2.0.0/16 }
}
)");
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(Lines{"2:12 boundary `eu` declared here"}, notes_of(result, d));
  EXPECT_EQ("choose a location boundary `eu` allows: `westeurope`", d.help);
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("westeurope", d.fixit->replacement);
}

TEST(RegionLocationInBoundary, ReportsEveryRegion) {
  EXPECT_EQ((Lines{"R001", "R001"}), codes_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "a" { location = eastus  services = [aks]  address = 10.1.0.0/16 }
  region "b" { location = westus3  services = [aks]  address = 10.2.0.0/16 }
}
)"));
}

// R002

TEST(FailoverInBoundary, FailoverInsideBoundaryPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(R"(topology "t" {
  boundary "us" { geography = united-states }
  region "us" { location = eastus2  failover = centralus  address = 10.1.0.0/16 }
}
)"));
}

TEST(FailoverInBoundary, FailoverAcrossTheAtlantic) {
  std::string text = replaced(kTwoBoundaries, "failover = westus2    ", "failover = westeurope ");
  EXPECT_EQ(
      Lines{"R002 4:66 region `us` fails over to `westeurope`, outside its boundary `us`; the "
            "region's data would be replicated there"},
      diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ("fail over to `westus`, the pair of `eastus`, inside boundary `us`", d.help);
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("westus", d.fixit->replacement);
}

// R003

// The shape of the reference architecture: one Cosmos DB account over East US,
// West Europe and West US 2 serving US and EU tenants alike.
constexpr const char* kSeedCosmos = R"(topology "rag-platform" {
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "us" { location = eastus      boundary = us  failover = westus2      address = 10.1.0.0/16 }
  region "eu" { location = westeurope  boundary = eu  failover = northeurope  address = 10.2.0.0/16 }
  tenant "acme-corp"   { residency = us  home = us }
  tenant "eureka-gmbh" { residency = eu  home = eu }
  tenant "globex-intl" { residency = us }
  cosmos {
    database  = "rag-platform"
    locations = [eastus, westeurope, westus2]
  }
}
)";

TEST(CosmosSingleBoundary, SeedArchitectureReplicatesEuDataToTheUs) {
  EXPECT_EQ(
      Lines{"R003 11:26 Cosmos DB account replicates to `eastus`, `westus2` (boundary `us`) and "
            "`westeurope` (boundary `eu`): data of tenants `acme-corp`, `globex-intl` (us) would "
            "be copied to `westeurope` and of tenant `eureka-gmbh` (eu) to `eastus`, `westus2`"},
      diagnostics_of(kSeedCosmos));
  auto result = check_text(kSeedCosmos);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ((Lines{"2:12 boundary `us` declared here", "3:12 boundary `eu` declared here"}),
            notes_of(result, d));
  EXPECT_EQ("remove `locations`: topoc creates one account per boundary", d.help);
}

TEST(CosmosSingleBoundary, DefaultAccountsPerBoundaryPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(
                         kSeedCosmos, "    locations = [eastus, westeurope, westus2]\n", "")));
}

TEST(CosmosSingleBoundary, ExplicitLocationsInsideTheOnlyBoundaryPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "eu" { location = westeurope  address = 10.2.0.0/16 }
  tenant "eureka" { residency = eu }
  cosmos { locations = [westeurope, northeurope] }
}
)"));
}

TEST(CosmosSingleBoundary, OneBoundaryListIsStillSharedWithOtherTenants) {
  std::string text =
      replaced(kSeedCosmos, "[eastus, westeurope, westus2]", "[westeurope, northeurope]");
  EXPECT_EQ(
      Lines{"R003 11:18 Cosmos DB account replicates to `westeurope`, `northeurope` (boundary "
            "`eu`): data of tenants `acme-corp`, `globex-intl` (us) would be copied to "
            "`westeurope`, `northeurope`"},
      diagnostics_of(text));
}

TEST(CosmosSingleBoundary, LocationInNoBoundary) {
  EXPECT_EQ(
      Lines{"R003 5:37 Cosmos DB account replicates to `westeurope` (boundary `eu`) and "
            "`japaneast` (no boundary): data of region `eu` (eu) would be copied to `japaneast`"},
      diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "eu" { location = westeurope  address = 10.2.0.0/16 }
  alerts { defaults = false }
  cosmos { locations = [westeurope, japaneast] }
}
)"));
}

// R004

TEST(StorageGeoReplication, PairInsideBoundaryPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "eu" { location = westeurope  address = 10.2.0.0/16  storage { replication = RAGRS } }
}
)"));
}

TEST(StorageGeoReplication, PairOutsideNarrowedBoundary) {
  constexpr const char* text = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary  locations = [westeurope] }
  region "eu" { location = westeurope  services = [storage]  address = 10.2.0.0/16
    storage { replication = GRS }
  }
}
)";
  EXPECT_EQ(Lines{"R004 4:29 `GRS` storage in region `eu` replicates to `northeurope`, the pair of "
                  "`westeurope`, outside boundary `eu`"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ(
      "write `replication = ZRS` to keep every copy in `westeurope`, or allow `northeurope` in "
      "boundary `eu`",
      d.help);
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("ZRS", d.fixit->replacement);
}

TEST(StorageGeoReplication, DefaultReplicationStaysInANarrowedBoundary) {
  // The pair, northeurope, is outside the boundary: the default is ZRS, not
  // a GZRS this rule would have to refuse.
  EXPECT_EQ(Lines{}, diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary  locations = [westeurope] }
  region "eu" { location = westeurope  services = [storage]  address = 10.2.0.0/16 }
}
)"));
}

// R005

TEST(OpenAIProcessingInBoundary, StandardAndUsDataZonePass) {
  EXPECT_EQ(Lines{}, diagnostics_of(R"(topology "t" {
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary  locations = [westeurope, francecentral] }
  region "us" { location = eastus  boundary = us  services = [openai]  address = 10.1.0.0/16
    openai { deployment = data-zone }
  }
  region "eu" { location = westeurope  boundary = eu  services = [openai]  address = 10.2.0.0/16
    openai { location = francecentral  deployment = standard }
  }
}
)"));
}

TEST(OpenAIProcessingInBoundary, EuDataZoneFitsTheEuDataBoundary) {
  EXPECT_EQ(Lines{}, diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "eu" { location = swedencentral  services = [openai]  address = 10.2.0.0/16
    openai { location = francecentral  deployment = data-zone }
  }
}
)"));
}

TEST(OpenAIProcessingInBoundary, DataZoneLeavesANarrowedBoundary) {
  constexpr const char* text = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary  locations = [westeurope, northeurope] }
  region "eu" { location = westeurope  services = [openai]  address = 10.2.0.0/16
    openai { deployment = data-zone }
  }
}
)";
  EXPECT_EQ(Lines{"R005 4:27 `DataZoneStandard` may process prompts anywhere in the EU data zone, "
                  "including `austriaeast`, `belgiumcentral`, `denmarkeast` and 9 more outside "
                  "boundary `eu`; use `standard`"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("standard", d.fixit->replacement);
  EXPECT_EQ("`deployment = standard` keeps prompts of region `eu` in `westeurope`", d.help);
}

TEST(OpenAIProcessingInBoundary, DataZoneDoesNotExistInCanada) {
  EXPECT_EQ(
      Lines{"R005 4:27 `DataZoneStandard` is not offered for an account in `canadacentral`: "
            "Azure OpenAI data zones cover only the US and the EU member states; use `standard`"},
      diagnostics_of(R"(topology "t" {
  boundary "ca" { geography = canada }
  region "ca" { location = canadacentral  services = [openai]  address = 10.4.0.0/16
    openai { deployment = data-zone }
  }
}
)"));
}

TEST(OpenAIProcessingInBoundary, GlobalStandardMayProcessAnywhere) {
  constexpr const char* text = R"(topology "t" {
  boundary "us" { geography = united-states }
  region "us" { location = eastus  services = [openai]  address = 10.1.0.0/16
    openai { deployment = GlobalStandard }
  }
}
)";
  EXPECT_EQ(Lines{"R005 4:27 `GlobalStandard` may process prompts in any Azure region, outside "
                  "boundary `us`; use `data-zone` or `standard`"},
            diagnostics_of(text));
  auto result = check_text(text);
  ASSERT_TRUE(result.sink.diagnostics().at(0).fixit);
  EXPECT_EQ("data-zone", result.sink.diagnostics().at(0).fixit->replacement);
}

TEST(OpenAIProcessingInBoundary, AccountOutsideTheBoundary) {
  EXPECT_EQ(
      Lines{"R005 4:25 the Azure OpenAI account of region `eu` is in `eastus`, outside boundary "
            "`eu`; prompts, completions and uploaded files would be processed and stored there"},
      diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "eu" { location = westeurope  services = [openai]  address = 10.2.0.0/16
    openai { location = eastus }
  }
}
)"));
}

// R006

TEST(TenantHomeInBoundary, HomeInTheTenantsBoundaryPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(kTwoBoundaries, "tenant \"acme\" { residency = us }",
                                             "tenant \"acme\" { residency = us  home = us }")));
}

TEST(TenantHomeInBoundary, HomeInAnotherBoundary) {
  std::string text = replaced(kTwoBoundaries, "tenant \"eureka\" { residency = eu }",
                              "tenant \"eureka\" { residency = eu  home = us }");
  EXPECT_EQ(
      Lines{"R006 7:44 tenant `eureka` is pinned to boundary `eu`, but its home region `us` is "
            "in boundary `us`"},
      diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ((Lines{"7:33 tenant `eureka` pinned here", "4:10 region `us` declared here"}),
            notes_of(result, d));
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("eu", d.fixit->replacement);
}

// R007

TEST(RedisReplicaInBoundary, ReplicaInsideBoundaryPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "eu" { location = westeurope  services = [redis]  address = 10.2.0.0/16
    redis { sku = premium  geo_replica = northeurope }
  }
}
)"));
}

TEST(RedisReplicaInBoundary, ReplicaOutsideBoundary) {
  EXPECT_EQ(Lines{"R007 4:42 the Redis cache of region `eu` has a geo-replica in `eastus`, outside "
                  "boundary `eu`; cached tenant data would be copied there"},
            diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "eu" { location = westeurope  services = [redis]  address = 10.2.0.0/16
    redis { sku = premium  geo_replica = eastus }
  }
}
)"));
}

// R008

TEST(BoundaryLocationsInGeography, NarrowingPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(R"(topology "t" {
  boundary "us" { geography = united-states  locations = [eastus, westus] }
  region "us" { location = eastus  failover = westus  address = 10.1.0.0/16 }
}
)"));
}

TEST(BoundaryLocationsInGeography, LocationOutsideGeography) {
  EXPECT_EQ(Lines{"R008 2:74 boundary `eu` lists `uksouth` (UK South), which is outside its "
                  "geography `eu-data-boundary`"},
            diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary  locations = [westeurope, uksouth] }
  region "eu" { location = westeurope  services = [aks]  address = 10.2.0.0/16 }
}
)"));
}

// R009

TEST(TenantBoundaryHasRegion, TenantWithRegionPasses) {
  EXPECT_EQ(Lines{}, codes_of(kTwoBoundaries));
}

TEST(TenantBoundaryHasRegion, BoundaryWithoutRegion) {
  EXPECT_EQ(
      Lines{"R009 5:33 tenant `kaisha` is pinned to boundary `jp`, which has no region to hold "
            "its data"},
      diagnostics_of(R"(topology "t" {
  boundary "us" { geography = united-states }
  boundary "jp" { geography = japan }
  region "us" { location = eastus  boundary = us  address = 10.1.0.0/16 }
  tenant "kaisha" { residency = jp }
}
)"));
}

TEST(TenantBoundaryHasRegion, UnresolvedBoundaryIsLeftToTheModel) {
  EXPECT_EQ(Lines{"M004"},
            codes_of(replaced(kTwoBoundaries, "residency = eu", "residency = apac")));
}

}  // namespace
}  // namespace topoc::testing
