// Availability rules A006-A008 and the defaults chosen from the availability
// catalogue: Azure OpenAI models and deployment types per region, services a
// region does not offer, access-restricted regions.
#include <gtest/gtest.h>

#include "compiler/catalog/availability_catalog.h"
#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

const model::Region& region_named(const driver::CheckResult& result, std::string_view key) {
  static const model::Region kNone;
  if (result.models.empty() || !result.models.front()) return kNone;
  for (const model::Region& r : result.models.front()->regions) {
    if (r.key == key) return r;
  }
  ADD_FAILURE() << "no region " << key;
  return kNone;
}

TEST(AvailabilityCatalog, ListsTheDefaultModelsAsMicrosoftDoes) {
  // Microsoft's per-region tables of 2026-04-30: gpt-4o 2024-11-20 is not
  // offered as Standard in West Europe, only as a data zone or global deployment.
  EXPECT_FALSE(catalog::openai_model_offered("gpt-4o", "2024-11-20", "Standard", "westeurope"));
  EXPECT_TRUE(
      catalog::openai_model_offered("gpt-4o", "2024-11-20", "DataZoneStandard", "westeurope"));
  EXPECT_TRUE(catalog::openai_model_offered("gpt-4o", "2024-11-20", "Standard", "canadaeast"));
  EXPECT_FALSE(
      catalog::openai_model_offered("gpt-4o", "2024-11-20", "GlobalStandard", "canadacentral"));
  EXPECT_FALSE(
      catalog::openai_model_offered("text-embedding-3-large", "1", "Standard", "westeurope"));
  EXPECT_TRUE(catalog::openai_model_known("text-embedding-3-large", "1"));
  EXPECT_FALSE(catalog::openai_model_known("gpt-4o", "2024-05-13"));
  EXPECT_FALSE(catalog::service_offered("openai", "westus2"));
  EXPECT_FALSE(catalog::service_offered("openai", "northeurope"));
  EXPECT_TRUE(catalog::service_offered("ai_search", "westus2"));
  EXPECT_FALSE(catalog::service_offered("ai_search", "austriaeast"));
  EXPECT_TRUE(catalog::service_offered("redis", "austriaeast"));  // not tracked
}

TEST(AvailabilityDefaults, OpenAIStaysRegionalWhereTheModelsAreOffered) {
  auto result = check_text(kTwoBoundaries);
  EXPECT_EQ(Lines{}, diagnostics_of(kTwoBoundaries));
  EXPECT_EQ(model::OpenAIDeployment::kStandard,
            region_named(result, "us").openai->deployment.value);
}

TEST(AvailabilityDefaults, WestEuropeTakesTheEuDataZone) {
  // Neither default model is offered as Standard in westeurope; the EU data
  // zone is inside an EU Data Boundary boundary, so R005 accepts it.
  auto result = check_text(kTwoBoundaries);
  EXPECT_EQ(model::OpenAIDeployment::kDataZone,
            region_named(result, "eu").openai->deployment.value);
}

TEST(AvailabilityDefaults, ARegionWithoutAzureOpenAILeavesItOut) {
  auto result = check_text(R"(topology "t" {
  boundary "us" { geography = united-states }
  region "west" { location = westus2  address = 10.2.0.0/16 }
}
)");
  EXPECT_EQ(0u, result.sink.diagnostics().size());
  const model::Region& west = region_named(result, "west");
  EXPECT_FALSE(west.has(model::Service::kOpenAI));
  EXPECT_FALSE(west.openai.has_value());
  EXPECT_TRUE(west.has(model::Service::kAiSearch));
  EXPECT_TRUE(west.has(model::Service::kAks));
}

TEST(AvailabilityDefaults, ABlockAsksForTheServiceAnyway) {
  // The block keeps openai in the default services; placing the account in
  // westus makes it valid.
  auto result = check_text(R"(topology "t" {
  boundary "us" { geography = united-states }
  region "west" { location = westus2  address = 10.2.0.0/16
    openai { location = westus } }
}
)");
  EXPECT_EQ(0u, result.sink.diagnostics().size());
  const model::Region& west = region_named(result, "west");
  ASSERT_TRUE(west.openai.has_value());
  EXPECT_EQ("westus", west.openai->location.value);
  // westus offers gpt-4o but not text-embedding-3-large as Standard; the US
  // data zone offers both and stays in a united-states boundary.
  EXPECT_EQ(model::OpenAIDeployment::kDataZone, west.openai->deployment.value);
}

TEST(AvailabilityDefaults, OpenAIIsLeftOutWhereNoDeploymentTypeFits) {
  // canadacentral has Azure OpenAI, but neither default model in a type that
  // keeps prompts in Canada; nobody asked for the account, so there is none.
  auto result = check_text(R"(topology "t" {
  boundary "ca" { geography = canada }
  region "primary" { location = canadacentral  address = 10.1.0.0/16 }
}
)");
  EXPECT_EQ(0u, result.sink.diagnostics().size());
  const model::Region& primary = region_named(result, "primary");
  EXPECT_FALSE(primary.has(model::Service::kOpenAI));
  EXPECT_FALSE(primary.openai.has_value());
  EXPECT_TRUE(primary.has(model::Service::kAiSearch));
}

constexpr const char* kCanada = R"(topology "t" {
  boundary "ca" { geography = canada }
  region "primary" { location = canadacentral  address = 10.1.0.0/16  services = [openai]
    openai {
      deployment = standard
      model "gpt-4o" { version = "2024-11-20" }
    }
  }
}
)";

TEST(OpenAIModelAvailable, StandardGpt4oIsNotOfferedInCanadaCentral) {
  auto result = check_text(kCanada);
  EXPECT_EQ(Lines{"A006 6:13 Azure OpenAI does not offer `gpt-4o` 2024-11-20 as `Standard` in "
                  "`canadacentral`, where region `primary` places its account"},
            diagnostics_of(kCanada));
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(Lines{"5:20 deployment type chosen here"}, notes_of(result, d));
  EXPECT_EQ(
      "set `location = canadaeast` in the `openai` block: the nearest location of boundary `ca` "
      "that offers `gpt-4o` 2024-11-20 as `Standard`",
      d.help);
  EXPECT_FALSE(d.fixit.has_value());  // `location` is not written; nothing to replace
}

TEST(OpenAIModelAvailable, AWrittenLocationGetsAFixIt) {
  auto result = check_text(replaced(kCanada, "deployment = standard",
                                    "location = canadacentral  deployment = standard"));
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  ASSERT_TRUE(d.fixit.has_value());
  EXPECT_EQ("canadaeast", d.fixit->replacement);
}

TEST(OpenAIModelAvailable, SuggestsTheDeploymentTypeOfferedInTheSameLocation) {
  std::string text = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  address = 10.1.0.0/16  services = [openai]
    openai { deployment = standard }
  }
}
)";
  auto result = check_text(text);
  EXPECT_EQ((Lines{"A006 4:5 Azure OpenAI does not offer `gpt-4o` 2024-11-20 as `Standard` in "
                   "`westeurope`, where region `weu` places its account",
                   "A006 4:5 Azure OpenAI does not offer `text-embedding-3-large` 1 as `Standard` "
                   "in `westeurope`, where region `weu` places its account"}),
            diagnostics_of(text));
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(
      "use `deployment = data-zone`: `westeurope` offers `gpt-4o` 2024-11-20 as "
      "`DataZoneStandard`, which keeps prompts in boundary `eu`",
      d.help);
  ASSERT_TRUE(d.fixit.has_value());
  EXPECT_EQ("data-zone", d.fixit->replacement);
}

TEST(OpenAIModelAvailable, ANarrowBoundaryWithNoOfferLeavesTheDefaultRegional) {
  // westeurope offers the default models only as data zone or global
  // deployments, which process prompts beyond [westeurope, northeurope], and
  // northeurope has no Azure OpenAI: nothing fits, the default stays
  // `standard` and A006 says so.
  std::string text = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary  locations = [westeurope, northeurope] }
  region "weu" { location = westeurope  address = 10.1.0.0/16  services = [openai]
    openai { model "gpt-4o" { version = "2024-11-20" } }
  }
}
)";
  auto result = check_text(text);
  EXPECT_EQ(Lines{"A006 4:20 Azure OpenAI does not offer `gpt-4o` 2024-11-20 as `Standard` in "
                  "`westeurope`, where region `weu` places its account"},
            diagnostics_of(text));
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(Lines{"4:5 no deployment type offers every model here with prompts kept in the "
                  "boundary, so `deployment` stays `standard`"},
            notes_of(result, d));
  EXPECT_EQ(
      "no location of boundary `eu` offers `gpt-4o` 2024-11-20 with prompts kept inside it; "
      "deploy another model, or remove `openai` from the region's `services`",
      d.help);
}

TEST(OpenAIModelAvailable, ItalyNorthHasNoStandardDeployments) {
  // italynorth is in no Standard table; its data zone processes prompts in
  // other EU member states, outside a boundary of Italy alone.
  std::string text = R"(topology "t" {
  boundary "it" { geography = italy }
  region "mil" { location = italynorth  address = 10.1.0.0/16  services = [openai]
    openai { deployment = standard  model "text-embedding-3-large" { version = "1" } }
  }
}
)";
  EXPECT_EQ(Lines{"A006 4:43 Azure OpenAI does not offer `text-embedding-3-large` 1 as `Standard` "
                  "in `italynorth`, where region `mil` places its account"},
            diagnostics_of(text));
}

TEST(OpenAIModelAvailable, ModelsTheCatalogueDoesNotListAreNotJudged) {
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(kCanada, "version = \"2024-11-20\"",
                                             "version = \"2024-05-13\"")));
}

TEST(OpenAIModelAvailable, DataZoneOutsideTheUsAndEuIsLeftToR005) {
  EXPECT_EQ(Lines{"R005"}, codes_of(replaced(kCanada, "deployment = standard",
                                             "location = canadaeast  deployment = data-zone")));
}

TEST(OpenAIModelAvailable, AnAccountOutsideTheBoundaryIsLeftToR005) {
  // westus, outside the boundary (R005), offers text-embedding-3-large only
  // as a data zone or global deployment; A006 does not pile on.
  std::string text =
      replaced(kCanada, "deployment = standard", "location = westus  deployment = standard");
  text = replaced(text, "model \"gpt-4o\" { version = \"2024-11-20\" }",
                  "model \"text-embedding-3-large\" { version = \"1\" }");
  EXPECT_EQ(Lines{"R005"}, codes_of(text));
}

TEST(ServicesOffered, AzureOpenAIIsNotOfferedInWestUs2) {
  std::string text = R"(topology "t" {
  boundary "us" { geography = united-states }
  region "west" { location = westus2  address = 10.2.0.0/16  services = [aks, openai] }
}
)";
  auto result = check_text(text);
  EXPECT_EQ(Lines{"A007 3:79 Azure OpenAI is not offered in `westus2` (West US 2), where region "
                  "`west` places its account"},
            diagnostics_of(text));
  EXPECT_EQ(
      "set `location = westus` in the `openai` block, the nearest location of boundary `us` that "
      "offers it; or remove `openai` from `services`",
      result.sink.diagnostics()[0].help);
}

TEST(ServicesOffered, AWrittenAccountLocationIsReplaced) {
  std::string text = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  address = 10.2.0.0/16  services = [openai]
    openai { location = northeurope } }
}
)";
  auto result = check_text(text);
  EXPECT_EQ(Lines{"A007 4:25 Azure OpenAI is not offered in `northeurope` (North Europe), where "
                  "region `weu` places its account"},
            diagnostics_of(text));
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  ASSERT_TRUE(d.fixit.has_value());
  // Same country first (none in Ireland), then the closest name.
  EXPECT_EQ("westeurope", d.fixit->replacement);
}

TEST(ServicesOffered, AzureAISearchIsNotOfferedInAustriaEast) {
  std::string text = R"(topology "t" {
  boundary "at" { geography = austria }
  region "vie" { location = austriaeast  address = 10.2.0.0/16  services = [aks, ai_search] }
}
)";
  auto result = check_text(text);
  EXPECT_EQ(Lines{"A007 3:82 Azure AI Search is not offered in `austriaeast` (Austria East), the "
                  "location of region `vie`"},
            diagnostics_of(text));
  EXPECT_EQ("remove `ai_search` from `services`: no location of the region's boundary offers it",
            result.sink.diagnostics()[0].help);
}

TEST(ServicesOffered, WithoutAListAustriaEastRunsNoSearch) {
  auto result = check_text(R"(topology "t" {
  boundary "at" { geography = austria }
  region "vie" { location = austriaeast  address = 10.2.0.0/16 }
}
)");
  EXPECT_EQ(0u, result.sink.diagnostics().size());
  EXPECT_FALSE(region_named(result, "vie").has(model::Service::kAiSearch));
  EXPECT_FALSE(region_named(result, "vie").has(model::Service::kOpenAI));
}

TEST(RestrictedRegions, GermanyNorthNeedsASupportRequest) {
  std::string text = R"(topology "t" {
  boundary "de" { geography = germany }
  region "fra" { location = germanywestcentral  failover = germanynorth  address = 10.1.0.0/16
    services = [aks] }
  region "ber" { location = germanynorth  address = 10.2.0.0/16  services = [aks] }
}
)";
  auto result = check_text(text);
  EXPECT_EQ(Lines{"A008 3:60 `germanynorth` (Germany North) is an access-restricted Azure region: "
                  "deployments there fail until Microsoft enables it for the subscription"},
            diagnostics_of(text));
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(diag::Severity::kWarning, d.severity);
  EXPECT_EQ(Lines{"5:29 `germanynorth` used here too"}, notes_of(result, d));
  EXPECT_EQ(
      "before deploying, open a support request in the Azure portal (Help + support, New support "
      "request; issue type `Service and subscription limits (quotas)`, quota type `Other "
      "Request`) asking for access to Germany North for each subscription that deploys there",
      d.help);
}

}  // namespace
}  // namespace topoc::testing
