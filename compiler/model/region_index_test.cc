// The lookups by region key (Topology::index_regions) and by a region's
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
