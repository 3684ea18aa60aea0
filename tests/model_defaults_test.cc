// Defaults the model derives from the whole topology rather than from one
// block: storage redundancy that respects the boundary, subnets the Cosmos DB
// endpoints need, node pool names that must stay unique.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/check_support.h"

namespace topoc::testing {
namespace {

const model::Region& only_region(const driver::CheckResult& result) {
  EXPECT_EQ(1u, result.models.size());
  EXPECT_EQ(1u, result.models.front()->regions.size());
  return result.models.front()->regions.front();
}

bool has_subnet(const model::Region& r, std::string_view name) {
  return std::any_of(r.subnets.begin(), r.subnets.end(),
                     [&](const model::Subnet& s) { return s.name == name; });
}

TEST(ModelDefaults, StorageIsGeoRedundantWhereThePairIsInTheBoundary) {
  auto result = check_text(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  address = 10.2.0.0/16  services = [storage] }
  tenant "x" { residency = eu }
}
)");
  EXPECT_EQ(0u, result.sink.diagnostics().size());
  EXPECT_EQ(model::StorageReplication::kGZRS, only_region(result).storage->replication.value);
}

TEST(ModelDefaults, StorageStaysLocalWhenTheBoundaryExcludesThePair) {
  // northeurope, the pair of westeurope, is outside the narrowed boundary:
  // the default must not be the GZRS that R004 would refuse.
  auto result = check_text(R"(topology "t" {
  boundary "nl" { geography = eu-data-boundary  locations = [westeurope] }
  region "weu" { location = westeurope  address = 10.2.0.0/16  services = [storage] }
  tenant "x" { residency = nl }
}
)");
  EXPECT_EQ(0u, result.sink.diagnostics().size());
  EXPECT_EQ(model::StorageReplication::kZRS, only_region(result).storage->replication.value);
}

TEST(ModelDefaults, AWrittenReplicationIsKeptAndChecked) {
  EXPECT_EQ(std::vector<std::string>{"R004"}, codes_of(R"(topology "t" {
  boundary "nl" { geography = eu-data-boundary  locations = [westeurope] }
  region "weu" { location = westeurope  address = 10.2.0.0/16  services = [storage]
    storage { replication = GRS } }
  tenant "x" { residency = nl }
}
)"));
}

TEST(ModelDefaults, CosmosGivesEveryRegionAnEndpointsSubnet) {
  // AKS alone needs no private endpoint, but the Cosmos DB account (public
  // access off) is reached from every region through one.
  auto topology = [](std::string_view cosmos) {
    return fmt::format(R"(topology "t" {{
  boundary "eu" {{ geography = eu-data-boundary }}
  region "weu" {{ location = westeurope  address = 10.2.0.0/16  services = [aks] }}
  tenant "x" {{ residency = eu }}
  {}
}}
)",
                       cosmos);
  };
  auto without = check_text(topology(""));
  EXPECT_FALSE(has_subnet(only_region(without), "endpoints"));
  auto with = check_text(topology(R"(cosmos { container "c" { partition = "/id" } })"));
  EXPECT_EQ(0u, with.sink.diagnostics().size());
  EXPECT_TRUE(has_subnet(only_region(with), "endpoints"));
}

TEST(ModelDefaults, NodePoolNamesAreUnique) {
  EXPECT_EQ(std::vector<std::string>{"M003 4:40 node pool `gpu` is declared twice"},
            diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  address = 10.2.0.0/16  services = [aks]
    aks { pool "gpu" { max = 4 }  pool "gpu" { max = 8 } } }
  tenant "x" { residency = eu }
}
)"));
}

TEST(ModelDefaults, NodeLabelsAreSetOnceAndAreValues) {
  EXPECT_EQ((std::vector<std::string>{"M003 4:45 node label `tier` is set twice",
                                      "M002 4:57 node label `gpu` must be `gpu = \"value\"`"}),
            diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  address = 10.2.0.0/16  services = [aks]
    aks { pool "gpu" { labels { tier = "a"  tier = "b"  gpu { } } } } }
  tenant "x" { residency = eu }
}
)"));
}

}  // namespace
}  // namespace topoc::testing
