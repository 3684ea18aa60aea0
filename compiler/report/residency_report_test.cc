// The residency report: built from the estate, every location grouped by
// kind with its reasons at the topology's lines; scoped to a boundary or a
// tenant; user text escaped in Markdown and HTML; one map marker per kind
// and location.
#include "compiler/report/residency_report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>

#include "compiler/catalog/region_catalog.h"
#include "compiler/driver/check.h"
#include "compiler/report/residency_map.h"
#include "compiler/report/residency_render.h"

namespace topoc::report {
namespace {

struct Checked {
  driver::CheckResult result;
  std::optional<estate::Estate> estate;  // built once the check is done
};

std::unique_ptr<Checked> check(const std::string& text) {
  auto c = std::make_unique<Checked>();
  driver::check_source(c->result, "test.topo", text);
  EXPECT_EQ(0u, c->result.sink.error_count()) << text;
  EXPECT_FALSE(c->result.models.empty());
  c->estate.emplace(estate::build_estate(*c->result.models.front(), {}));
  return c;
}

ResidencyReport report_of(const Checked& c, ReportScope scope = {}) {
  return build_residency_report(*c.estate, c.result.files, "test.topo", scope);
}

// Two boundaries; `weu` keeps geo-redundant storage (a copy in the Azure
// pair, northeurope) and `us1` a log sink; two tenants in eu, one in us.
constexpr const char* kTwoBoundaries = R"(topology "two" {
  prefix = "two"
  boundary "eu" { geography = eu-data-boundary }
  boundary "us" { geography = united-states }
  region "weu" {
    location = westeurope
    boundary = eu
    failover = northeurope
    address  = 10.2.0.0/16
    services = [storage]
    storage { replication = GRS }
  }
  region "us1" {
    location = eastus
    boundary = us
    address  = 10.3.0.0/16
    services = [monitoring]
  }
  tenant "contoso" { residency = eu  home = weu }
  tenant "fabrikam" { residency = eu }
  tenant "tailspin" { residency = us }
}
)";

const KindGroup* group(const BoundaryResidency& b, estate::PlacementKind kind) {
  for (const KindGroup& g : b.kinds) {
    if (g.kind == kind) return &g;
  }
  return nullptr;
}

TEST(ResidencyReport, GroupsLocationsByKindWithReasonsAtTheirLines) {
  auto c = check(kTwoBoundaries);
  ResidencyReport r = report_of(*c);
  ASSERT_EQ(2u, r.boundaries.size());
  const BoundaryResidency& eu = r.boundaries[0];
  EXPECT_EQ("eu", eu.name);
  EXPECT_EQ(3u, eu.declared.line);
  EXPECT_EQ((std::vector<std::string>{"weu"}), eu.region_keys);
  const KindGroup* copy = group(eu, estate::PlacementKind::kGeoPairCopy);
  ASSERT_NE(nullptr, copy);
  ASSERT_EQ(1u, copy->locations.size());
  const PlacedLocation& ne = copy->locations[0];
  EXPECT_EQ("northeurope", ne.location);
  EXPECT_EQ("North Europe", ne.display);
  EXPECT_EQ("IE", ne.country);
  EXPECT_TRUE(ne.allowed);
  ASSERT_EQ(1u, ne.resources.size());
  EXPECT_EQ("azurerm_storage_account", ne.resources[0].azurerm_type);
  EXPECT_EQ("westeurope", ne.resources[0].from);
  ASSERT_FALSE(ne.resources[0].reasons.empty());
  EXPECT_EQ("test.topo", ne.resources[0].reasons[0].at.file);
  EXPECT_EQ(11u, ne.resources[0].reasons[0].at.line);  // storage { replication = GRS }
  EXPECT_NE(std::string::npos,
            ne.resources[0].reasons[0].text.find("the Azure pair of westeurope"));
  // Stored and failover locations too; nothing of eu reaches eastus.
  ASSERT_NE(nullptr, group(eu, estate::PlacementKind::kPrimary));
  ASSERT_NE(nullptr, group(eu, estate::PlacementKind::kFailover));
  EXPECT_EQ((std::vector<std::string>{"northeurope", "westeurope"}), eu.reached);
  EXPECT_TRUE(eu.outside.empty());
  // Kinds in the estate's order.
  for (size_t i = 1; i < eu.kinds.size(); ++i) EXPECT_LT(eu.kinds[i - 1].kind, eu.kinds[i].kind);

  const BoundaryResidency& us = r.boundaries[1];
  EXPECT_EQ((std::vector<std::string>{"eastus"}), us.reached);
  EXPECT_NE(nullptr, group(us, estate::PlacementKind::kLogSink));
  EXPECT_EQ(nullptr, group(us, estate::PlacementKind::kGeoPairCopy));
}

TEST(ResidencyReport, ListsTheBoundarysPolicyAssignments) {
  auto c = check(kTwoBoundaries);
  ResidencyReport r = report_of(*c);
  const estate::BoundaryPlan* plan = c->estate->find_boundary("eu");
  ASSERT_NE(nullptr, plan);
  ASSERT_EQ(plan->policy_scopes.size(), r.boundaries[0].guards.size());
  const PolicyGuard& g = r.boundaries[0].guards[0];
  EXPECT_EQ(plan->policy_scopes[0].assignment_name, g.assignment);
  EXPECT_EQ(plan->policy_scopes[0].resource_group, g.resource_group);
  EXPECT_EQ(plan->policy_name, g.definition);
  EXPECT_NE(std::string::npos, g.effect.find("westeurope"));
}

TEST(ResidencyReport, TenantScopeIsItsBoundaryWithThatTenantOnly) {
  auto c = check(kTwoBoundaries);
  ResidencyReport r = report_of(*c, {ResidencyReport::Scope::kTenant, "contoso"});
  ASSERT_EQ(1u, r.boundaries.size());
  EXPECT_EQ("eu", r.boundaries[0].name);
  ASSERT_EQ(1u, r.boundaries[0].tenants.size());
  EXPECT_EQ("contoso", r.boundaries[0].tenants[0].name);
  EXPECT_EQ("weu", r.boundaries[0].tenants[0].home);
  EXPECT_EQ(19u, r.boundaries[0].tenants[0].declared.line);

  ResidencyReport us = report_of(*c, {ResidencyReport::Scope::kBoundary, "us"});
  ASSERT_EQ(1u, us.boundaries.size());
  EXPECT_EQ("us", us.boundaries[0].name);
  ASSERT_EQ(1u, us.boundaries[0].tenants.size());
  EXPECT_EQ("tailspin", us.boundaries[0].tenants[0].name);
}

TEST(ResidencyReport, UnknownNamesGetTheClosestOne) {
  auto c = check(kTwoBoundaries);
  const model::Topology& t = *c->result.models.front();
  EXPECT_EQ("no tenant `contso` in `two`; did you mean `contoso`?",
            find_scope_error(t, {ResidencyReport::Scope::kTenant, "contso"}));
  EXPECT_EQ("no boundary `ue` in `two`; did you mean `eu`?",
            find_scope_error(t, {ResidencyReport::Scope::kBoundary, "ue"}));
  EXPECT_EQ("no boundary `antarctica` in `two`",
            find_scope_error(t, {ResidencyReport::Scope::kBoundary, "antarctica"}));
  EXPECT_EQ("", find_scope_error(t, {ResidencyReport::Scope::kTenant, "fabrikam"}));
}

TEST(ResidencyReport, StatesThatNoExemptionIsDeclaredAndWhatItCannotSee) {
  auto c = check(kTwoBoundaries);
  ResidencyReport r = report_of(*c);
  EXPECT_TRUE(r.exemptions.empty());
  std::string md = render_residency_markdown(r);
  EXPECT_NE(std::string::npos, md.find("No exemption is declared"));
  EXPECT_NE(std::string::npos, md.find("## What topoc cannot see"));
  // No AKS and no Front Door here: those assumptions are left out.
  EXPECT_EQ(std::string::npos, md.find("AKS"));
  EXPECT_EQ(std::string::npos, md.find("Front Door"));
}

// A report whose names hold Markdown and HTML: the renderings must show
// them as text.
ResidencyReport hostile_report() {
  ResidencyReport r;
  r.topology = "t<script>alert(1)</script>";
  r.file = "a|b.topo";
  r.environment = "prod";
  BoundaryResidency b;
  b.name = "eu\"><img src=x onerror=alert(1)>";
  b.allowed_locations = {"westeurope"};
  b.reached = {"westeurope"};
  b.tenants.push_back({"t|`x`<b>", {"a|b.topo", 4}, ""});
  KindGroup g{estate::PlacementKind::kPrimary, {}};
  PlacedLocation l{"westeurope", "West Europe", "NL", true, {}};
  l.resources.push_back({"st<x>",
                         "azurerm_storage_account",
                         "k",
                         "",
                         {{{"a|b.topo", 5}, "region `w<i>` sets [link](http://x) *bold*"}}});
  g.locations.push_back(l);
  b.kinds.push_back(g);
  r.boundaries.push_back(b);
  return r;
}

TEST(ResidencyReport, MarkdownEscapesUserText) {
  std::string md = render_residency_markdown(hostile_report());
  EXPECT_EQ(std::string::npos, md.find("<script>"));
  EXPECT_EQ(std::string::npos, md.find("<img"));
  EXPECT_EQ(std::string::npos, md.find("<b>"));
  EXPECT_EQ(std::string::npos, md.find("[link](http://x)"));
  EXPECT_NE(std::string::npos, md.find("``t\\|`x`&lt;b&gt;``"));
}

TEST(ResidencyReport, HtmlEscapesUserText) {
  std::string html = render_residency_html(hostile_report());
  EXPECT_EQ(std::string::npos, html.find("<script>alert"));
  EXPECT_EQ(std::string::npos, html.find("<img"));
  EXPECT_EQ(std::string::npos, html.find("<b>"));
  EXPECT_EQ(std::string::npos, html.find("<i>"));
  EXPECT_NE(std::string::npos,
            html.find("data-boundary=\"eu&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""));
  EXPECT_NE(std::string::npos, html.find("region <code>w&lt;i&gt;</code> sets"));
}

TEST(ResidencyReport, HtmlHasOneMarkerPerKindAndLocationAndFetchesNothing) {
  auto c = check(kTwoBoundaries);
  ResidencyReport r = report_of(*c);
  std::string html = render_residency_html(r);
  size_t expected = 0;
  for (const BoundaryResidency& b : r.boundaries) {
    for (const KindGroup& g : b.kinds) expected += g.locations.size();
  }
  std::regex marker(R"(<circle class="placement)");
  auto n =
      std::distance(std::sregex_iterator(html.begin(), html.end(), marker), std::sregex_iterator());
  EXPECT_EQ(static_cast<long>(expected), n);
  EXPECT_NE(
      std::string::npos,
      html.find("data-kind=\"geo-pair-copy\" data-location=\"northeurope\" data-allowed=\"true\""));
  EXPECT_EQ(std::string::npos, html.find("http:"));
  EXPECT_EQ(std::string::npos, html.find("https:"));
  EXPECT_EQ(std::string::npos, html.find(" src="));
  // Every catalogue region is on each boundary's map.
  std::regex region(R"(<circle class="region)");
  auto regions =
      std::distance(std::sregex_iterator(html.begin(), html.end(), region), std::sregex_iterator());
  EXPECT_EQ(static_cast<long>(2 * catalog::all_regions().size()), regions);
}

TEST(ResidencyReport, JsonCarriesTheSchemaVersionAndEveryPlacement) {
  auto c = check(kTwoBoundaries);
  auto j = nlohmann::json::parse(
      render_residency_json(report_of(*c, {ResidencyReport::Scope::kTenant, "fabrikam"})));
  EXPECT_EQ(1, j["schema_version"]);
  EXPECT_EQ("tenant", j["scope"]["kind"]);
  EXPECT_EQ("fabrikam", j["scope"]["name"]);
  ASSERT_EQ(1u, j["boundaries"].size());
  EXPECT_TRUE(j["boundaries"][0]["tenants"][0]["home_region"].is_null());
  bool copy = false;
  for (const auto& k : j["boundaries"][0]["placements"]) {
    if (k["kind"] == "geo-pair-copy") {
      copy = true;
      EXPECT_EQ("northeurope", k["locations"][0]["location"]);
      EXPECT_EQ("westeurope", k["locations"][0]["resources"][0]["copied_from"]);
      EXPECT_EQ(11, k["locations"][0]["resources"][0]["reasons"][0]["line"]);
    }
  }
  EXPECT_TRUE(copy);
  EXPECT_TRUE(j["non_personal_exemptions"].empty());
}

}  // namespace
}  // namespace topoc::report
