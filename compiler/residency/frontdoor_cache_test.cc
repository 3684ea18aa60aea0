// A Front Door route with a `cache` block keeps responses at every edge
// location: a cache/edge placement of the route, holding the data of each
// boundary it serves that has tenants, checked by the one engine (R012) or
// recorded as an exemption when the route serves non-personal content.
#include <gtest/gtest.h>

#include <optional>

#include "compiler/estate/edge_location.h"
#include "compiler/estate/estate.h"
#include "compiler/report/residency_report.h"
#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// Two boundaries with AKS, a tenant in `us` only; `eu` takes unrouted
// requests and the route (line 12, its `cache` on line 14) is the only one.
// `extra` goes on line 9, the route's own lines on line 13.
std::string topology(std::string_view extra, std::string_view route_line = "") {
  return fmt::format(
      "topology \"t\" {{\n"
      "  boundary \"us\" {{ geography = united-states }}\n"
      "  boundary \"eu\" {{ geography = eu-data-boundary }}\n"
      "  region \"use\" {{ location = eastus      boundary = us  failover = westus2      "
      "address = 10.1.0.0/16  aks {{}} }}\n"
      "  region \"weu\" {{ location = westeurope  boundary = eu  failover = northeurope  "
      "address = 10.2.0.0/16  aks {{}} }}\n"
      "  tenant \"acme\" {{ residency = us }}\n"
      "  frontdoor {{\n"
      "    unrouted = eu\n"
      "{}\n"
      "    # routes\n"
      "    route \"api\" {{ patterns = [\"/api/*\"] }}\n"
      "    route \"assets\" {{\n"
      "{}\n"
      "      cache {{ compression = true  content_types = [\"text/css\"] }}\n"
      "    }}\n"
      "  }}\n"
      "}}\n",
      extra, route_line);
}

const estate::Resource* cached_route(const estate::Estate& e) {
  for (const estate::Resource& r : e.resources) {
    if (r.azurerm_type == "azurerm_cdn_frontdoor_route" && !r.placements.empty()) return &r;
  }
  return nullptr;
}

TEST(FrontDoorRouteCacheResidency, TheRouteIsPlacedAtEveryEdgeLocation) {
  auto result = check_text(topology("    geo \"us\" = [US]"));
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  const estate::Resource* r = cached_route(e);
  ASSERT_NE(nullptr, r);
  ASSERT_EQ(1u, r->placements.size());
  const estate::Placement& p = r->placements[0];
  EXPECT_EQ(estate::PlacementKind::kCacheEdge, p.kind);
  EXPECT_EQ(std::vector<std::string>{std::string(estate::kFrontDoorEdge)}, p.locations);
  EXPECT_EQ(std::vector<size_t>{0}, r->holders);  // us: eu has no tenant
  ASSERT_EQ(1u, r->properties["cache"].size());
  EXPECT_EQ("IgnoreQueryString", r->properties["cache"][0]["query_string_caching_behavior"]);
  // Only the cached route carries placements and a `cache` property.
  for (const estate::Resource& other : e.resources) {
    if (&other == r || other.azurerm_type != "azurerm_cdn_frontdoor_route") continue;
    EXPECT_TRUE(other.placements.empty());
    EXPECT_FALSE(other.properties.contains("cache"));
  }
}

TEST(FrontDoorRouteCacheResidency, CachingForABoundaryWithTenantsIsR012WithTheChain) {
  auto result = check_text(topology("    geo \"us\" = [US]"));
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ("R012", std::string(diag::info(d.kind).code));
  auto at = result.files[0].line_col(d.location.span.begin);
  EXPECT_EQ(14u, at.line);
  EXPECT_EQ(
      "route `assets` caches responses at every Front Door edge location, outside boundary `us`; "
      "tenant data it serves would be copied there",
      d.message);
  EXPECT_EQ((Lines{"6:10 the route serves boundary `us`, which holds tenant `acme`",
                   "2:12 boundary `us` declared here"}),
            notes_of(result, d));
  EXPECT_NE(std::string::npos, d.help.find("`data = non-personal`"));
}

TEST(FrontDoorRouteCacheResidency, CachingForBoundariesWithoutTenantsPasses) {
  // No geo route: every request goes to `eu`, which holds no tenant. Only
  // the routing warning that US clients land in `eu` remains.
  EXPECT_EQ(Lines{"F007"}, codes_of(topology("")));
}

TEST(FrontDoorRouteCacheResidency, NonPersonalContentIsAnExemptionAtTheDataLine) {
  auto result = check_text(topology("    geo \"us\" = [US]", "      data = non-personal"));
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ("R015", std::string(diag::info(d.kind).code));
  EXPECT_NE(std::string::npos, d.message.find("is kept in every Front Door edge location, outside"))
      << d.message;
  auto at = result.files[0].line_col(d.location.span.begin);
  EXPECT_EQ(13u, at.line);
  EXPECT_EQ(0u, result.sink.error_count());
  EXPECT_NE(std::string::npos, d.help.find("`cache` block"));
}

TEST(FrontDoorRouteCacheResidency, TheReportNamesEveryEdgeLocation) {
  auto result = check_text(topology("    geo \"us\" = [US]"));
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  report::ResidencyReport rep = report::build_residency_report(e, result.files, "test.topo", {});
  bool found = false;
  for (const report::BoundaryResidency& b : rep.boundaries) {
    for (const report::KindGroup& g : b.kinds) {
      if (g.kind != estate::PlacementKind::kCacheEdge) continue;
      ASSERT_EQ(1u, g.locations.size());
      EXPECT_EQ("us", b.name);
      EXPECT_EQ("every Front Door edge location", g.locations[0].display);
      EXPECT_FALSE(g.locations[0].allowed);
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace topoc::testing
