// Container Apps rules S070-S075 and A003, the subnet each environment is
// given, and the placements of environments and apps.
#include <gtest/gtest.h>

#include "compiler/estate/estate.h"
#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// A one-region topology in westeurope running `services`, its Container
// Apps configured by `apps` on line 4, then `extra` inside the topology.
std::string apps_in(std::string_view services, std::string_view apps, std::string_view extra = "") {
  return fmt::format(R"(topology "t" {{
  boundary "b" {{ geography = eu-data-boundary  locations = [westeurope, northeurope] }}
  region "r" {{ location = westeurope  services = [{}]  address = 10.2.0.0/16
    container_apps {{ {} }}
  }}
{}}}
)",
                     services, apps, extra);
}

std::string apps_with(std::string_view apps) {
  return apps_in("container_apps", apps);
}

constexpr const char* kPublicImage = R"(image = "mcr.microsoft.com/k8se/quickstart:latest")";

std::string app(std::string_view settings) {
  return fmt::format(R"(environment "e" {{ app "a" {{ {}  {} }} }})", kPublicImage, settings);
}

TEST(ContainerAppsRules, DefaultsPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(apps_with(app(""))));
  EXPECT_EQ(Lines{}, diagnostics_of(apps_with(R"(environment "e" {})")));
}

TEST(ContainerAppsRules, EveryPairTheConsumptionProfileOffersPasses) {
  for (std::string_view pair : {"cpu = 0.25  memory = 0.5Gi", "cpu = 1  memory = 2Gi",
                                "cpu = 1.75  memory = 3.5Gi", "cpu = 4  memory = 8Gi"}) {
    EXPECT_EQ(Lines{}, diagnostics_of(apps_with(app(pair)))) << pair;
  }
}

// S070

TEST(ContainerAppsResources, MemoryNotTwiceTheCpuOnConsumption) {
  std::string text = apps_with(app("cpu = 1  memory = 1Gi"));
  EXPECT_EQ(Lines{"S070 4:120 app `a` of region `r` asks for 1 vCPU with 1Gi, but the Consumption "
                  "profile pairs 1 vCPU with 2Gi"},
            diagnostics_of(text));
  auto result = check_text(text);
  ASSERT_TRUE(result.sink.diagnostics().at(0).fixit.has_value());
  EXPECT_EQ("2Gi", result.sink.diagnostics().at(0).fixit->replacement);
}

TEST(ContainerAppsResources, CpuOffTheQuarterStepsOnConsumption) {
  EXPECT_EQ(Lines{"S070 4:108 app `a` of region `r` asks for 0.3 vCPU, but the Consumption "
                  "profile offers 0.25 to 4 vCPU in steps of 0.25"},
            diagnostics_of(apps_with(app("cpu = 0.3  memory = 0.6Gi"))));
  EXPECT_EQ(Lines{"S070 4:108 app `a` of region `r` asks for 8 vCPU, but the Consumption "
                  "profile offers 0.25 to 4 vCPU in steps of 0.25"},
            diagnostics_of(apps_with(app("cpu = 8  memory = 16Gi"))));
}

TEST(ContainerAppsResources, DedicatedProfileTakesWhatFitsOnANode) {
  EXPECT_EQ(Lines{}, diagnostics_of(apps_with(R"(environment "e" { workload_profile = D4
      app "a" { image = "x.azurecr.io/a:1"  cpu = 1  memory = 3Gi } })")));
  std::string text = apps_with(R"(environment "e" { workload_profile = D4
      app "a" { image = "x.azurecr.io/a:1"  cpu = 2  memory = 20Gi } })");
  EXPECT_EQ(Lines{"S070 5:63 app `a` of region `r` asks for 2 vCPU with 20Gi, more than one `D4` "
                  "node holds (4 vCPU, 16Gi)"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"4:59 `workload_profile = D4` chosen here"},
            notes_of(result, result.sink.diagnostics().at(0)));
}

TEST(ContainerAppsResources, UnknownProfile) {
  EXPECT_EQ(Lines{"M007 4:59 `D5` is not a valid `workload_profile`; did you mean `D4`?"},
            diagnostics_of(apps_with(R"(environment "e" { workload_profile = D5 })")));
}

// S071

TEST(ContainerAppsResources, ReplicaMinimumAboveMaximum) {
  EXPECT_EQ(Lines{"S071 4:117 app `a` of region `r` has a minimum of 5 above its maximum of 3"},
            diagnostics_of(apps_with(app("min_replicas = 5  max_replicas = 3"))));
  EXPECT_EQ(Lines{"S071 4:117 app `a` of region `r` has a minimum of 11 above its maximum of 10"},
            diagnostics_of(apps_with(app("min_replicas = 11"))));
}

TEST(ContainerAppsResources, ProfileMinimumAboveMaximum) {
  EXPECT_EQ(Lines{"S071 4:75 the `D4` profile of environment `e` has a minimum of 4 above its "
                  "maximum of 2"},
            diagnostics_of(apps_with(
                R"(environment "e" { workload_profile = D4  min_count = 4  max_count = 2 })")));
}

// S072, S075

TEST(ContainerAppsNetwork, ZoneRedundancyWithoutVnet) {
  EXPECT_EQ(Lines{"S072 4:83 environment `e` of region `r` is zone-redundant, which needs VNet "
                  "integration, but `vnet_integration = false`"},
            diagnostics_of(apps_with(
                R"(environment "e" { vnet_integration = false  zone_redundant = true })")));
}

TEST(ContainerAppsNetwork, InternalWithoutVnet) {
  EXPECT_EQ(Lines{"S075 4:77 environment `e` of region `r` is internal, which needs VNet "
                  "integration, but `vnet_integration = false`"},
            diagnostics_of(
                apps_with(R"(environment "e" { vnet_integration = false  internal = true })")));
}

TEST(ContainerAppsNetwork, ZoneRedundancyWithoutZones) {
  std::string text = replaced(apps_with(R"(environment "e" { zone_redundant = true })"),
                              "westeurope  services", "northcentralus  services");
  text = replaced(text, "geography = eu-data-boundary  locations = [westeurope, northeurope]",
                  "geography = united-states");
  EXPECT_EQ(Lines{"A003 4:57 a zone-redundant Container Apps environment needs availability "
                  "zones, but `northcentralus` (region `r`) has none"},
            diagnostics_of(text));
}

// S073 and the carved subnets

TEST(ContainerAppsNetwork, ExplicitSubnetTooSmall) {
  EXPECT_EQ(Lines{"S073 5:32 subnet `cae-e` of region `r` is a /28, but Container Apps "
                  "environment `e` needs at least a /27"},
            diagnostics_of(apps_in("container_apps", R"(environment "e" {} }
    subnet "cae-e" { address = 10.2.200.0/28 )")));
  EXPECT_EQ(Lines{}, diagnostics_of(apps_in("container_apps", R"(environment "e" {} }
    subnet "cae-e" { address = 10.2.200.0/27 )")));
}

TEST(ContainerAppsNetwork, EachEnvironmentGetsADelegatedSubnet) {
  auto result = check_text(apps_with(R"(environment "e" {}  environment "f" {}
      environment "g" { vnet_integration = false })"));
  ASSERT_EQ(0u, result.sink.error_count());
  Lines subnets;
  for (const model::Subnet& s : result.models.front()->regions[0].subnets) {
    subnets.push_back(s.name + " " + s.address.value.to_string() + " " + s.delegation);
  }
  EXPECT_EQ((Lines{"cae-e 10.2.0.0/23 Microsoft.App/environments",
                   "cae-f 10.2.2.0/23 Microsoft.App/environments"}),
            subnets);
}

// S074

TEST(ContainerAppsImage, ImageFromARegistryTheRegionLacks) {
  EXPECT_EQ(Lines{"S074 4:58 app `a` takes image `api:1.4` from the region's registry, but "
                  "region `r` runs none"},
            diagnostics_of(apps_with(R"(environment "e" { app "a" { image = "api:1.4" } })")));
  EXPECT_EQ(Lines{}, diagnostics_of(apps_with(
                         R"(environment "e" { app "a" { image = "localhost:5000/api:1.4" } })")));
}

TEST(ContainerAppsImage, ImageFromTheRegionsRegistry) {
  EXPECT_EQ(Lines{}, diagnostics_of(apps_in("container_apps",
                                            R"(environment "e" { app "a" { image = "api:1.4" } })",
                                            "  registry \"images\" { home = r }\n")));
}

// S076

TEST(ContainerAppsImage, SystemIdentityCannotPullItsFirstImage) {
  EXPECT_EQ(Lines{"S076 4:80 app `a` of region `r` would pull `api:1.4` from the registry with its "
                  "system-assigned identity, which exists only once the app does and so cannot be "
                  "granted AcrPull before the first pull"},
            diagnostics_of(
                apps_in("container_apps",
                        R"(environment "e" { app "a" { image = "api:1.4"  identity = system } })",
                        "  registry \"images\" { home = r }\n")));
  EXPECT_EQ(
      Lines{},
      diagnostics_of(apps_in(
          "container_apps",
          fmt::format(R"(environment "e" {{ app "a" {{ {}  identity = system }} }})", kPublicImage),
          "  registry \"images\" { home = r }\n")));
}

// Placements: the environment's primary and log sink, the app's processing,
// all in the region's location.

TEST(ContainerAppsResidency, PlacementsStayInTheRegion) {
  auto result = check_text(apps_in("container_apps, monitoring", app("")));
  ASSERT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  Lines placements;
  for (const estate::Resource& r : e.resources) {
    if (r.azurerm_type != "azurerm_container_app_environment" &&
        r.azurerm_type != "azurerm_container_app") {
      continue;
    }
    for (const estate::Placement& p : r.placements) {
      placements.push_back(r.name + " " + std::string(estate::to_string(p.kind)) + " " +
                           p.locations.at(0));
    }
  }
  EXPECT_EQ((Lines{"cae-t-r-e-prod primary westeurope", "cae-t-r-e-prod log sink westeurope",
                   "ca-t-r-a-prod processing westeurope"}),
            placements);
}

TEST(ContainerAppsResidency, RegionOutsideItsBoundaryIsReportedOnce) {
  std::string text = replaced(apps_with(app("")), "locations = [westeurope, northeurope]",
                              "locations = [northeurope]");
  EXPECT_EQ(Lines{"R001 3:27 region `r` is placed in `westeurope` (West Europe), outside its "
                  "boundary `b`; every service of the region would store data there"},
            diagnostics_of(text));
}

// An internal environment's apps resolve through a private DNS zone of its
// default domain: the zone, its wildcard and apex records, and a link to the
// region's VNet and to each VNet peered with it.
TEST(ContainerAppsInternalDns, ZoneRecordsAndALinkPerPeeredVnet) {
  std::string text = replaced(apps_with(R"(environment "e" { internal = true }
      environment "pub" {})"),
                              "  region \"r\"",
                              "  region \"n\" { location = northeurope  services = [keyvault]  "
                              "address = 10.3.0.0/16 }\n  region \"r\"");
  auto result = check_text(text);
  ASSERT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  Lines dns;
  for (const estate::Resource& r : e.resources) {
    if (r.key.find(".internal") == std::string::npos) continue;
    dns.push_back(r.key + " " + r.name);
  }
  EXPECT_EQ((Lines{
                "module.container_apps[\"r\"].azurerm_private_dns_zone.internal[\"e\"] ",
                "module.container_apps[\"r\"].azurerm_private_dns_a_record.internal[\"e/*\"] ",
                "module.container_apps[\"r\"].azurerm_private_dns_a_record.internal[\"e/@\"] ",
                "module.container_apps[\"r\"].azurerm_private_dns_zone_virtual_network_link."
                "internal[\"e/r\"] vnet-t-r-prod",
                "module.container_apps[\"r\"].azurerm_private_dns_zone_virtual_network_link."
                "internal[\"e/n\"] vnet-t-n-prod",
            }),
            dns);
}

TEST(ContainerAppsInternalDns, PublicEnvironmentsHaveNone) {
  auto result = check_text(apps_with(app("")));
  ASSERT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  for (const estate::Resource& r : e.resources) {
    EXPECT_EQ(std::string::npos, r.key.find(".internal")) << r.key;
  }
}

}  // namespace
}  // namespace topoc::testing
