// Network rules N001-N008: address spaces, subnets, the AKS service range,
// the peering hub and the peerings per VNet.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// Regions of one boundary; tests replace their address lines.
constexpr const char* kRegions = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope   address = 10.1.0.0/16 }
  region "neu" { location = northeurope  address = 10.2.0.0/16 }
}
)";

TEST(NetworkRules, DisjointRegionsAreClean) {
  EXPECT_EQ(Lines{}, diagnostics_of(kRegions));
}

// N001 is reported while the model is read.

TEST(InvalidCidr, HostBitsSet) {
  EXPECT_EQ(Lines{"N001 4:52 `10.2.1.0/16` has host bits set; the network is `10.2.0.0/16`"},
            diagnostics_of(replaced(kRegions, "10.2.0.0/16", "10.2.1.0/16")));
}

// N002

TEST(AddressSpacesDisjoint, OverlappingRegions) {
  std::string text = replaced(kRegions, "10.2.0.0/16", "10.1.128.0/17");
  EXPECT_EQ(Lines{"N002 4:52 address space `10.1.128.0/17` of region `neu` overlaps `10.1.0.0/16` "
                  "of region `weu`; peered VNets need disjoint ranges"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(Lines{"3:52 address space of region `weu`"}, notes_of(result, d));
  EXPECT_EQ("`10.2.0.0/17` is free", d.help);
}

TEST(AddressSpacesDisjoint, RegionInsideTheAksServiceRange) {
  std::string text = replaced(kRegions, "10.2.0.0/16", "172.16.0.0/20");
  EXPECT_EQ(Lines{"N002 4:52 address space `172.16.0.0/20` of region `neu` overlaps "
                  "`172.16.0.0/16`, the service CIDR of the AKS clusters in regions `weu` and "
                  "`neu`; pods could not reach VNet addresses inside it"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(Lines{"3:10 AKS cluster of region `weu`"}, notes_of(result, d));
  EXPECT_EQ("`172.17.0.0/20` is free", d.help);
}

TEST(AddressSpacesDisjoint, ServiceRangeMattersOnlyWithAks) {
  EXPECT_EQ(Lines{},
            diagnostics_of(replaced(
                replaced(replaced(kRegions, "10.2.0.0/16", "172.16.0.0/20"),
                         "address = 10.1.0.0/16", "address = 10.1.0.0/16  services = [storage]"),
                "address = 172.16.0.0/20", "address = 172.16.0.0/20  services = [storage]")));
}

// N003

TEST(SubnetsInsideAddressSpace, SubnetInsidePasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(kRegions, "address = 10.1.0.0/16 }",
                                             "address = 10.1.0.0/16\n"
                                             "    subnet \"data\" { address = 10.1.200.0/24 } }")));
}

TEST(SubnetsInsideAddressSpace, SubnetOutside) {
  std::string text = replaced(kRegions, "address = 10.1.0.0/16 }",
                              "address = 10.1.0.0/16\n"
                              "    subnet \"data\" { address = 10.9.0.0/24 } }");
  EXPECT_EQ(Lines{"N003 4:31 subnet `data` (`10.9.0.0/24`) is not inside the address space "
                  "`10.1.0.0/16` of region `weu`"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(Lines{"3:52 address space of region `weu`"}, notes_of(result, d));
  EXPECT_EQ("`10.1.160.0/24` is free inside `10.1.0.0/16`", d.help);
}

TEST(SubnetsInsideAddressSpace, SubnetLargerThanTheSpace) {
  std::string text = replaced(kRegions, "address = 10.1.0.0/16 }",
                              "address = 10.1.0.0/16\n"
                              "    subnet \"data\" { address = 10.0.0.0/8 } }");
  auto result = check_text(text);
  EXPECT_EQ(Lines{"N003 4:31 subnet `data` (`10.0.0.0/8`) is not inside the address space "
                  "`10.1.0.0/16` of region `weu`"},
            diagnostics_of(text));
  EXPECT_EQ("a /8 subnet cannot fit in a /16 address space", result.sink.diagnostics()[0].help);
}

// N004

TEST(AddressSpaceLargeEnough, DefaultClusterFitsASlash21) {
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(kRegions, "address = 10.1.0.0/16 }",
                                             "address = 10.1.0.0/16\n"
                                             "    subnet \"aks\" { address = 10.1.0.0/21 } }")));
}

TEST(AddressSpaceLargeEnough, AksSubnetTooSmallForAzureCni) {
  std::string text = replaced(kRegions, "address = 10.1.0.0/16 }",
                              "address = 10.1.0.0/16\n"
                              "    subnet \"aks\" { address = 10.1.0.0/22 } }");
  EXPECT_EQ(Lines{"N004 4:30 subnet `aks` (`10.1.0.0/22`, 1024 addresses) of region `weu` cannot "
                  "hold the AKS cluster with Azure CNI, where every node and pod takes an address: "
                  "pool `system` (10 + 1 surge) x (50 pods + 1) = 561, pool `workload` (20 + 1 "
                  "surge) x (50 pods + 1) = 1071, and Azure reserves 5, 1637 in all"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(Lines{"3:10 AKS cluster of region `weu`"}, notes_of(result, d));
  EXPECT_EQ("a /21 (2048 addresses) is enough; or lower the pools' `max` or `max_pods`", d.help);
}

TEST(AddressSpaceLargeEnough, CountsEveryPoolWithItsOwnMaxPods) {
  std::string text = replaced(kRegions, "address = 10.1.0.0/16 }",
                              "address = 10.1.0.0/16\n"
                              "    subnet \"aks\" { address = 10.1.0.0/25 }\n"
                              "    aks { system { max = 3  max_pods = 30 }\n"
                              "          pool \"gpu\" { max = 2  max_pods = 20 } } }");
  EXPECT_EQ(Lines{"N004 4:30 subnet `aks` (`10.1.0.0/25`, 128 addresses) of region `weu` cannot "
                  "hold the AKS cluster with Azure CNI, where every node and pod takes an address: "
                  "pool `system` (3 + 1 surge) x (30 pods + 1) = 124, pool `gpu` (2 + 1 surge) x "
                  "(20 pods + 1) = 63, and Azure reserves 5, 192 in all"},
            diagnostics_of(text));
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(text, "10.1.0.0/25", "10.1.0.0/24")));
}

TEST(AddressSpaceLargeEnough, NoRoomForADefaultSubnet) {
  std::string text =
      replaced(replaced(kRegions, "10.1.0.0/16", "10.1.0.0/30"), "address = 10.1.0.0/30",
               "address = 10.1.0.0/30  services = [storage]");
  EXPECT_EQ(Lines{"N004 3:52 address space `10.1.0.0/30` of region `weu` has no room left for the "
                  "default `endpoints` subnet; topoc gives `aks` half of the space and `endpoints` "
                  "and `ingress` a sixteenth each (at least a /29)"},
            diagnostics_of(text));
}

// N005

TEST(SubnetsDisjoint, SideBySideSubnetsPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(kRegions, "address = 10.1.0.0/16 }",
                                             "address = 10.1.0.0/16\n"
                                             "    subnet \"a\" { address = 10.1.200.0/24 }\n"
                                             "    subnet \"b\" { address = 10.1.201.0/24 } }")));
}

TEST(SubnetsDisjoint, OverlappingSubnets) {
  std::string text = replaced(kRegions, "address = 10.1.0.0/16 }",
                              "address = 10.1.0.0/16\n"
                              "    subnet \"a\" { address = 10.1.200.0/23 }\n"
                              "    subnet \"b\" { address = 10.1.201.0/24 } }");
  EXPECT_EQ(Lines{"N005 5:28 subnet `b` (`10.1.201.0/24`) overlaps subnet `a` (`10.1.200.0/23`) "
                  "in region `weu`"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"4:28 subnet `a` declared here"}, notes_of(result, result.sink.diagnostics()[0]));
}

// N006, N007: the peering hub. Three EU regions and one US region; tests
// replace the EU boundary's line.
constexpr const char* kHubRegions = R"(topology "t" {
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "us"  { location = eastus         boundary = us  address = 10.1.0.0/16 }
  region "weu" { location = westeurope     boundary = eu  address = 10.2.0.0/16 }
  region "neu" { location = northeurope    boundary = eu  address = 10.3.0.0/16 }
  region "sec" { location = swedencentral  boundary = eu  address = 10.4.0.0/16 }
}
)";

std::string eu_boundary(std::string_view body) {
  return replaced(kHubRegions, "boundary \"eu\" { geography = eu-data-boundary }",
                  fmt::format("boundary \"eu\" {{ geography = eu-data-boundary  {} }}", body));
}

TEST(PeeringHubInBoundary, HubOfTheBoundaryIsClean) {
  EXPECT_EQ(Lines{}, diagnostics_of(eu_boundary("peering = hub  hub = weu")));
  EXPECT_EQ(Lines{}, diagnostics_of(eu_boundary("peering = none")));
  EXPECT_EQ(Lines{}, diagnostics_of(eu_boundary("peering = mesh")));
}

TEST(PeeringHubInBoundary, HubInAnotherBoundaryWouldLetDataLeave) {
  std::string text = eu_boundary("peering = hub  hub = us");
  EXPECT_EQ(Lines{"N006 3:70 hub region `us` of boundary `eu` is in boundary `us`; peering across "
                  "boundaries would let tenant data flow out of `eu`"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(Lines{"4:10 region `us` declared here"}, notes_of(result, d));
  EXPECT_EQ("choose a region of boundary `eu`: `weu`, `neu` and `sec`", d.help);
}

TEST(PeeringHubInBoundary, UndeclaredHub) {
  EXPECT_EQ(Lines{"N006 3:70 hub region `fra` of boundary `eu` is not a declared region"},
            diagnostics_of(eu_boundary("peering = hub  hub = fra")));
}

TEST(PeeringHubInBoundary, HubWithoutHubPeering) {
  EXPECT_EQ(Lines{"N007 3:55 boundary `eu` names hub region `weu`, but its peering is `mesh`"},
            diagnostics_of(eu_boundary("hub = weu")));
  EXPECT_EQ(Lines{"N007 3:71 boundary `eu` names hub region `weu`, but its peering is `none`"},
            diagnostics_of(eu_boundary("peering = none  hub = weu")));
}

TEST(PeeringHubInBoundary, HubPeeringNeedsAHub) {
  EXPECT_EQ(Lines{"M005 3:59 boundary `eu` sets `peering = hub` but names no hub region"},
            diagnostics_of(eu_boundary("peering = hub")));
}

TEST(PeeringHubInBoundary, UnknownPeeringIsAChoice) {
  EXPECT_EQ(std::vector<std::string>{"M007"}, codes_of(eu_boundary("peering = star")));
}

// N008: `regions` regions of boundary `eu`, each with a /24 of its own, and
// the boundary's body after its geography.
std::string fleet(size_t regions, std::string_view peering) {
  std::string text = fmt::format(
      "topology \"t\" {{\n  boundary \"eu\" {{ geography = eu-data-boundary{} }}\n", peering);
  for (size_t i = 0; i < regions; ++i) {
    text += fmt::format(
        "  region \"r{:03}\" {{ location = westeurope  address = 10.{}.{}.0/24  services = "
        "[storage] }}\n",
        i, i >> 8, i & 255);
  }
  return text + "}\n";
}

size_t peerings_of(const std::string& text) {
  driver::CheckResult result;
  driver::check_source(result, "test.topo", text, {.keep_estate = driver::KeptEstate::kWhole});
  return result.estates.at(0) ? result.estates[0]->peerings.size() : 0;
}

// A hub of 501 regions holds 500 peerings; a mesh of 501 as many on every VNet
// (not built here: its 250,500 peerings would slow the suite for no new path).
TEST(PeeringsPerVnet, FiveHundredOnePeeredRegionsAreTheMost) {
  EXPECT_EQ(Lines{}, diagnostics_of(fleet(501, "  peering = hub  hub = r000")));
  EXPECT_EQ(2u * 500u, peerings_of(fleet(501, "  peering = hub  hub = r000")));
  EXPECT_EQ(Lines{}, diagnostics_of(fleet(600, "  peering = none")));
}

TEST(PeeringsPerVnet, AMeshOfMoreIsReportedAtTheBoundaryAndNotPlanned) {
  std::string text = fleet(502, "");
  EXPECT_EQ(Lines{"N008 2:12 boundary `eu` peers each of its 502 regions with every other "
                  "(`peering = mesh`, the default): each VNet would hold 501 peerings, and Azure "
                  "allows 500 per virtual network"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(
      "a boundary can peer at most 501 regions; write `peering = none` for this one, whose "
      "regions then reach one another only through public endpoints",
      result.sink.diagnostics().at(0).help);
  EXPECT_EQ(0u, peerings_of(text));
  EXPECT_EQ(Lines{"N008 2:59 boundary `eu` peers each of its 502 regions with every other "
                  "(`peering = mesh`): each VNet would hold 501 peerings, and Azure allows 500 "
                  "per virtual network"},
            diagnostics_of(fleet(502, "  peering = mesh")));
}

TEST(PeeringsPerVnet, AHubOfMoreIsReportedAtThePeering) {
  EXPECT_EQ(Lines{"N008 2:59 boundary `eu` peers its 502 regions with hub `r000`: the hub's VNet "
                  "would hold 501 peerings, and Azure allows 500 per virtual network"},
            diagnostics_of(fleet(502, "  peering = hub  hub = r000")));
  EXPECT_EQ(0u, peerings_of(fleet(502, "  peering = hub  hub = r000")));
}

// A hub that is none of the boundary's regions peers nothing: N006 says so,
// and no VNet holds a peering to count.
TEST(PeeringsPerVnet, AHubOutsideTheBoundaryIsN006Alone) {
  Lines found = diagnostics_of(fleet(502, "  peering = hub  hub = elsewhere"));
  ASSERT_EQ(1u, found.size());
  EXPECT_EQ("N006", found[0].substr(0, 4));
}

}  // namespace
}  // namespace topoc::testing
