// `traffic_manager "..." { logs_to = <region> }`: the profile's probe health
// events and metrics go to that region's workspace through a diagnostic
// setting beside the profile (M004 for an undeclared region, S120 for one
// without `monitoring`), in the estate, Terraform and Bicep alike.
#include <gtest/gtest.h>

#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/terraform/emit_terraform.h"
#include "tests/emit_support.h"
#include "tests/estate_support.h"

namespace topoc::testing {
namespace traffic_manager_logs_test {

using Lines = std::vector<std::string>;

// A US region with `monitoring` (line 4), an EU region without it, and a
// profile whose attributes `logs` are on line 7.
std::string with_logs(std::string_view logs) {
  return fmt::format(R"(topology "t" {{
  boundary "us" {{ geography = united-states }}
  boundary "eu" {{ geography = eu-data-boundary }}
  region "us" {{ location = eastus      boundary = us  address = 10.1.0.0/16  services = [aks, monitoring] }}
  region "eu" {{ location = westeurope  boundary = eu  address = 10.2.0.0/16  services = [aks] }}
  traffic_manager "web" {{
    {}
    routing = geographic
    unmapped = nodata
    endpoint "us" {{ region = us  geo = [US] }}
    endpoint "eu" {{ region = eu  geo = [DE] }}
  }}
}}
)",
                     logs);
}

constexpr const char* kSetting =
    "module.traffic_manager.azurerm_monitor_diagnostic_setting.this[\"web\"]";

TEST(TrafficManagerLogs, UndeclaredRegionIsM004) {
  EXPECT_EQ((Lines{"M004 7:15 traffic_manager `web` sends its logs to region `usa`, which is not "
                   "declared; write the key of a region that runs `monitoring`"}),
            diagnostics_of(with_logs("logs_to = usa")));
}

TEST(TrafficManagerLogs, RegionWithoutMonitoringIsS120) {
  std::string text = with_logs("logs_to = eu");
  EXPECT_EQ((Lines{"S120 7:15 traffic_manager `web` sends its logs to region `eu`, which runs no "
                   "`monitoring` and so has no workspace"}),
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(
      "add `monitoring` to the `services` of region `eu`, or send the logs to a region that "
      "runs it",
      result.sink.diagnostics().at(0).help);
}

TEST(TrafficManagerLogs, TheSettingIsAnUncheckedLogSink) {
  driver::CheckResult result;
  // The EU boundary's clients' profile logs in the US: endpoint health, no
  // client data, so no finding.
  estate::Estate e = estate_of(with_logs("logs_to = us"), result);
  EXPECT_TRUE(result.sink.diagnostics().empty());
  const estate::Resource* setting = find_resource(e, kSetting);
  ASSERT_NE(nullptr, setting);
  EXPECT_EQ(e.names.region("us", "diag"), setting->name);
  EXPECT_EQ(e.names.get("global.rg"), setting->resource_group);
  EXPECT_EQ((std::vector<std::string>{"ProbeHealthStatusEvents"}),
            setting->properties["enabled_log_categories"].get<std::vector<std::string>>());
  ASSERT_EQ(1u, setting->placements.size());
  const estate::Placement& p = setting->placements[0];
  EXPECT_EQ(estate::PlacementKind::kLogSink, p.kind);
  EXPECT_EQ(std::vector<std::string>{"eastus"}, p.locations);
  EXPECT_FALSE(p.checked);
  EXPECT_EQ(
      "the probe health events of traffic_manager `web` land in workspace `log-t-us-prod` in "
      "eastus because it sets `logs_to = us`: endpoint health only, no client data",
      p.reasons.at(0).text);
}

TEST(TrafficManagerLogs, TerraformAndBicepSendTheProbeEvents) {
  driver::CheckResult result = check_text(with_logs("logs_to = us"));
  ASSERT_EQ(0u, result.sink.error_count());
  const model::Topology& t = *result.models.at(0);
  emit::FileTree tf = emit::emit_terraform(t, {});
  const std::string& main = emitted_file(tf, "environments/prod/main.tf");
  EXPECT_TRUE(has(main, "module.monitoring[setting.workspace_region].log_analytics_workspace_id"))
      << main;
  EXPECT_TRUE(has(main, "workspace_region = \"us\"")) << main;
  const std::string& module = emitted_file(tf, "modules/global/traffic-manager/main.tf");
  EXPECT_TRUE(has(module, "resource \"azurerm_monitor_diagnostic_setting\" \"this\" {"));
  EXPECT_TRUE(has(module, "category = \"ProbeHealthStatusEvents\""));

  emit::FileTree bicep = emit::emit_bicep(t, {});
  EXPECT_TRUE(
      has(emitted_file(bicep, "bicep/prod.bicepparam"), "diagnosticSettingName: 'diag-t-us-prod'"));
  EXPECT_TRUE(
      has(emitted_file(bicep, "bicep/main.bicep"), "workspaceIds: {\n      'traf-t-web-prod"))
      << emitted_file(bicep, "bicep/main.bicep");
}

TEST(TrafficManagerLogs, NoLogsToNoSetting) {
  driver::CheckResult result;
  estate::Estate e = estate_of(with_logs(""), result);
  EXPECT_EQ(nullptr, find_resource(e, kSetting));
  emit::FileTree tf = emit::emit_terraform(*result.models.at(0), {});
  EXPECT_FALSE(
      has(emitted_file(tf, "environments/prod/main.tf"), "local.traffic_manager.diagnostics"));
  emit::FileTree bicep = emit::emit_bicep(*result.models.at(0), {});
  EXPECT_FALSE(has(emitted_file(bicep, "bicep/main.bicep"), "workspaceIds"));
}

}  // namespace traffic_manager_logs_test
}  // namespace topoc::testing
