// Diagnostic settings: where each region's resources send their logs
// (`monitoring { diagnostics, logs_to }`), rule S120, the undeclared region
// of M004, and the residency of the logs (R013).
#include <gtest/gtest.h>

#include "compiler/estate/estate.h"
#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// An EU region running Key Vault and AI Search with `monitoring` configured
// by `weu` on line 5, and a US region and a second EU region with their own
// workspaces.
std::string logs_with(std::string_view weu, std::string_view neu_services = "monitoring") {
  return fmt::format(R"(topology "t" {{
  boundary "eu" {{ geography = eu-data-boundary }}
  boundary "us" {{ geography = united-states }}
  region "weu" {{ location = westeurope  boundary = eu  address = 10.2.0.0/16
    monitoring {{ {} }}
    services = [keyvault, ai_search, monitoring]
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
                     weu, neu_services);
}

std::vector<const estate::DiagnosticSetting*> settings_of(const estate::Estate& e,
                                                          std::string_view region) {
  std::vector<const estate::DiagnosticSetting*> out;
  for (const estate::DiagnosticSetting& s : e.diagnostic_settings) {
    if (s.instance == region) out.push_back(&s);
  }
  return out;
}

TEST(MonitoringDiagnostics, OwnWorkspaceByDefault) {
  auto result = check_text(logs_with(""));
  EXPECT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  auto weu = settings_of(e, "weu");
  ASSERT_EQ(2u, weu.size());
  EXPECT_EQ("search", weu[0]->module);
  EXPECT_EQ((std::vector<std::string>{"allLogs"}), weu[0]->category_groups);
  EXPECT_EQ("keyvault", weu[1]->module);
  EXPECT_EQ("weu", weu[1]->workspace->key);
  EXPECT_TRUE(weu[1]->metrics);
  // The region's own location: listed, checked once with the region (R001).
  const estate::Resource* setting = nullptr;
  for (const estate::Resource& r : e.resources) {
    if (r.key ==
        "module.diagnostics[\"weu\"].azurerm_monitor_diagnostic_setting.this[\"keyvault\"]")
      setting = &r;
  }
  ASSERT_NE(nullptr, setting);
  ASSERT_EQ(1u, setting->placements.size());
  EXPECT_EQ(estate::PlacementKind::kLogSink, setting->placements[0].kind);
  EXPECT_EQ(Lines{"westeurope"}, setting->placements[0].locations);
  EXPECT_FALSE(setting->placements[0].checked);
}

// App Service sites: several per region, one setting each, keyed by the
// call and the site's topology name; a web app and a function app send
// different categories.
TEST(MonitoringDiagnostics, EverySiteHasItsOwnSetting) {
  auto result = check_text(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  boundary = eu  address = 10.2.0.0/16
    services = [storage, keyvault, monitoring, app_service]
    app_service { plan "p" { web "portal" { } }  plan "f" { sku = EP1  function "ingest" { } } }
  }
}
)");
  EXPECT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  std::vector<const estate::DiagnosticSetting*> sites;
  for (const estate::DiagnosticSetting* s : settings_of(e, "weu")) {
    if (s->module == "app_service") sites.push_back(s);
  }
  ASSERT_EQ(2u, sites.size());
  EXPECT_EQ("app_service/portal", sites[0]->key);
  EXPECT_EQ((std::vector<std::string>{"AppServiceAppLogs", "AppServiceAuditLogs",
                                      "AppServiceConsoleLogs", "AppServiceHTTPLogs",
                                      "AppServiceIPSecAuditLogs", "AppServicePlatformLogs"}),
            sites[0]->categories);
  EXPECT_EQ("app_service/ingest", sites[1]->key);
  EXPECT_EQ((std::vector<std::string>{"FunctionAppLogs"}), sites[1]->categories);
  EXPECT_TRUE(sites[0]->metrics && sites[1]->metrics);
  EXPECT_TRUE(sites[0]->category_groups.empty());
  const estate::Resource* setting = nullptr;
  for (const estate::Resource& r : e.resources) {
    if (r.key ==
        "module.diagnostics[\"weu\"].azurerm_monitor_diagnostic_setting."
        "this[\"app_service/ingest\"]")
      setting = &r;
  }
  ASSERT_NE(nullptr, setting);
  EXPECT_EQ("module.app_service[\"weu\"].azurerm_linux_function_app.this[\"ingest\"]",
            setting->depends_on.front());
  ASSERT_EQ(1u, setting->placements.size());
  EXPECT_EQ(estate::PlacementKind::kLogSink, setting->placements[0].kind);
}

TEST(MonitoringDiagnostics, TurnedOff) {
  auto result = check_text(logs_with("diagnostics = false"));
  EXPECT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  EXPECT_TRUE(settings_of(e, "weu").empty());
}

TEST(MonitoringDiagnostics, LogsToRegionInsideTheBoundaryPasses) {
  auto result = check_text(logs_with("logs_to = neu", "keyvault, monitoring"));
  EXPECT_EQ(Lines{}, diagnostics_of(logs_with("logs_to = neu", "keyvault, monitoring")));
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  auto weu = settings_of(e, "weu");
  ASSERT_EQ(2u, weu.size());
  EXPECT_EQ("neu", weu[0]->workspace->key);
}

// R013

TEST(MonitoringDiagnostics, LogsToRegionOutsideTheBoundary) {
  std::string text = logs_with("logs_to = eus");
  EXPECT_EQ((Lines{"R013 5:28 diagnostic logs of `srch-t-weu-prod` land in `eastus`, outside "
                   "boundary `eu`",
                   "R013 5:28 diagnostic logs of `kv-t-weu-prod` land in `eastus`, outside "
                   "boundary `eu`"}),
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(1);
  EXPECT_EQ((Lines{"5:28 diagnostic logs of `kv-t-weu-prod` land in workspace `log-t-eus-prod` in "
                   "eastus because `region \"weu\"` sets `monitoring { logs_to = \"eus\" }`",
                   "11:29 region `eus` keeps its workspace in `eastus`",
                   "2:12 boundary `eu` declared here"}),
            notes_of(result, d));
  EXPECT_EQ(
      "set `logs_to` to a region of boundary `eu` that runs `monitoring`, or remove it to "
      "keep the logs in the region's own workspace",
      d.help);
}

// A site's HTTP logs hold its users' client addresses: sent to another
// boundary's workspace they are a finding like any other watched resource's.
TEST(MonitoringDiagnostics, SiteLogsToRegionOutsideTheBoundary) {
  EXPECT_EQ((Lines{"R013 5:28 diagnostic logs of `app-t-weu-portal-prod` land in `eastus`, "
                   "outside boundary `eu`"}),
            diagnostics_of(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  boundary "us" { geography = united-states }
  region "weu" { location = westeurope  boundary = eu  address = 10.2.0.0/16
    monitoring { logs_to = eus }
    services = [app_service, monitoring]
    app_service { plan "p" { web "portal" { } } }
  }
  region "eus" { location = eastus  boundary = us  address = 10.4.0.0/16
    services = [monitoring]
  }
  tenant "contoso" { residency = eu }
}
)"));
}

TEST(MonitoringDiagnostics, LogsOutsideTheBoundaryNotSentWhenTurnedOff) {
  EXPECT_EQ(Lines{}, diagnostics_of(logs_with("logs_to = eus  diagnostics = false")));
}

// S120 and M004

TEST(MonitoringLogsTo, RegionWithoutMonitoring) {
  std::string text = logs_with("logs_to = neu", "keyvault");
  EXPECT_EQ(Lines{"S120 5:28 region `weu` sends its logs to region `neu`, which runs no "
                  "`monitoring` and so has no workspace"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(
      "add `monitoring` to the `services` of region `neu`, or remove `logs_to` to keep the "
      "logs in the region's own workspace",
      result.sink.diagnostics().at(0).help);
}

TEST(MonitoringLogsTo, UndeclaredRegion) {
  EXPECT_EQ(Lines{"M004 5:28 region `weu` sends its logs to region `nue`, which is not declared; "
                  "did you mean `neu`?"},
            diagnostics_of(logs_with("logs_to = nue")));
}

}  // namespace
}  // namespace topoc::testing

namespace topoc::testing {
namespace {

// Boundary eu's account logs to the workspace of its first region with
// monitoring (`neu`, declared after `weu`, which has none); boundary us has
// no region with monitoring, so its account gets no setting.
constexpr const char* kCosmosLogs = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  boundary "us" { geography = united-states }
  region "weu" { location = westeurope  boundary = eu  address = 10.1.0.0/16
    services = [keyvault]
  }
  region "neu" { location = northeurope  boundary = eu  address = 10.2.0.0/16
    services = [keyvault, monitoring]
  }
  region "eus" { location = eastus  boundary = us  address = 10.3.0.0/16
    services = [keyvault]
  }
  cosmos {
    container "orders" { partition = "/tenantId" }
  }
  tenant "contoso" { residency = eu }
  tenant "fabrikam" { residency = us }
}
)";

TEST(MonitoringDiagnostics, CosmosAccountLogsToItsBoundarysFirstMonitoredRegion) {
  auto result = check_text(kCosmosLogs);
  EXPECT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  const estate::Resource* eu = nullptr;
  const estate::Resource* us = nullptr;
  for (const estate::Resource& r : e.resources) {
    if (r.key == "module.cosmos[\"eu\"].azurerm_monitor_diagnostic_setting.this[0]") eu = &r;
    if (r.key == "module.cosmos[\"us\"].azurerm_monitor_diagnostic_setting.this[0]") us = &r;
  }
  ASSERT_NE(nullptr, eu);
  EXPECT_EQ(nullptr, us);
  EXPECT_EQ("neu", eu->properties.value("workspace_region", ""));
  ASSERT_EQ(1u, eu->placements.size());
  EXPECT_EQ(estate::PlacementKind::kLogSink, eu->placements[0].kind);
  EXPECT_EQ(Lines{"northeurope"}, eu->placements[0].locations);
  EXPECT_TRUE(eu->placements[0].checked);
  // In the account's own data resource group, not a region's.
  for (const estate::CosmosAccount& a : e.cosmos) {
    if (a.key == "eu") {
      EXPECT_EQ(a.resource_group, eu->resource_group);
    }
  }
}

// EU region `weu` (line 4) running `service` and `monitoring`, its logs sent
// to the US region `eus` (line 5); `body` adds lines to `weu`'s block, after
// which `eus` starts.
std::string weu_logs_to_eus(std::string_view service, std::string_view body) {
  return fmt::format(R"(topology "t" {{
  boundary "eu" {{ geography = eu-data-boundary }}
  boundary "us" {{ geography = united-states }}
  region "weu" {{ location = westeurope  boundary = eu  address = 10.2.0.0/16
    monitoring {{ logs_to = eus }}
    services = [{}, monitoring]
{}  }}
  region "eus" {{ location = eastus  boundary = us  address = 10.4.0.0/16
    services = [monitoring]
  }}
  tenant "contoso" {{ residency = eu }}
  tenant "fabrikam" {{ residency = us }}
}}
)",
                     service, body);
}

// Container insights of a cluster whose region sends its logs to another
// boundary's workspace: R013 on `logs_to`, beside the cluster's diagnostic
// setting's.
TEST(MonitoringDiagnostics, ContainerInsightsOutsideTheBoundary) {
  std::string text = weu_logs_to_eus("aks", "");
  EXPECT_EQ((Lines{"R013 5:28 Container insights of the AKS cluster of region `weu` lands in "
                   "`eastus`, outside boundary `eu`",
                   "R013 5:28 diagnostic logs of `aks-t-weu-prod` land in `eastus`, outside "
                   "boundary `eu`"}),
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ((Lines{"5:28 the Container insights logs of the AKS cluster of region `weu` land in "
                   "workspace `log-t-eus-prod` in eastus because `region \"weu\"` sets "
                   "`monitoring { logs_to = \"eus\" }`",
                   "8:29 region `eus` keeps its workspace in `eastus`",
                   "2:12 boundary `eu` declared here"}),
            notes_of(result, d));
  EXPECT_EQ(
      "set `logs_to` to a region of boundary `eu` that runs `monitoring`, or remove it to "
      "keep the logs in the region's own workspace",
      d.help);
}

// The same for a Container Apps environment, whose logs go straight to the
// workspace.
TEST(MonitoringDiagnostics, ContainerAppsLogsOutsideTheBoundary) {
  std::string text =
      weu_logs_to_eus("container_apps",
                      "    container_apps { environment \"app\" { app \"api\" { image = "
                      "\"mcr.microsoft.com/k8se/quickstart:latest\" } } }\n");
  EXPECT_EQ((Lines{"R013 5:28 the logs of Container Apps environment `cae-t-weu-app-prod` land in "
                   "`eastus`, outside boundary `eu`"}),
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ((Lines{"5:28 the console and system logs of environment `app` of region `weu` land in "
                   "workspace `log-t-eus-prod` in eastus because `region \"weu\"` sets "
                   "`monitoring { logs_to = \"eus\" }`",
                   "9:29 region `eus` keeps its workspace in `eastus`",
                   "2:12 boundary `eu` declared here"}),
            notes_of(result, d));
}

}  // namespace
}  // namespace topoc::testing
