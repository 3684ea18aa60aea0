// Region-pair and availability-zone rules A001-A003.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// A one-region topology running only storage, with `replication` written.
std::string storage_in(std::string_view location, std::string_view geography,
                       std::string_view replication) {
  return fmt::format(R"(topology "t" {{
  boundary "b" {{ geography = {} }}
  region "r" {{ location = {}  services = [storage]  address = 10.1.0.0/16
    storage {{ replication = {} }}
  }}
}}
)",
                     geography, location, replication);
}

// A001

TEST(StorageGeoReplication, PairedRegionPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(storage_in("swedencentral", "eu-data-boundary", "GZRS")));
}

TEST(StorageGeoReplication, NonpairedRegionHasNoGeoRedundancy) {
  std::string text = storage_in("polandcentral", "eu-data-boundary", "RAGRS");
  EXPECT_EQ(Lines{"A001 4:29 `RAGRS` storage in region `r` needs a paired region, and "
                  "`polandcentral` has none; Azure offers no geo-redundant storage there"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ("write `replication = ZRS` to keep every copy in `polandcentral`", d.help);
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("ZRS", d.fixit->replacement);
}

TEST(StorageGeoReplication, LocalRedundancyInANonpairedRegionPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(storage_in("italynorth", "eu-data-boundary", "ZRS")));
}

// A002

TEST(StorageGeoReplication, BrazilSouthPairsOutOfBrazil) {
  EXPECT_EQ(
      Lines{"A002 4:29 `GRS` storage in region `r` replicates to `southcentralus`, the pair of "
            "`brazilsouth`, in geography `united-states`, not `brazil`"},
      diagnostics_of(storage_in("brazilsouth", "brazil", "GRS")));
}

TEST(StorageGeoReplication, CrossGeographyPairIsA002NotR004) {
  EXPECT_EQ(Lines{"A002"}, codes_of(storage_in("brazilsouth", "brazil", "RAGZRS")));
}

TEST(StorageGeoReplication, DefaultStaysLocalWhenThePairLeavesTheGeography) {
  EXPECT_EQ(Lines{}, diagnostics_of(R"(topology "t" {
  boundary "br" { geography = brazil }
  region "br" { location = brazilsouth  services = [storage]  address = 10.1.0.0/16 }
}
)"));
}

// A003

TEST(ZonesAvailable, ZoneRedundantStorageInAZonedRegionPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(storage_in("eastus", "united-states", "RAGZRS")));
}

TEST(ZonesAvailable, ZoneRedundantStorageWithoutZones) {
  std::string text = storage_in("northcentralus", "united-states", "GZRS");
  EXPECT_EQ(Lines{"A003 4:29 `GZRS` storage needs availability zones, but `northcentralus` (region "
                  "`r`) has none"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("GRS", d.fixit->replacement);
}

TEST(ZonesAvailable, ExplicitPoolZonesWithoutZones) {
  EXPECT_EQ((Lines{"A003 4:28 node pool `system` of region `r` asks for availability zones, but "
                   "`westus` has none",
                   "A003 5:32 node pool `gpu` of region `r` asks for availability zones, but "
                   "`westus` has none"}),
            diagnostics_of(R"(topology "t" {
  boundary "us" { geography = united-states }
  region "r" { location = westus  services = [aks]  address = 10.1.0.0/16
    aks { system { zones = [1, 2, 3] }
          pool "gpu" { zones = [1] } }
  }
}
)"));
}

TEST(ZonesAvailable, DefaultPoolsInARegionWithoutZonesPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(R"(topology "t" {
  boundary "us" { geography = united-states }
  region "r" { location = westus  services = [aks]  address = 10.1.0.0/16 }
}
)"));
}

}  // namespace
}  // namespace topoc::testing
