// The lookups by region key and by boundary (Topology::index_regions) and by a region's
// position (Estate::dns_at, cosmos_at) give the answers a walk over the
// regions gives: on a built topology, on a copy whose keys were changed,
// and for every region of the examples.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/driver/check.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

constexpr const char* kRegions = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  address = 10.1.0.0/16  services = [api_management]
    api_management {
      sku = Premium
      capacity = 2
      publisher_name  = "Contoso"
      publisher_email = "api@contoso.com"
      additional_locations = [neu]
    }
  }
  region "neu" { location = northeurope  address = 10.2.0.0/16 }
  region "sdc" { location = swedencentral  address = 10.3.0.0/16 }
  region "neu" { location = francecentral  address = 10.4.0.0/16 }
}
)";

// What the lookups answered before there was an index.
const model::Region* scan(const model::Topology& t, std::string_view key) {
  for (const model::Region& r : t.regions) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

TEST(RegionIndex, FindsTheFirstRegionOfEachKey) {
  driver::CheckResult result = check_text(kRegions);
  ASSERT_TRUE(result.models.at(0));
  const model::Topology& t = *result.models[0];
  EXPECT_EQ(t.regions.data(), t.region_index.built_for);  // build_model indexed it
  EXPECT_EQ(&t.regions[0], t.find_region("weu"));
  EXPECT_EQ(&t.regions[1], t.find_region("neu"));  // the first of the two (M003)
  EXPECT_EQ(&t.regions[2], t.find_region("sdc"));
  EXPECT_EQ(nullptr, t.find_region("NEU"));
  EXPECT_EQ(nullptr, t.find_region("westeurope"));
  EXPECT_EQ(nullptr, t.find_region(""));
}

TEST(RegionIndex, FindsTheRegionWhoseApiManagementHasAGatewayThere) {
  driver::CheckResult result = check_text(kRegions);
  ASSERT_TRUE(result.models.at(0));
  const model::Topology& t = *result.models[0];
  EXPECT_EQ(&t.regions[0], t.api_management_gateway_owner(t.regions[0]));  // its own
  EXPECT_EQ(&t.regions[0], t.api_management_gateway_owner(t.regions[1]));
  EXPECT_EQ(nullptr, t.api_management_gateway_owner(t.regions[2]));
  // By key, like the walk over additional_locations: both `neu`s.
  EXPECT_EQ(&t.regions[0], t.api_management_gateway_owner(t.regions[3]));
}

TEST(RegionIndex, ACopyWithOtherKeysIsScannedUntilIndexedAgain) {
  driver::CheckResult result = check_text(kRegions);
  ASSERT_TRUE(result.models.at(0));
  model::Topology copy = *result.models[0];
  copy.regions[2].key = "renamed";
  for (const char* key : {"weu", "neu", "sdc", "renamed"}) {
    EXPECT_EQ(scan(copy, key), copy.find_region(key)) << key;
  }
  EXPECT_EQ(nullptr, copy.find_region("sdc"));
  copy.index_regions();
  EXPECT_EQ(copy.regions.data(), copy.region_index.built_for);
  for (const char* key : {"weu", "neu", "sdc", "renamed"}) {
    EXPECT_EQ(scan(copy, key), copy.find_region(key)) << key;
  }
  // The original keeps its own index and its own answers.
  EXPECT_EQ(&result.models[0]->regions[2], result.models[0]->find_region("sdc"));
  // A region added to the copy is found too: the index no longer fits.
  copy.regions.push_back(copy.regions[0]);
  copy.regions.back().key = "added";
  EXPECT_EQ(&copy.regions.back(), copy.find_region("added"));
}

constexpr const char* kBoundaries = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  boundary "us" { geography = united-states }
  boundary "eu" { locations = [westeurope] }
  boundary "none" { geography = united-states }
  region "weu" { location = westeurope  boundary = eu  address = 10.1.0.0/16 }
  region "eus" { location = eastus  boundary = us  address = 10.2.0.0/16 }
  region "neu" { location = northeurope  boundary = eu  address = 10.3.0.0/16 }
  region "lost" { location = northeurope  boundary = mars  address = 10.4.0.0/16 }
  region "wus" { location = westus  address = 10.5.0.0/16 }
}
)";

// What regions_in answered before there was an index.
std::vector<const model::Region*> scan_members(const model::Topology& t, size_t b) {
  std::vector<const model::Region*> out;
  for (const model::Region& r : t.regions) {
    if (r.boundary == b && r.boundary_name.value == t.boundaries[b].name) out.push_back(&r);
  }
  return out;
}

TEST(RegionIndex, BoundariesByNameAndTheirRegionsAsAWalkFindsThem) {
  driver::CheckResult result = check_text(kBoundaries);
  ASSERT_TRUE(result.models.at(0));
  const model::Topology& t = *result.models[0];
  EXPECT_EQ(t.boundaries.data(), t.region_index.boundaries_for);
  EXPECT_EQ(&t.boundaries[0], t.find_boundary("eu"));  // the first of the two (M003)
  EXPECT_EQ(&t.boundaries[1], t.find_boundary("us"));
  EXPECT_EQ(nullptr, t.find_boundary("mars"));
  EXPECT_EQ(nullptr, t.find_boundary("EU"));
  // Indexed after each region's boundary was resolved: `lost` (M004) and
  // `wus` (no boundary, M002) belong to none.
  ASSERT_EQ(2u, t.regions_in(0).size());
  EXPECT_EQ("weu", t.regions_in(0)[0]->key);
  EXPECT_EQ("neu", t.regions_in(0)[1]->key);
  for (size_t b = 0; b < t.boundaries.size(); ++b) {
    EXPECT_EQ(scan_members(t, b), t.regions_in(b)) << b;
  }
  // A copy is scanned until indexed again, and then answers the same.
  model::Topology copy = t;
  copy.regions[1].boundary = 0;
  copy.regions[1].boundary_name.value = "eu";
  EXPECT_EQ(3u, copy.regions_in(0).size());
  EXPECT_EQ(scan_members(copy, 1), copy.regions_in(1));
  copy.index_regions();
  for (size_t b = 0; b < copy.boundaries.size(); ++b) {
    EXPECT_EQ(scan_members(copy, b), copy.regions_in(b)) << b;
  }
  copy.boundaries.push_back(copy.boundaries[1]);
  copy.boundaries.back().name = "added";
  EXPECT_EQ(&copy.boundaries.back(), copy.find_boundary("added"));
}

std::string example(const std::string& relative) {
  std::ifstream in(std::filesystem::path(TOPOC_SOURCE_DIR) / relative, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(EstateRegionIndex, DnsAndCosmosOfEachRegionMatchAWalkOverThePlans) {
  size_t with_cosmos = 0;
  for (const char* path :
       {"examples/rag-platform.topo", "examples/eu-enterprise.topo", "examples/dr-platform.topo",
        "examples/global-three-region.topo", "examples/canada-warm-standby.topo"}) {
    driver::CheckResult result;
    driver::check_source(result, path, example(path), {.keep_estate = driver::KeptEstate::kWhole});
    ASSERT_TRUE(result.estates.at(0)) << path;
    const estate::Estate& e = *result.estates[0];
    ASSERT_EQ(e.topology->regions.size(), e.dns_at.size()) << path;
    ASSERT_EQ(e.topology->regions.size(), e.cosmos_at.size()) << path;
    size_t with_dns = 0;
    for (const model::Region& r : e.topology->regions) {
      const estate::RegionDns* dns = nullptr;
      for (const estate::RegionDns& d : e.dns) {
        if (d.region == &r && !dns) dns = &d;
      }
      const estate::CosmosAccount* cosmos = nullptr;
      for (const estate::CosmosAccount& a : e.cosmos) {
        for (const model::Region* at : a.endpoint_regions) {
          if (at == &r && !cosmos) cosmos = &a;
        }
      }
      EXPECT_EQ(dns, e.dns_of(r)) << path << " " << r.key;
      EXPECT_EQ(cosmos, e.cosmos_of(r)) << path << " " << r.key;
      with_dns += dns != nullptr;
      with_cosmos += cosmos != nullptr;
    }
    EXPECT_GT(with_dns, 0u) << path;
    // A region of another topology is not looked up by position.
    model::Region stranger = e.topology->regions.front();
    EXPECT_EQ(estate::Estate::kNone, e.region_position(stranger));
    EXPECT_EQ(nullptr, e.dns_of(stranger));
    EXPECT_EQ(nullptr, e.cosmos_of(stranger));
  }
  EXPECT_GT(with_cosmos, 0u);
}

}  // namespace
}  // namespace topoc::testing
