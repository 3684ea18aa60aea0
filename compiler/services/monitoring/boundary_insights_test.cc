// A boundary's shared Application Insights (`application_insights =
// <region>`): the component in the estate and both trees, its log-sink
// placement (R013 outside the boundary), and M004 and S120 on the region.
#include <gtest/gtest.h>

#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/terraform/emit_terraform.h"
#include "compiler/estate/estate.h"
#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"
#include "tests/emit_support.h"

namespace topoc::testing {
namespace boundary_insights_test {

using Lines = std::vector<std::string>;

// Boundary `eu` (line 2) keeps its component where `host` says; `neu` runs
// `neu_services`, `eus` is in boundary `us`.
std::string insights_in(std::string_view host, std::string_view neu_services = "monitoring") {
  return fmt::format(R"(topology "t" {{
  boundary "eu" {{ geography = eu-data-boundary  application_insights = {} }}
  boundary "us" {{ geography = united-states }}
  region "weu" {{ location = westeurope  boundary = eu  address = 10.2.0.0/16
    services = [keyvault, monitoring]
  }}
  region "neu" {{ location = northeurope  boundary = eu  address = 10.3.0.0/16
    services = [{}]
  }}
  region "eus" {{ location = eastus  boundary = us  address = 10.4.0.0/16
    services = [monitoring]
  }}
  tenant "contoso" {{ residency = eu }}
  tenant "fabrikam" {{ residency = us }}
}}
)",
                     host, neu_services);
}

const estate::Resource* shared_component(const estate::Estate& e) {
  for (const estate::Resource& r : e.resources) {
    if (r.name == "appi-t-eu-boundary-prod") return &r;
  }
  return nullptr;
}

TEST(BoundaryInsights, OneComponentInTheNamedRegion) {
  auto result = check_text(insights_in("neu"));
  ASSERT_EQ(Lines{}, diagnostics_of(insights_in("neu")));
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  const estate::Resource* appi = shared_component(e);
  ASSERT_NE(nullptr, appi);
  EXPECT_EQ("module.monitoring[\"neu\"].azurerm_application_insights.boundary[\"eu\"]", appi->key);
  EXPECT_EQ("azurerm_application_insights", appi->azurerm_type);
  EXPECT_EQ("Microsoft.Insights/components", appi->arm_type);
  EXPECT_EQ("northeurope", appi->location);
  EXPECT_EQ("rg-t-neu-prod", appi->resource_group);
  EXPECT_EQ("eu", appi->boundary);
  EXPECT_EQ((std::vector<size_t>{0}), appi->holders);
  ASSERT_EQ(1u, appi->placements.size());
  const estate::Placement& p = appi->placements[0];
  EXPECT_EQ(estate::PlacementKind::kLogSink, p.kind);
  EXPECT_EQ((std::vector<std::string>{"northeurope"}), p.locations);
  EXPECT_TRUE(p.checked);
  // Only the one boundary that asked for it has one.
  size_t components = 0;
  for (const estate::Resource& r : e.resources) {
    components += r.azurerm_type == "azurerm_application_insights";
  }
  EXPECT_EQ(4u, components);  // weu, neu, eus and the shared one

  emit::FileTree terraform = emit::emit_terraform(e);
  const std::string& main = emitted_file(terraform, "environments/prod/main.tf");
  EXPECT_TRUE(
      has(main, "        boundary_insights = {\n          eu = \"appi-t-eu-boundary-prod\"\n"))
      << main;
  EXPECT_TRUE(has(main, "  boundary_insights         = each.value.monitoring.boundary_insights\n"));
  const std::string& module = emitted_file(terraform, "modules/regional/monitoring/main.tf");
  EXPECT_TRUE(has(module,
                  "resource \"azurerm_application_insights\" \"boundary\" {\n"
                  "  for_each            = var.boundary_insights\n"));
  emit::FileTree bicep = emit::emit_bicep(e);
  const std::string& params = emitted_file(bicep, "bicep/prod.bicepparam");
  EXPECT_TRUE(has(params, "      boundaryInsightsNames: [\n        'appi-t-eu-boundary-prod'\n"))
      << params;
}

// Without a shared component the locals and the module call stay as they
// were: no `boundary_insights` anywhere.
TEST(BoundaryInsights, NoneUnlessAsked) {
  std::string text = insights_in("weu");
  text.replace(text.find("  application_insights = weu"), 28, "");
  auto result = check_text(text);
  ASSERT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  EXPECT_EQ(nullptr, shared_component(e));
  emit::FileTree terraform = emit::emit_terraform(e);
  const std::string& main = emitted_file(terraform, "environments/prod/main.tf");
  EXPECT_FALSE(has(main, "boundary_insights"));
  EXPECT_FALSE(
      has(emitted_file(emit::emit_bicep(e), "bicep/prod.bicepparam"), "boundaryInsightsNames"));
}

TEST(BoundaryInsights, RegionOfAnotherBoundaryIsR013) {
  std::string text = insights_in("eus");
  EXPECT_EQ((Lines{"R013 2:72 the telemetry of boundary `eu`'s applications lands in `eastus`, "
                   "outside boundary `eu`"}),
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ((Lines{"2:72 telemetry sent to Application Insights `appi-t-eu-boundary-prod` lands "
                   "in eastus because `boundary \"eu\"` sets `application_insights = eus`",
                   "10:29 region `eus` keeps its workspace in `eastus`",
                   "2:12 boundary `eu` declared here"}),
            notes_of(result, d));
  EXPECT_EQ("set `application_insights` to a region of boundary `eu` that runs `monitoring`",
            d.help);
}

TEST(BoundaryInsights, RegionWithoutMonitoringIsS120) {
  std::string text = insights_in("neu", "keyvault");
  EXPECT_EQ(Lines{"S120 2:72 the Application Insights of boundary `eu` sends its logs to region "
                  "`neu`, which runs no `monitoring` and so has no workspace"},
            diagnostics_of(text));
  EXPECT_EQ(
      "add `monitoring` to the `services` of region `neu`, or keep it in a region of the "
      "boundary that runs it",
      check_text(text).sink.diagnostics().at(0).help);
}

TEST(BoundaryInsights, UndeclaredRegionIsM004) {
  EXPECT_EQ(Lines{"M004 2:72 boundary `eu` keeps its Application Insights in region `nue`, which "
                  "is not declared; did you mean `neu`?"},
            diagnostics_of(insights_in("nue")));
}

}  // namespace boundary_insights_test
}  // namespace topoc::testing
