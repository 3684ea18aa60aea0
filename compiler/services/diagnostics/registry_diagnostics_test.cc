// A container registry's diagnostic setting: planned in its home region's
// call when that region runs `monitoring`, keyed by the registry's name, and
// its logs a log sink placement at the workspace.
#include <gtest/gtest.h>

#include "tests/estate_support.h"

namespace topoc::testing {
namespace {

// Two EU regions; `services` of the home region `weu` on line 4.
std::string registry_homed(std::string_view services) {
  return fmt::format(R"(topology "t" {{
  boundary "eu" {{ geography = eu-data-boundary }}
  region "neu" {{ location = northeurope  boundary = eu  address = 10.1.0.0/16  services = [monitoring] }}
  region "weu" {{ location = westeurope  boundary = eu  address = 10.2.0.0/16  services = [{}] }}
  registry "images" {{ home = weu }}
  registry "tools" {{ home = weu  sku = premium }}
}}
)",
                     services);
}

TEST(RegistryDiagnostics, EachRegistryGetsASettingInItsHomeRegion) {
  driver::CheckResult result;
  estate::Estate e = estate_of(registry_homed("aks, monitoring"), result);
  EXPECT_TRUE(result.sink.diagnostics().empty());
  std::vector<const estate::DiagnosticSetting*> registries;
  for (const estate::DiagnosticSetting& s : e.diagnostic_settings) {
    if (s.module == "container_registry") registries.push_back(&s);
  }
  ASSERT_EQ(2u, registries.size());
  EXPECT_EQ("container_registry/images", registries[0]->key);
  EXPECT_EQ("container_registry/tools", registries[1]->key);
  EXPECT_EQ("weu", registries[0]->instance);
  EXPECT_EQ("weu", registries[0]->workspace->key);
  EXPECT_EQ((std::vector<std::string>{"ContainerRegistryLoginEvents",
                                      "ContainerRegistryRepositoryEvents"}),
            registries[0]->categories);
  EXPECT_TRUE(registries[0]->metrics);
  EXPECT_EQ("module.container_registry[\"images\"].azurerm_container_registry.this",
            registries[0]->watched);
  const estate::Resource* setting = find_resource(
      e, "module.diagnostics[\"weu\"].azurerm_monitor_diagnostic_setting.this[\"container_"
         "registry/images\"]");
  ASSERT_NE(nullptr, setting);
  ASSERT_EQ(1u, setting->placements.size());
  EXPECT_EQ(estate::PlacementKind::kLogSink, setting->placements[0].kind);
  EXPECT_EQ(std::vector<std::string>{"westeurope"}, setting->placements[0].locations);
}

TEST(RegistryDiagnostics, NoMonitoringInTheHomeRegionNoSetting) {
  driver::CheckResult result;
  estate::Estate e = estate_of(registry_homed("aks"), result);
  for (const estate::DiagnosticSetting& s : e.diagnostic_settings)
    EXPECT_NE("container_registry", s.module) << s.key;
}

}  // namespace
}  // namespace topoc::testing
