// The region catalogue's coordinates: every region placed, within range,
// with Microsoft's published values where the catalogue takes them from its
// location metadata (compiler/catalog/region_coordinates.json).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "compiler/catalog/region_catalog.h"

namespace topoc::catalog {
namespace {

TEST(RegionCatalog, EveryRegionHasCoordinates) {
  for (const RegionInfo& r : all_regions()) {
    EXPECT_TRUE(r.latitude >= -90 && r.latitude <= 90) << r.name;
    EXPECT_TRUE(r.longitude >= -180 && r.longitude <= 180) << r.name;
    EXPECT_FALSE(r.latitude == 0 && r.longitude == 0) << r.name;
  }
  // Values of Microsoft's location metadata (`az account list-locations`).
  const RegionInfo* weu = find_region("westeurope");
  ASSERT_NE(nullptr, weu);
  EXPECT_EQ(52.3667, weu->latitude);
  EXPECT_EQ(4.9, weu->longitude);
  const RegionInfo* eus = find_region("eastus");
  ASSERT_NE(nullptr, eus);
  EXPECT_EQ(37.3719, eus->latitude);
  EXPECT_EQ(-79.8164, eus->longitude);
}

// regions.inc is what tools/gen_catalog.py makes of region_coordinates.json:
// the same regions, the same numbers.
TEST(RegionCatalog, CoordinatesAreThoseOfTheirSourceFile) {
  std::ifstream in(std::string(TOPOC_SOURCE_DIR) + "/compiler/catalog/region_coordinates.json");
  ASSERT_TRUE(in);
  nlohmann::json source = nlohmann::json::parse(in)["regions"];
  EXPECT_EQ(source.size(), all_regions().size());
  for (const RegionInfo& r : all_regions()) {
    auto it = source.find(std::string(r.name));
    ASSERT_NE(source.end(), it) << r.name << " has no coordinates in region_coordinates.json";
    EXPECT_EQ((*it)["latitude"].get<double>(), r.latitude) << r.name;
    EXPECT_EQ((*it)["longitude"].get<double>(), r.longitude) << r.name;
  }
}

}  // namespace
}  // namespace topoc::catalog
