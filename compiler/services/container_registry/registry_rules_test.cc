// Container registry rules S030-S032, the registry's name (X001) and the
// residency of its geo-replicas (R010).
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// A one-region topology in West Europe running AKS, with a registry
// configured by `registry` on line 4; the boundary allows `allowed`.
std::string registry_in(std::string_view allowed, std::string_view registry) {
  return fmt::format(R"(topology "t" {{
  boundary "b" {{ geography = eu-data-boundary  locations = [{}] }}
  region "r" {{ location = westeurope  services = [aks]  address = 10.2.0.0/16 }}
  registry "apps" {{ {} }}
}}
)",
                     allowed, registry);
}

std::string registry_with(std::string_view registry) {
  return registry_in("westeurope, northeurope", registry);
}

TEST(RegistryRules, DefaultsPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(registry_with("")));
}

TEST(RegistryRules, PremiumWithReplicasAndZonesPasses) {
  EXPECT_EQ(Lines{},
            diagnostics_of(registry_with(
                "home = r  sku = premium  replicas = [northeurope]  zone_redundant = true")));
}

TEST(RegistryRules, HomeIsRequiredWithSeveralRegions) {
  std::string text = registry_with("");
  text.insert(
      text.find("  registry"),
      "  region \"s\" { location = northeurope  services = [aks]  address = 10.3.0.0/16 }\n");
  EXPECT_EQ(Lines{"M005 5:12 registry `apps` needs `home`, the key of the region whose location "
                  "holds it: `home = r`"},
            diagnostics_of(text));
}

TEST(RegistryRules, HomeMustBeADeclaredRegion) {
  EXPECT_EQ(Lines{"M004 4:28 registry `apps` has home region `westeurope`, which is not declared"},
            diagnostics_of(registry_with("home = westeurope")));
}

// S030

TEST(RegistryPremium, StandardCannotBePrivate) {
  std::string text = registry_with("sku = standard");
  EXPECT_EQ(Lines{"S030 4:27 registry `apps` is Standard, which cannot turn public network access "
                  "off or take a private endpoint; topoc reaches registries only privately"},
            diagnostics_of(text));
}

TEST(RegistryPremium, ReplicasAndZonesOnBasic) {
  Lines expected{
      "S030 4:27 registry `apps` is Basic, which cannot turn public network access off or "
      "take a private endpoint; topoc reaches registries only privately",
      "S030 4:46 registry `apps` is Basic, which has no geo-replication; replicas need "
      "`sku = premium`",
      "S030 4:77 registry `apps` is Basic, which cannot be made zone-redundant; zone "
      "redundancy needs `sku = premium`"};
  EXPECT_EQ(expected, diagnostics_of(registry_with(
                          "sku = basic  replicas = [northeurope]  zone_redundant = true")));
}

TEST(RegistryPremium, ZoneRedundancyIsNotAssumedOffPremium) {
  // The default follows the tier: a Standard registry is not made
  // zone-redundant behind the author's back, so only the tier is reported.
  EXPECT_EQ(1u, diagnostics_of(registry_with("sku = standard")).size());
}

// A003

TEST(RegistryZones, ZoneRedundancyWhereTheHomeHasNoZones) {
  EXPECT_EQ(Lines{"A003 4:38 registry `apps` asks for zone redundancy, but `westus` (its home "
                  "region `r`) has no availability zones"},
            diagnostics_of(R"(topology "t" {
  boundary "b" { geography = united-states }
  region "r" { location = westus  services = [aks]  address = 10.2.0.0/16 }
  registry "apps" { zone_redundant = true }
}
)"));
}

TEST(RegistryZones, DefaultFollowsTheHomeLocation) {
  EXPECT_EQ(Lines{}, diagnostics_of(R"(topology "t" {
  boundary "b" { geography = united-states }
  region "r" { location = westus  services = [aks]  address = 10.2.0.0/16 }
  registry "apps" { replicas = [eastus] }
}
)"));
}

// S031, S032

TEST(RegistryReplicas, ReplicaInTheHomeLocation) {
  std::string text = registry_with("home = r  replicas = [westeurope, northeurope]");
  EXPECT_EQ(Lines{"S031 4:43 registry `apps` is in `westeurope`, the location of its home region "
                  "`r`; a replica there adds nothing"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"4:28 home region chosen here"},
            notes_of(result, result.sink.diagnostics().at(0)));
}

TEST(RegistryReplicas, LocationListedTwice) {
  std::string text = registry_with("replicas = [northeurope, northeurope]");
  EXPECT_EQ(Lines{"S032 4:46 registry `apps` lists `northeurope` twice in `replicas`"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"4:33 first listed here"}, notes_of(result, result.sink.diagnostics().at(0)));
}

// X001: the name is the login server, letters and digits only.

TEST(RegistryNaming, SeparatorsOfTheLabelAreDropped) {
  std::string text = registry_with("");
  text.replace(text.find("\"apps\""), 6, "\"app-images_2\"");
  EXPECT_EQ(Lines{}, diagnostics_of(text));
}

TEST(RegistryNaming, ALabelWithOtherCharactersBreaksTheName) {
  std::string text = registry_with("");
  text.replace(text.find("\"apps\""), 6, "\"app.images\"");
  Lines d = diagnostics_of(text);
  ASSERT_EQ(1u, d.size());
  EXPECT_TRUE(d[0].starts_with("X001 4:12 ")) << d[0];
}

// Placements: the registry in its home region, each replica (R010).

TEST(RegistryResidency, ReplicasInsideTheBoundaryPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(registry_with("replicas = [northeurope]")));
}

TEST(RegistryResidency, ReplicaOutsideTheBoundary) {
  std::string text = registry_in("westeurope, northeurope", "replicas = [northeurope, eastus]");
  EXPECT_EQ(Lines{"R010 4:46 the replica of azurerm_container_registry `crtappsprod` is in "
                  "`eastus`, outside boundary `b`"},
            diagnostics_of(text));
}

}  // namespace
}  // namespace topoc::testing
