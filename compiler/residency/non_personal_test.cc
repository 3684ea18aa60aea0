// Data classes: a container declared `data = non-personal` goes to the
// global Cosmos DB account, whose placements leave every boundary but are
// recorded as exemptions (R015, a note), never as breaches.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "compiler/estate/estate.h"
#include "compiler/report/residency_render.h"
#include "compiler/report/residency_report.h"
#include "compiler/residency/engine.h"
#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// Two boundaries; the personal container on line 9, the non-personal one on
// line 10 (its `data` value at column 67).
constexpr const char* kTopology = R"(topology "t" {
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "use" { location = eastus      boundary = us  address = 10.1.0.0/16 }
  region "weu" { location = westeurope  boundary = eu  failover = northeurope  address = 10.2.0.0/16 }
  tenant "acme" { residency = us }
  tenant "eureka" { residency = eu }
  cosmos {
    container "orders" { partition = "/tenantId" }
    container "global-config" { partition = "/configType"  data = non-personal }
  }
}
)";

struct Checked {
  driver::CheckResult result;
  std::optional<estate::Estate> estate;
};

std::unique_ptr<Checked> check(const std::string& text) {
  auto c = std::make_unique<Checked>();
  driver::check_source(c->result, "test.topo", text);
  c->result.sink.sort();
  EXPECT_EQ(0u, c->result.sink.error_count());
  c->estate.emplace(estate::build_estate(*c->result.models.front(), {}));
  return c;
}

const estate::CosmosAccount* account(const estate::Estate& e, std::string_view key) {
  for (const estate::CosmosAccount& a : e.cosmos) {
    if (a.key == key) return &a;
  }
  return nullptr;
}

std::vector<std::string> container_names(const estate::CosmosAccount& a) {
  std::vector<std::string> out;
  for (const model::Container* c : a.containers) out.push_back(c->name);
  return out;
}

TEST(DataClass, ContainersArePersonalUnlessDeclared) {
  auto c = check(kTopology);
  const model::Cosmos& cosmos = *c->result.models.front()->cosmos;
  EXPECT_EQ(model::DataClass::kPersonal, cosmos.containers[0].data.value);
  EXPECT_FALSE(cosmos.containers[0].data.explicit_);
  EXPECT_EQ(model::DataClass::kNonPersonal, cosmos.containers[1].data.value);
}

TEST(DataClass, NonPersonalContainersGoToOneGlobalAccountOverEveryRegion) {
  auto c = check(kTopology);
  const estate::Estate& e = *c->estate;
  ASSERT_EQ(3u, e.cosmos.size());
  EXPECT_EQ(Lines{"orders"}, container_names(*account(e, "us")));
  EXPECT_EQ(Lines{"orders"}, container_names(*account(e, "eu")));
  const estate::CosmosAccount* global = account(e, "global");
  ASSERT_NE(nullptr, global);
  EXPECT_TRUE(global->non_personal);
  EXPECT_EQ(Lines{"global-config"}, container_names(*global));
  EXPECT_EQ("eastus", global->location);
  ASSERT_EQ(2u, global->geo_locations.size());  // region locations only, no failover
  EXPECT_EQ("westeurope", global->geo_locations[1].location);
  EXPECT_EQ(2u, global->endpoint_regions.size());
}

TEST(DataClass, ExistingAddressesDoNotMove) {
  auto c = check(kTopology);
  std::vector<std::string> keys;
  for (const estate::Resource& r : c->estate->resources) keys.push_back(r.key);
  auto has = [&](const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  };
  EXPECT_TRUE(has("module.cosmos[\"eu\"].azurerm_cosmosdb_sql_container.this[\"orders\"]"));
  EXPECT_TRUE(has("module.cosmos[\"global\"].azurerm_cosmosdb_account.this"));
  EXPECT_TRUE(
      has("module.cosmos[\"global\"].azurerm_cosmosdb_sql_container.this[\"global-config\"]"));
  EXPECT_TRUE(has("module.cosmos[\"global\"].azurerm_private_endpoint.this[\"weu\"]"));
  EXPECT_FALSE(has("module.cosmos[\"eu\"].azurerm_cosmosdb_sql_container.this[\"global-config\"]"));
  EXPECT_EQ("cosno-t-global-prod", c->estate->names.get("global.data.cosmos"));
}

TEST(DataClass, CheckNotesTheExemptionInsteadOfABreach) {
  auto result = check_text(kTopology);
  EXPECT_EQ(
      Lines{"R015 10:67 non-personal data of `cosno-t-global-prod` is kept in `eastus` and "
            "`westeurope`, outside boundaries `us` and `eu`: exempt from residency, as declared "
            "here"},
      diagnostics_of(kTopology));
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(diag::Severity::kNote, d.severity);
  EXPECT_EQ(0u, result.sink.error_count());
  EXPECT_EQ(Lines({"10:67 non-personal containers go to the global account `cosno-t-global-prod`, "
                   "written in `eastus`, the first region's location",
                   "2:12 boundary `us` declared here", "3:12 boundary `eu` declared here"}),
            notes_of(result, d));
}

TEST(DataClass, NoExemptionInsideOneBoundary) {
  std::string one = replaced(kTopology, "boundary = us", "boundary = eu");
  one = replaced(one, "location = eastus", "location = northeurope");
  one = replaced(one, "residency = us", "residency = eu");
  EXPECT_EQ(Lines{}, diagnostics_of(one));
}

TEST(DataClass, PersonalDataStillBreaches) {
  // The same container without the declaration is a personal one: it
  // stays per boundary and no account spans boundaries.
  std::string personal = replaced(kTopology, "  data = non-personal", "");
  EXPECT_EQ(Lines{}, diagnostics_of(personal));
  auto c = check(personal);
  EXPECT_EQ(2u, c->estate->cosmos.size());
}

TEST(DataClass, ExemptionsAreFoundByTheEngine) {
  auto c = check(kTopology);
  std::vector<residency::Exemption> found = residency::find_exemptions(*c->estate);
  ASSERT_EQ(1u, found.size());
  EXPECT_EQ("cosno-t-global-prod", found[0].resource->name);
  EXPECT_EQ(Lines({"eastus", "westeurope"}), found[0].outside);
  ASSERT_EQ(2u, found[0].boundaries.size());
  EXPECT_EQ("us", found[0].boundaries[0]->name);
}

TEST(DataClass, ReportListsExemptionsApartFromTheBoundaries) {
  auto c = check(kTopology);
  report::ResidencyReport r =
      report::build_residency_report(*c->estate, c->result.files, "test.topo", {});
  ASSERT_EQ(1u, r.exemptions.size());
  const report::Exemption& x = r.exemptions[0];
  EXPECT_EQ("cosno-t-global-prod", x.name);
  EXPECT_EQ("module.cosmos[\"global\"].azurerm_cosmosdb_account.this", x.key);
  EXPECT_EQ("non-personal", x.data_class);
  EXPECT_EQ(Lines({"eastus", "westeurope"}), x.locations);
  EXPECT_EQ(Lines({"us", "eu"}), x.left_boundaries);
  ASSERT_FALSE(x.reasons.empty());
  EXPECT_EQ(10u, x.reasons[0].at.line);
  for (const report::BoundaryResidency& b : r.boundaries) {
    EXPECT_EQ(Lines{}, b.outside) << b.name;  // the global account is not counted there
  }
  std::string md = report::render_residency_markdown(r);
  EXPECT_NE(std::string::npos, md.find("exempt from boundaries `us`, `eu`")) << md;
  EXPECT_EQ(std::string::npos, md.find("No exemption is declared"));
  std::string json = report::render_residency_json(r);
  EXPECT_NE(std::string::npos, json.find("\"exempt_from\"")) << json;
}

// C007

TEST(NonPersonalLooksPersonal, WarnsOnATenantPartitionKey) {
  std::string tenant = replaced(kTopology, "\"/configType\"", "\"/tenantId\"");
  auto result = check_text(tenant);
  Lines codes;
  for (const diag::Diagnostic& d : result.sink.diagnostics()) {
    codes.emplace_back(diag::info(d.kind).code);
  }
  EXPECT_EQ(Lines({"C007", "R015"}), codes);
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(diag::Severity::kWarning, d.severity);
  EXPECT_EQ(
      "container `global-config` is declared `data = non-personal`, but its partition key "
      "`/tenantId` suggests tenant data; non-personal containers are replicated to every region, "
      "across boundaries",
      d.message);
  EXPECT_EQ(Lines{"10:45 partitioned here"}, notes_of(result, d));
}

TEST(NonPersonalLooksPersonal, WarnsOnAName) {
  std::string named = replaced(kTopology, "\"global-config\"", "\"user-flags\"");
  EXPECT_EQ("C007", diag::info(check_text(named).sink.diagnostics()[0].kind).code);
}

TEST(NonPersonalLooksPersonal, PersonalContainersAreNotWarned) {
  EXPECT_EQ(Lines{}, codes_of(replaced(kTopology, "  data = non-personal", "  data = personal")));
}

}  // namespace
}  // namespace topoc::testing
