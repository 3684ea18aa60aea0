// App Service rules S080-S086 and A003.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "compiler/services/app_service/runtimes.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// A one-region topology in `location` running `services`, its App Service
// configured by `app_service` on line 4.
std::string app_service_in(std::string_view location, std::string_view services,
                           std::string_view app_service) {
  return fmt::format(R"(topology "t" {{
  boundary "b" {{ geography = eu-data-boundary }}
  region "r" {{ location = {}  services = [{}]  address = 10.2.0.0/16
    app_service {{ {} }}
  }}
}}
)",
                     location, services, app_service);
}

std::string app_service_with(std::string_view app_service) {
  return app_service_in("westeurope", "storage, keyvault, app_service", app_service);
}

TEST(AppServiceRules, DefaultsPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(app_service_with("")));
  EXPECT_EQ(Lines{}, diagnostics_of(app_service_with(R"(plan "p" { web "w" { } })")));
}

TEST(AppServiceRules, EverySettingAzureAcceptsPasses) {
  EXPECT_EQ(
      Lines{},
      diagnostics_of(app_service_with(
          R"(plan "p" { sku = P1v3  workers = 3  zone_redundant = true  web "w" { runtime = "python 3.11"  always_on = true  http2 = true  min_tls = "1.3"  health_check = "/health"  eviction = 5m  cors = ["https://example.com"]  settings { REGION = "eu" }  secrets { DB = "db-connection" } } }  plan "f" { sku = EP1  workers = 2  zone_redundant = true  function "j" { runtime = "node 20" } })")));
}

// S080, A003

TEST(AppServicePlans, ZoneRedundancyWithOneWorker) {
  std::string text = app_service_with(R"(plan "p" { workers = 1  zone_redundant = true })");
  EXPECT_EQ(Lines{"S080 4:40 zone-redundant App Service plan `p` (region `r`) runs 1 worker; zone "
                  "redundancy takes at least 2"},
            diagnostics_of(text));
}

TEST(AppServicePlans, ZoneRedundancyWithTheDefaultWorkerCount) {
  EXPECT_EQ(Lines{"S080 4:59 zone-redundant App Service plan `p` (region `r`) runs 1 worker; zone "
                  "redundancy takes at least 2"},
            diagnostics_of(app_service_with(R"(plan "p" { sku = P1v3  zone_redundant = true })")));
}

TEST(AppServicePlans, TwoWorkersAreEnough) {
  EXPECT_EQ(Lines{},
            codes_of(app_service_with(R"(plan "p" { workers = 2  zone_redundant = true })")));
}

TEST(AppServicePlans, ZoneRedundancyWithoutZones) {
  EXPECT_EQ(Lines{"A003 4:60 App Service plan `p` is zone-redundant, but `westus` (region `r`) has "
                  "no availability zones"},
            diagnostics_of(R"(topology "t" {
  boundary "us" { geography = united-states }
  region "r" { location = westus  services = [app_service]  address = 10.2.0.0/16
    app_service { plan "p" { workers = 3  zone_redundant = true } }
  }
}
)"));
}

// S081, S084

TEST(AppServicePlans, WebAppOnElasticPremium) {
  std::string text = app_service_with(R"(plan "p" { sku = EP1  web "w" { } })");
  EXPECT_EQ(Lines{"S081 4:45 web app `w` is on Elastic Premium plan `p` (EP1), which runs function "
                  "apps only"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"4:36 Elastic Premium chosen here"},
            notes_of(result, result.sink.diagnostics().at(0)));
}

TEST(AppServiceSites, FunctionAppOnPremiumV3Passes) {
  EXPECT_EQ(
      Lines{},
      codes_of(app_service_with(R"(plan "p" { sku = P1v3  function "f" { always_on = true } })")));
}

TEST(AppServiceSites, AlwaysOnOnElasticPremium) {
  EXPECT_EQ(Lines{"S084 4:68 site `f` turns always-on on, but plan `p` is Elastic Premium (EP2), "
                  "which keeps instances warm itself"},
            diagnostics_of(
                app_service_with(R"(plan "p" { sku = EP2  function "f" { always_on = true } })")));
  EXPECT_EQ(
      Lines{},
      codes_of(app_service_with(R"(plan "p" { sku = EP2  function "f" { always_on = false } })")));
}

// S082

TEST(AppServiceSites, NodeVersionAWebAppLacks) {
  std::string text = app_service_with(R"(plan "p" { web "w" { runtime = "node 21" } })");
  EXPECT_EQ(Lines{"S082 4:50 a Linux web app does not run node 21 (site `w`, region `r`)"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ("node versions are 12, 14, 16, 18, 20, 22", result.sink.diagnostics().at(0).help);
}

TEST(AppServiceSites, PowerShellOnlyForFunctionApps) {
  EXPECT_EQ(
      Lines{"S082 4:50 a Linux web app does not run `powershell` (site `w`, region `r`)"},
      diagnostics_of(app_service_with(R"(plan "p" { web "w" { runtime = "powershell 7.4" } })")));
  EXPECT_EQ(
      Lines{},
      codes_of(app_service_with(R"(plan "p" { function "f" { runtime = "powershell 7.4" } })")));
}

TEST(AppServiceSites, DotnetFiveOnlyForWebApps) {
  EXPECT_EQ(Lines{},
            codes_of(app_service_with(R"(plan "p" { web "w" { runtime = "dotnet 5.0" } })")));
  EXPECT_EQ(Lines{"S082"},
            codes_of(app_service_with(R"(plan "p" { function "f" { runtime = "dotnet 5.0" } })")));
}

// S083

TEST(AppServiceSites, HealthCheckWithoutSlash) {
  std::string text = app_service_with(R"(plan "p" { web "w" { health_check = "health" } })");
  EXPECT_EQ(Lines{"S083 4:55 the health check of site `w` (region `r`) is not a path: it must "
                  "start with `/`"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ("write `health_check = \"/health\"`", result.sink.diagnostics().at(0).help);
}

TEST(AppServiceSites, EvictionWithoutHealthCheck) {
  EXPECT_EQ(Lines{"S083 4:51 site `w` (region `r`) sets `eviction` without a health check to "
                  "evict on"},
            diagnostics_of(app_service_with(R"(plan "p" { web "w" { eviction = 5m } })")));
}

// S085, S086

TEST(AppServiceSites, FunctionAppWithoutStorage) {
  EXPECT_EQ(Lines{"S085 4:39 function app `f` needs a storage account for its host, but region "
                  "`r` runs none"},
            diagnostics_of(
                app_service_in("westeurope", "app_service", R"(plan "p" { function "f" { } })")));
  EXPECT_EQ(Lines{},
            codes_of(app_service_in("westeurope", "app_service", R"(plan "p" { web "w" { } })")));
}

TEST(AppServiceSites, SecretWithoutKeyVault) {
  EXPECT_EQ(Lines{"S086 4:50 site `w` refers to Key Vault secrets, but region `r` runs no Key "
                  "Vault"},
            diagnostics_of(app_service_in("westeurope", "storage, app_service",
                                          R"(plan "p" { web "w" { secrets { DB = "db" } } })")));
}

// azurerm spells a web app's Node.js version `20-lts`, a function app's `20`.
TEST(AppServiceRuntimes, NodeVersionsAsAzurermSpellsThem) {
  namespace as = services::app_service;
  auto web = as::application_stack(model::SiteKind::kWeb, "node", "20");
  auto function = as::application_stack(model::SiteKind::kFunction, "node", "20");
  EXPECT_EQ("node_version", web.argument);
  EXPECT_EQ("20-lts", web.value);
  EXPECT_EQ("20", function.value);
  EXPECT_EQ("NODE|20-lts", as::linux_fx_version(model::SiteKind::kWeb, "node", "20"));
  EXPECT_EQ("DOTNET-ISOLATED|8.0",
            as::linux_fx_version(model::SiteKind::kFunction, "dotnet", "8.0"));
  EXPECT_EQ("", as::application_stack(model::SiteKind::kWeb, "java", "17").argument);
}

// Values checked on their own.

TEST(AppServiceValues, SecretNameAndTlsVersion) {
  EXPECT_EQ((Lines{"M007", "M007"}),
            codes_of(app_service_with(
                R"(plan "p" { web "w" { min_tls = "1.1"  secrets { DB = "db/connection" } } })")));
}

// Site names are host names under azurewebsites.net: global, at most 60
// characters with the naming suffix.

TEST(AppServiceNames, SuffixedSiteNameOverSixtyCharacters) {
  std::string text = R"(topology "oversight" {
  naming { suffix = auto }
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  services = [storage, app_service]  address = 10.2.0.0/16
    app_service { plan "web" { web "customer-self-service-portal-frontend" { } } }
  }
}
)";
  auto result = check_text(text);
  ASSERT_EQ(Lines{"X001"}, codes_of(text));
  EXPECT_NE(std::string::npos, result.sink.diagnostics().at(0).message.find(
                                   "web app names are 2-60 letters, digits and `-`"));
  EXPECT_EQ(Lines{}, codes_of(replaced(text, "customer-self-service-portal-frontend", "portal")));
}

// Placements: the plan processes in the region; nothing leaves it.

TEST(AppServiceResidency, EverythingStaysInTheRegion) {
  EXPECT_EQ(Lines{}, diagnostics_of(app_service_with(
                         R"(plan "p" { sku = EP1  function "f" { runtime = "python 3.11" } })")));
}

}  // namespace
}  // namespace topoc::testing
