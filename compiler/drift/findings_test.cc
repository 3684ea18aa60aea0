// The comparison on small hand-written estates: one behaviour per test.
#include "compiler/drift/findings.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "compiler/drift/attributes.h"
#include "compiler/drift/render.h"
#include "compiler/drift/residency.h"
#include "compiler/drift/drift_test_support.h"

namespace topoc::drift {
namespace {

// Boundary `eu` allows westeurope and northeurope; its region group is
// rg-eu, and the topology tags everything topology=shop, environment=prod.
constexpr std::string_view kManifest = R"({
  "manifest_version": 1, "generator": "topoc", "topology": "shop", "environment": "prod",
  "boundaries": {"eu": {"allowed_locations": ["westeurope", "North Europe"]}},
  "resources": [
    {"address": "azurerm_resource_group.region[\"weu\"]", "type": "azurerm_resource_group",
     "name": "rg-eu", "location": "westeurope", "boundary": "eu", "resource_group": null,
     "attributes": {}, "tags": {"topology": "shop", "environment": "prod"}},
    {"address": "module.storage[\"weu\"].azurerm_storage_account.this",
     "type": "azurerm_storage_account", "name": "stshop", "location": "westeurope",
     "boundary": "eu", "resource_group": "rg-eu",
     "attributes": {"account_tier": "Standard", "account_replication_type": "GRS"},
     "tags": {"topology": "shop", "environment": "prod", "owner": "data"}},
    {"address": "module.network[\"weu\"].azurerm_subnet.this[\"aks\"]", "type": "azurerm_subnet",
     "name": "snet-aks", "location": "westeurope", "boundary": "eu", "resource_group": "rg-eu",
     "attributes": {"address_prefixes": ["10.1.0.0/22"]}},
    {"address": "module.cosmos[\"eu\"].azurerm_cosmosdb_account.this",
     "type": "azurerm_cosmosdb_account", "name": "cosno-shop", "location": "westeurope",
     "boundary": "eu", "resource_group": "rg-eu",
     "attributes": {"consistency_policy": {"consistency_level": "Session"},
                    "geo_location": [{"location": "westeurope", "failover_priority": 0},
                                     {"location": "northeurope", "failover_priority": 1}]}}
  ]})";

constexpr std::string_view kId = "/subscriptions/s/resourceGroups/rg-eu/providers/";

DesiredState desired() {
  auto parsed = parse_desired_state("shop.manifest.json", kManifest);
  if (auto* e = std::get_if<ReadError>(&parsed)) ADD_FAILURE() << to_string(*e);
  return std::get<DesiredState>(std::move(parsed));
}

// A `terraform show -json` state of the given root-module resources.
std::string show(std::string_view resources) {
  return fmt::format(
      R"({{"format_version": "1.0", "values": {{"root_module": {{"resources": [{}]}}}}}})",
      resources);
}

std::string resource(std::string_view address, std::string_view type, std::string_view values) {
  return fmt::format(R"({{"address": "{}", "mode": "managed", "type": "{}",
    "provider_name": "registry.terraform.io/hashicorp/azurerm", "values": {}}})",
                     address, type, values);
}

const std::string kGroup =
    resource(R"(azurerm_resource_group.region[\"weu\"])", "azurerm_resource_group",
             R"({"name": "rg-eu", "location": "westeurope",
                                        "tags": {"topology": "shop", "environment": "prod"}})");
const std::string kSubnet =
    resource(R"(module.network[\"weu\"].azurerm_subnet.this[\"aks\"])", "azurerm_subnet",
             R"({"name": "snet-aks", "resource_group_name": "rg-eu",
                                         "address_prefixes": ["10.1.0.0/22"]})");

std::string storage(std::string_view location = "westeurope", std::string_view replication = "GRS",
                    std::string_view owner = "data") {
  return resource(
      R"(module.storage[\"weu\"].azurerm_storage_account.this)", "azurerm_storage_account",
      fmt::format(R"({{"name": "stshop", "resource_group_name": "rg-eu", "location": "{}",
                      "account_tier": "Standard", "account_replication_type": "{}",
                      "tags": {{"topology": "shop", "environment": "prod", "owner": "{}"}}}})",
                  location, replication, owner));
}

std::string cosmos(std::string_view level = "Session", std::string_view second = "northeurope") {
  return resource(R"(module.cosmos[\"eu\"].azurerm_cosmosdb_account.this)",
                  "azurerm_cosmosdb_account",
                  fmt::format(R"({{"name": "cosno-shop", "resource_group_name": "rg-eu",
                      "location": "westeurope",
                      "consistency_policy": [{{"consistency_level": "{}", "max_interval_in_seconds": 5}}],
                      "geo_location": [{{"location": "westeurope", "failover_priority": 0}},
                                       {{"location": "{}", "failover_priority": 1}}]}})",
                              level, second));
}

struct Inputs {
  std::vector<std::pair<std::string, std::string>> files;  // name, text
};

DriftReport run(const Inputs& inputs, DriftOptions options = {}) {
  DeployedState state;
  for (const auto& [name, text] : inputs.files) {
    if (auto e = read_state_text(name, text, StateFormat::kAuto, state))
      ADD_FAILURE() << to_string(*e);
  }
  return compare(desired(), state, options);
}

std::vector<std::string> messages(const DriftReport& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings)
    out.push_back(fmt::format("{} {}", info(f.kind).code, f.message));
  return out;
}

std::string all_of(const std::string& extra = "") {
  std::string parts = kGroup + "," + kSubnet + "," + storage() + "," + cosmos();
  return show(extra.empty() ? parts : parts + "," + extra);
}

TEST(DriftCompare, InSyncWhenEverythingMatches) {
  DriftReport r = run({{{"state.json", all_of()}}});
  EXPECT_TRUE(r.in_sync()) << ::testing::PrintToString(messages(r));
  EXPECT_EQ(4u, r.desired_resources);
  EXPECT_EQ(4u, r.deployed_resources);
}

TEST(DriftCompare, EnumValuesCompareWithoutCase) {
  std::string text =
      show(kGroup + "," + kSubnet + "," + storage("westeurope", "grs") + "," + cosmos("session"));
  EXPECT_TRUE(run({{{"state.json", text}}}).in_sync());
}

TEST(DriftCompare, ChangedAttributeNamesBothValues) {
  DriftReport r = run({{{"state.json", show(kGroup + "," + kSubnet + "," + storage() + "," +
                                            cosmos("Eventual"))}}});
  ASSERT_EQ(1u, r.findings.size());
  const Finding& f = r.findings[0];
  EXPECT_EQ(FindingKind::kChanged, f.kind);
  EXPECT_EQ(
      "Cosmos DB account `cosno-shop` differs from the topology in "
      "`consistency_policy.consistency_level`",
      f.message);
  ASSERT_EQ(1u, f.changes.size());
  EXPECT_EQ("Session", f.changes[0].desired);
  EXPECT_EQ("Eventual", f.changes[0].deployed);
  EXPECT_EQ("eu", f.boundary);
  EXPECT_EQ("westeurope", f.location);
  EXPECT_EQ("state.json", f.input);
}

// Azure identifies a resource by type, resource group and name: another
// name at the address is another account. The topology's is missing; the
// one found is not the topology's, and the next apply replaces it.
TEST(DriftCompare, AnotherNameAtTheAddressIsMissingAndUnmanaged) {
  std::string renamed = storage();
  renamed.replace(renamed.find("stshop"), 6, "stshop2");
  DriftReport r =
      run({{{"state.json", show(kGroup + "," + kSubnet + "," + renamed + "," + cosmos())}}});
  EXPECT_EQ(std::vector<std::string>(
                {"D002 storage account `stshop` in resource group `rg-eu` is not deployed: its "
                 "address holds storage account `stshop2` in resource group `rg-eu`",
                 "D004 storage account `stshop2` in resource group `rg-eu` is in the Terraform "
                 "state as `module.storage[\"weu\"].azurerm_storage_account.this`, where the "
                 "topology has storage account `stshop` in resource group `rg-eu`; the next apply "
                 "replaces it"}),
            messages(r));
  ASSERT_EQ(2u, r.findings.size());
  EXPECT_EQ("stshop", r.findings[0].name);
  EXPECT_EQ("", r.findings[0].input);
  EXPECT_EQ("stshop2", r.findings[1].name);
  EXPECT_EQ("state.json", r.findings[1].input);
  EXPECT_EQ("eu", r.findings[1].boundary);
  // Azure names ignore case: `STSHOP` is the same account.
  std::string upper = storage();
  upper.replace(upper.find("stshop"), 6, "STSHOP");
  EXPECT_TRUE(run({{{"state.json", show(kGroup + "," + kSubnet + "," + upper + "," + cosmos())}}}).in_sync());
}

// The same name in another resource group is another resource too; group
// names ignore case as well.
TEST(DriftCompare, AnotherResourceGroupAtTheAddressIsMissingAndUnmanaged) {
  std::string moved = storage();
  moved.replace(moved.find("\"rg-eu\""), 7, "\"rg-old\"");
  DriftReport r =
      run({{{"state.json", show(kGroup + "," + kSubnet + "," + moved + "," + cosmos())}}});
  EXPECT_EQ(std::vector<std::string>(
                {"D002 storage account `stshop` in resource group `rg-eu` is not deployed: its "
                 "address holds storage account `stshop` in resource group `rg-old`",
                 "D004 storage account `stshop` in resource group `rg-old` is in the Terraform "
                 "state as `module.storage[\"weu\"].azurerm_storage_account.this`, where the "
                 "topology has storage account `stshop` in resource group `rg-eu`; the next apply "
                 "replaces it"}),
            messages(r));
  std::string cased = storage();
  cased.replace(cased.find("\"rg-eu\""), 7, "\"RG-EU\"");
  EXPECT_TRUE(run({{{"state.json", show(kGroup + "," + kSubnet + "," + cased + "," + cosmos())}}})
                  .in_sync());
}

// The one found there is still checked for residency.
TEST(DriftCompare, AnotherResourceAtTheAddressIsCheckedForResidency) {
  std::string renamed = storage("eastus", "LRS");
  renamed.replace(renamed.find("stshop"), 6, "stshop2");
  DriftReport r =
      run({{{"state.json", show(kGroup + "," + kSubnet + "," + renamed + "," + cosmos())}}});
  ASSERT_EQ(3u, r.findings.size()) << ::testing::PrintToString(messages(r));
  EXPECT_EQ("D001 storage account `stshop2` is in `eastus`, outside boundary `eu`", messages(r)[0]);
}

// A plan says what the next apply does with the resource at the address.
TEST(DriftCompare, PlanReplacesAnotherResourceAtTheAddress) {
  std::string renamed = storage();
  renamed.replace(renamed.find("stshop"), 6, "stshop2");
  std::string plan = fmt::format(
      R"({{"format_version": "1.2", "prior_state": {{"format_version": "1.0", "values": {{"root_module":
          {{"resources": [{}, {}, {}, {}]}}}}}},
          "resource_changes": [
            {{"address": "module.storage[\"weu\"].azurerm_storage_account.this", "mode": "managed",
              "type": "azurerm_storage_account", "change": {{"actions": ["delete", "create"]}}}}]}})",
      kGroup, kSubnet, renamed, cosmos());
  DriftReport r = run({{{"plan.json", plan}}});
  EXPECT_EQ(std::vector<std::string>(
                {"D002 storage account `stshop` in resource group `rg-eu` is not deployed: its "
                 "address holds storage account `stshop2` in resource group `rg-eu`",
                 "D004 storage account `stshop2` in resource group `rg-eu` is in the Terraform "
                 "state as `module.storage[\"weu\"].azurerm_storage_account.this`, where the "
                 "topology has storage account `stshop` in resource group `rg-eu`"}),
            messages(r));
  for (const Finding& f : r.findings) EXPECT_EQ("replace", f.planned_action) << f.message;
  std::string text = render_text(r);
  EXPECT_NE(
      std::string::npos,
      text.find(
          "resource group `rg-eu`\n      at module.storage[\"weu\"].azurerm_storage_account.this "
          "in plan.json\n      the plan replaces it\n"))
      << text;
}

// A renamed resource group: the region is one missing finding, and each
// resource found at its addresses is reported once.
TEST(DriftCompare, RenamedRegionGroupIsOneMissingRegion) {
  std::string group = kGroup;
  group.replace(group.find("\"rg-eu\""), 7, "\"rg-eu2\"");
  std::string text = show(group + "," + kSubnet + "," + storage() + "," + cosmos());
  for (const char* from : {"\"rg-eu\"", "\"rg-eu\"", "\"rg-eu\""}) {
    text.replace(text.find(from), 7, "\"rg-eu2\"");
  }
  DriftReport r = run({{{"state.json", text}}});
  EXPECT_EQ(1u, r.count(FindingKind::kMissing)) << ::testing::PrintToString(messages(r));
  EXPECT_EQ(4u, r.count(FindingKind::kUnmanaged)) << ::testing::PrintToString(messages(r));
}

TEST(DriftCompare, MovedResourceIsChangedAndABreach) {
  DriftReport r = run({{{"state.json", show(kGroup + "," + kSubnet + "," +
                                            storage("eastus", "LRS") + "," + cosmos())}}});
  EXPECT_EQ(std::vector<std::string>(
                {"D001 storage account `stshop` is in `eastus`, outside boundary `eu`",
                 "D003 storage account `stshop` differs from the topology in `location`, "
                 "`account_replication_type`"}),
            messages(r));
}

// francecentral pairs with francesouth, which boundary `eu` does not allow.
TEST(DriftCompare, GeoRedundantStoragePairOutsideBoundary) {
  DriftReport r = run({{{"state.json", show(kGroup + "," + kSubnet + "," +
                                            storage("northeurope", "RAGRS") + "," + cosmos())}}});
  EXPECT_EQ(0u, r.count(FindingKind::kResidencyBreach));  // northeurope pairs with westeurope
  r = run({{{"state.json", show(kGroup + "," + kSubnet + "," + storage("francecentral", "GZRS") +
                                "," + cosmos())}}});
  ASSERT_EQ(1u, r.count(FindingKind::kResidencyBreach));
  EXPECT_EQ(
      "storage account `stshop` is in `francecentral` and geo-replicates to `francesouth`, "
      "outside boundary `eu`",
      r.findings[0].message);
}

TEST(DriftCompare, CosmosGeoLocationOutsideBoundary) {
  DriftReport r = run({{{"state.json", show(kGroup + "," + kSubnet + "," + storage() + "," +
                                            cosmos("Session", "East US"))}}});
  EXPECT_EQ(
      std::vector<std::string>(
          {"D001 Cosmos DB account `cosno-shop` replicates to `eastus`, outside boundary `eu`",
           "D003 Cosmos DB account `cosno-shop` differs from the topology in `geo_location`"}),
      messages(r));
  EXPECT_EQ("eastus", r.findings[0].location);
}

// Where an OpenAI deployment may process prompts follows its SKU; the
// deployment has no location of its own, so its account's is used.
TEST(DriftResidency, OpenAIDeploymentProcessingFollowsTheSku) {
  auto locations = [](std::string_view sku) {
    DeployedResource r;
    r.type = TypeName::of("azurerm_cognitive_deployment");
    r.attributes = nlohmann::json::parse(fmt::format(R"({{"sku": [{{"name": "{}"}}]}})", sku));
    std::vector<std::string> out;
    for (const DataLocation& l : data_locations(r, "swedencentral")) out.push_back(l.location);
    return out;
  };
  EXPECT_EQ(std::vector<std::string>{}, locations("Standard"));
  EXPECT_EQ(std::vector<std::string>{std::string(kAnyRegion)}, locations("GlobalStandard"));
  std::vector<std::string> zone = locations("DataZoneStandard");
  EXPECT_NE(zone.end(), std::find(zone.begin(), zone.end(), "westeurope"));
  EXPECT_NE(zone.end(), std::find(zone.begin(), zone.end(), "swedencentral"));
  EXPECT_EQ(zone.end(), std::find(zone.begin(), zone.end(), "eastus"));
  EXPECT_EQ(zone.end(), std::find(zone.begin(), zone.end(), "uksouth"));  // not an EU member state
}

TEST(DriftResidency, GeoRedundantCosmosBackupsGoToThePair) {
  DeployedResource r;
  r.type = TypeName::of("azurerm_cosmosdb_account");
  r.location = "francecentral";
  r.attributes = nlohmann::json::parse(R"({"backup": [{"type": "Periodic", "storage_redundancy": "Geo"}]})");
  std::vector<DataLocation> geo = data_locations(r);
  ASSERT_EQ(2u, geo.size());
  EXPECT_EQ("francesouth", geo[1].location);
  EXPECT_EQ("backs up to", geo[1].how);
  r.attributes["backup"][0]["storage_redundancy"] = "Local";
  EXPECT_EQ(1u, data_locations(r).size());
}

TEST(DriftRender, MarkdownEscapesWhatStatesSay) {
  // A tag value is whatever someone typed into the portal.
  std::string text = show(kGroup + "," + kSubnet +
                          "," + storage("westeurope", "GRS", "</details><img src=x>|pwn") + "," + cosmos());
  std::string md = render_markdown(run({{{"state.json", text}}}));
  EXPECT_EQ(std::string::npos, md.find("<img")) << md;
  EXPECT_EQ(std::string::npos, md.find("</details><")) << md;
  EXPECT_NE(std::string::npos, md.find("&lt;/details&gt;&lt;img src=x&gt;\\|pwn")) << md;
}

TEST(DriftRender, TextKeepsControlCharactersOffTheTerminal) {
  std::string text = show(kGroup + "," + kSubnet + "," +
                          storage("westeurope", "GRS", "\\u001b[2Jwiped\\ttab") + "," + cosmos());
  std::string out = render_text(run({{{"state.json", text}}}));
  EXPECT_EQ(std::string::npos, out.find('\x1b')) << out;
  EXPECT_EQ(std::string::npos, out.find('\t')) << out;
  EXPECT_NE(std::string::npos, out.find("deployed `\\u{1b}[2Jwiped\\ttab`")) << out;
}

// A line break in a tag value would start a line of its own: in a CI log,
// `::error::` at a line start is a workflow command. A backtick would end
// the quote (text) or the code span (Markdown) early.
const std::string kHostileOwner = R"(a\n::error::x\u001b\u0007\u0000`b)";

TEST(DriftRender, TextEscapesLineBreaksAndBackticks) {
  std::string text = show(kGroup + "," + kSubnet + "," +
                          storage("westeurope", "GRS", kHostileOwner) + "," + cosmos());
  std::string out = render_text(run({{{"state.json", text}}}));
  EXPECT_NE(std::string::npos, out.find("\n      tags.owner: topology `data`, deployed "
                                        "`a\\n::error::x\\u{1b}\\u{7}\\u{0}\\u{60}b`\n"))
      << out;
  EXPECT_EQ(std::string::npos, out.find("\n::error")) << out;
  EXPECT_EQ(std::string::npos, out.find('\0')) << out;
}

TEST(DriftRender, MarkdownKeepsBackticksInsideTheCodeSpan) {
  std::string text = show(kGroup + "," + kSubnet + "," +
                          storage("westeurope", "GRS", kHostileOwner) + "," + cosmos());
  std::string md = render_markdown(run({{{"state.json", text}}}));
  EXPECT_NE(std::string::npos,
            md.find("<br>`tags.owner`: `data` → ``a\\n::error::x\\u{1b}\\u{7}\\u{0}`b`` |\n"))
      << md;
  EXPECT_EQ(std::string::npos, md.find("\n::error")) << md;
}

TEST(DriftCompare, TagDifferencesOnePerKey) {
  std::string text =
      show(kGroup + "," + kSubnet + "," + storage("westeurope", "GRS", "finance") + "," + cosmos());
  DriftReport r = run({{{"state.json", text}}});
  ASSERT_EQ(1u, r.findings.size());
  ASSERT_EQ(1u, r.findings[0].changes.size());
  EXPECT_EQ("tags.owner", r.findings[0].changes[0].attribute);
  EXPECT_EQ("data", r.findings[0].changes[0].desired);
  EXPECT_EQ("finance", r.findings[0].changes[0].deployed);
}

TEST(DriftCompare, MissingResource) {
  DriftReport r = run({{{"state.json", show(kGroup + "," + kSubnet + "," + cosmos())}}});
  EXPECT_EQ(std::vector<std::string>({"D002 storage account `stshop` is not deployed"}),
            messages(r));
}

TEST(DriftCompare, StateResourceOutsideTheTopologyInItsGroup) {
  std::string extra = resource("azurerm_storage_account.scratch", "azurerm_storage_account",
                               R"({"name": "stscratch", "resource_group_name": "RG-EU",
                                   "location": "westeurope"})");
  DriftReport r = run({{{"state.json", all_of(extra)}}});
  EXPECT_EQ(
      std::vector<std::string>({"D004 storage account `stscratch` is in the Terraform state as "
                                "`azurerm_storage_account.scratch` but not in the topology"}),
      messages(r));
}

TEST(DriftCompare, OtherResourcesOfTheStateAreNotOurs) {
  std::string extra = resource("azurerm_storage_account.other", "azurerm_storage_account",
                               R"({"name": "stother", "resource_group_name": "rg-other",
                                   "location": "eastus", "tags": {"topology": "other"}})");
  EXPECT_TRUE(run({{{"state.json", all_of(extra)}}}).in_sync());
}

TEST(DriftCompare, UnmanagedByTagsElsewhere) {
  std::string graph = fmt::format(
      R"([{{"id": "/subscriptions/s/resourceGroups/rg-x/providers/Microsoft.Cache/Redis/stray",
      "type": "Microsoft.Cache/Redis", "location": "westeurope", "resourceGroup": "rg-x",
      "tags": {{"topology": "shop", "environment": "prod"}}}}])");
  DriftReport r = run({{{"state.json", all_of()}, {"graph.json", graph}}});
  EXPECT_EQ(std::vector<std::string>(
                {"D004 Redis cache `stray` in resource group `rg-x` is not in the topology"}),
            messages(r));
}

TEST(DriftCompare, ExportOfAStateResourceMatchesByIdAnyCase) {
  std::string with_id =
      resource(R"(module.storage[\"weu\"].azurerm_storage_account.this)", "azurerm_storage_account",
               fmt::format(R"({{"id": "{}Microsoft.Storage/storageAccounts/stshop",
                                    "name": "stshop", "resource_group_name": "rg-eu",
                                    "location": "westeurope", "account_replication_type": "GRS"}})",
                           kId));
  std::string graph = fmt::format(
      R"([{{"id": "{}MICROSOFT.STORAGE/storageAccounts/STSHOP", "type": "microsoft.storage/storageaccounts",
            "name": "stshop", "location": "eastus", "resourceGroup": "rg-eu",
            "sku": {{"name": "Standard_LRS"}}}}])",
      lower(kId));
  DriftReport r =
      run({{{"state.json", show(kGroup + "," + kSubnet + "," + with_id + "," + cosmos())},
            {"graph.json", graph}}});
  // The state describes the account; the export's copy of it is not compared again.
  EXPECT_TRUE(r.in_sync()) << ::testing::PrintToString(messages(r));
}

TEST(DriftCompare, InAzureButNotInTheState) {
  std::string graph = fmt::format(
      R"([{{"id": "{}Microsoft.Storage/storageAccounts/stshop", "type": "Microsoft.Storage/storageAccounts",
            "name": "stshop", "location": "westeurope", "resourceGroup": "rg-eu",
            "sku": {{"name": "Standard_GRS"}}, "tags": {{"topology": "shop", "environment": "prod", "owner": "data"}}}}])",
      kId);
  DriftReport r =
      run({{{"state.json", show(kGroup + "," + kSubnet + "," + cosmos())}, {"graph.json", graph}}});
  EXPECT_EQ(
      std::vector<std::string>(
          {"D004 storage account `stshop` exists in Azure but not in the Terraform state; import "
           "it as `module.storage[\"weu\"].azurerm_storage_account.this`"}),
      messages(r));
}

TEST(DriftCompare, ExportAloneMissesOnlyWhatItLists) {
  // No subnet, no group and no Cosmos DB account in the export: only the
  // account is missing, as Resource Graph lists accounts but not subnets.
  std::string graph = fmt::format(
      R"({{"data": [{{"id": "{}Microsoft.Storage/storageAccounts/stshop", "type": "microsoft.storage/storageaccounts",
            "name": "stshop", "location": "westeurope", "resourceGroup": "rg-eu",
            "sku": {{"name": "Standard_GRS", "tier": "Standard"}},
            "tags": {{"topology": "shop", "environment": "prod", "owner": "data"}}}}]}})",
      kId);
  DriftReport r = run({{{"graph.json", graph}}});
  EXPECT_EQ(std::vector<std::string>({"D002 Cosmos DB account `cosno-shop` is not deployed"}),
            messages(r));
}

TEST(DriftCompare, WhatAzureCreatesByItselfIsNotUnmanaged) {
  std::string graph = fmt::format(
      R"([{{"id": "{0}Microsoft.Network/networkInterfaces/pep-blob.nic.1234", "name": "pep-blob.nic.1234",
            "type": "Microsoft.Network/networkInterfaces", "location": "westeurope", "resourceGroup": "rg-eu",
            "properties": {{"privateEndpoint": {{"id": "{0}Microsoft.Network/privateEndpoints/pep-blob"}}}}}},
          {{"id": "{0}microsoft.alertsmanagement/smartDetectorAlertRules/Failure Anomalies - appi",
            "name": "Failure Anomalies - appi", "type": "microsoft.alertsmanagement/smartdetectoralertrules",
            "location": "global", "resourceGroup": "rg-eu"}},
          {{"id": "{0}Microsoft.Compute/disks/osdisk", "name": "osdisk", "type": "Microsoft.Compute/disks",
            "location": "eastus", "resourceGroup": "rg-eu", "managedBy": "{0}Microsoft.Compute/virtualMachines/vm"}},
          {{"id": "{0}Microsoft.Network/networkInterfaces/by-hand", "name": "by-hand",
            "type": "Microsoft.Network/networkInterfaces", "location": "westeurope", "resourceGroup": "rg-eu"}}])",
      kId);
  DriftReport r = run({{{"state.json", all_of()}, {"graph.json", graph}}});
  EXPECT_EQ(std::vector<std::string>({"D004 `microsoft.network/networkinterfaces` `by-hand` in resource "
                                      "group `rg-eu` is not in the topology"}),
            messages(r));
}

TEST(DriftCompare, OverlappingExportsReportEachResourceOnce) {
  std::string graph = fmt::format(
      R"([{{"id": "{}Microsoft.Cache/Redis/stray", "type": "Microsoft.Cache/Redis", "name": "stray",
            "location": "eastus", "resourceGroup": "rg-eu"}}])",
      kId);
  DriftReport r = run({{{"state.json", all_of()}, {"a.json", graph}, {"b.json", graph}}});
  EXPECT_EQ(std::vector<std::string>(
                {"D001 Redis cache `stray` is in `eastus`, outside boundary `eu`",
                 "D004 Redis cache `stray` in resource group `rg-eu` is not in the topology"}),
            messages(r));
}

TEST(DriftCompare, StateResourcesUnderTheTreesModulesAreOurs) {
  // module.storage is a module call of the generated tree: a resource the
  // tree no longer declares there is destroyed by the next apply.
  std::string extra = resource(R"(module.storage[\"weu\"].azurerm_role_assignment.old)",
                               "azurerm_role_assignment", R"({"name": "0000-1111"})");
  EXPECT_EQ(std::vector<std::string>({"D004 `azurerm_role_assignment` `0000-1111` is in the Terraform state as "
                                      "`module.storage[\"weu\"].azurerm_role_assignment.old` but not "
                                      "in the topology"}),
            messages(run({{{"state.json", all_of(extra)}}})));
}

TEST(DriftCompare, ExportAloneReportsAnEmptyRegionGroupOnce) {
  // Nothing of rg-eu in the export: the region is gone, one finding.
  DriftReport r = run({{{"graph.json", R"({"data": []})"}}});
  ASSERT_EQ(1u, r.findings.size()) << ::testing::PrintToString(messages(r));
  EXPECT_EQ("region `weu` (`westeurope`) is not deployed: its resource group `rg-eu` and 2 other "
            "resources are missing",
            r.findings[0].message);
  EXPECT_EQ((std::vector<std::string>{"azurerm_resource_group.region[\"weu\"]",
                                      "module.cosmos[\"eu\"].azurerm_cosmosdb_account.this",
                                      "module.storage[\"weu\"].azurerm_storage_account.this"}),
            r.findings[0].members);
}

TEST(DriftCompare, PlanChangesOfDeposedObjectsStayTheirs) {
  std::string deposed = storage("eastus");
  deposed.insert(deposed.size() - 1, R"(, "deposed_key": "aa11bb22")");
  std::string address = R"(module.storage[\"weu\"].azurerm_storage_account.this)";
  std::string plan = fmt::format(
      R"({{"format_version": "1.2", "prior_state": {{"format_version": "1.0", "values": {{"root_module":
          {{"resources": [{}, {}, {}, {}, {}]}}}}}},
          "resource_changes": [
            {{"address": "{}", "mode": "managed", "type": "azurerm_storage_account", "deposed": "aa11bb22",
              "change": {{"actions": ["delete"]}}}},
            {{"address": "{}", "mode": "managed", "type": "azurerm_storage_account",
              "change": {{"actions": ["update"]}}}}]}})",
      kGroup, kSubnet, storage(), deposed, cosmos(), address, address);
  DriftReport r = run({{{"plan.json", plan}}});
  std::vector<std::pair<std::string, std::string>> actions;
  for (const Finding& f : r.findings) actions.push_back({f.deposed_key, f.planned_action});
  std::sort(actions.begin(), actions.end());
  // The deposed object in eastus: a breach and unmanaged, both destroyed by
  // the plan; the current instance: updated in place.
  using Actions = std::vector<std::pair<std::string, std::string>>;
  const Actions expected = {{"", "update"}, {"aa11bb22", "delete"}, {"aa11bb22", "delete"}};
  EXPECT_EQ(expected, actions) << ::testing::PrintToString(messages(r));
}

// A deployment has no location of its own: a DataZone one that the topology
// does not describe is placed by its account's record.
TEST(DriftCompare, UnmanagedDataZoneDeploymentIsPlacedByItsAccount) {
  std::string account = resource(R"(module.openai[\"weu\"].azurerm_cognitive_account.this)",
                                 "azurerm_cognitive_account",
                                 fmt::format(R"({{"id": "{}Microsoft.CognitiveServices/accounts/oai",
                                     "name": "oai", "resource_group_name": "rg-eu", "location": "westeurope"}})",
                                             kId));
  std::string deployment = resource(R"(module.openai[\"weu\"].azurerm_cognitive_deployment.this[\"x\"])",
                                    "azurerm_cognitive_deployment",
                                    fmt::format(R"({{"id": "{}Microsoft.CognitiveServices/accounts/oai/deployments/x",
                                        "name": "x", "sku": [{{"name": "DataZoneStandard"}}]}})",
                                                kId));
  DriftReport r = run({{{"state.json", all_of(account + "," + deployment)}}});
  ASSERT_EQ(1u, r.count(FindingKind::kResidencyBreach)) << ::testing::PrintToString(messages(r));
  for (const Finding& f : r.findings) {
    if (f.kind != FindingKind::kResidencyBreach) continue;
    EXPECT_EQ(0u, f.message.find("Azure OpenAI deployment `x` may process prompts in `")) << f.message;
    EXPECT_NE(std::string::npos, f.message.find(" more, outside boundary `eu`")) << f.message;
  }
}

TEST(DriftCompare, TaintedInstance) {
  std::string tainted = storage();
  tainted.insert(tainted.size() - 1, R"(, "tainted": true)");
  DriftReport r =
      run({{{"state.json", show(kGroup + "," + kSubnet + "," + tainted + "," + cosmos())}}});
  EXPECT_EQ(std::vector<std::string>(
                {"D003 storage account `stshop` is tainted; the next apply replaces it"}),
            messages(r));
}

TEST(DriftCompare, SameInstanceInTwoStates) {
  DriftReport r = run({{{"a.json", all_of()}, {"b.json", show(storage())}}});
  EXPECT_TRUE(r.in_sync()) << ::testing::PrintToString(messages(r));
}

TEST(DriftCompare, IgnorePatterns) {
  std::string text =
      show(kGroup + "," + kSubnet + "," + storage("eastus") + "," + cosmos("Eventual"));
  DriftReport r = run({{{"state.json", text}}}, {{"module.storage*"}});
  EXPECT_EQ(2u, r.ignored);  // the breach and the change of the storage account
  EXPECT_EQ(1u, r.findings.size());
  r = run({{{"state.json", text}}}, {{"cosno-*", "module.storage[\"weu\"].*"}});
  EXPECT_TRUE(r.in_sync());
  EXPECT_EQ(3u, r.ignored);
}

TEST(DriftCompare, FindingsSortedByBoundaryLocationAndSeverity) {
  DriftReport r =
      run({{{"state.json", show(kGroup + "," + storage("eastus") + "," + cosmos("Eventual"))}}});
  std::vector<std::string> order;
  for (const Finding& f : r.findings)
    order.push_back(f.location + " " + std::string(info(f.kind).code));
  EXPECT_EQ(std::vector<std::string>(
                {"eastus D001", "westeurope D002", "westeurope D003", "westeurope D003"}),
            order);
}

// A breach leads the report even where its region sorts after every other
// finding's: westus after westeurope, where changes are reported.
TEST(DriftCompare, BreachesComeFirstWhereverTheyAre) {
  DriftReport r = run(
      {{{"state.json", show(kGroup + "," + storage("westus", "LRS") + "," + cosmos("Eventual"))}}});
  std::vector<std::string> order;
  for (const Finding& f : r.findings)
    order.push_back(f.location + " " + std::string(info(f.kind).code));
  EXPECT_EQ(std::vector<std::string>(
                {"westus D001", "westeurope D002", "westeurope D003", "westeurope D003"}),
            order);
}

TEST(DriftRender, TextLeadsWithTheBreaches) {
  std::string text = render_text(
      run({{{"state.json", show(kGroup + "," + kSubnet + "," + storage("westus", "LRS") + "," +
                                cosmos("Eventual"))}}}));
  EXPECT_EQ(text.substr(text.find("\n\n")), R"(

residency breaches: 1
  boundary `eu`, westus: 1
    D001 residency breach: storage account `stshop` is in `westus`, outside boundary `eu`
      at module.storage["weu"].azurerm_storage_account.this in state.json

boundary `eu`: 2 findings
  westeurope: 2
    D003 changed: Cosmos DB account `cosno-shop` differs from the topology in `consistency_policy.consistency_level`
      at module.cosmos["eu"].azurerm_cosmosdb_account.this in state.json
      consistency_policy.consistency_level: topology `Session`, deployed `Eventual`
    D003 changed: storage account `stshop` differs from the topology in `location`, `account_replication_type`
      at module.storage["weu"].azurerm_storage_account.this in state.json
      location: topology `westeurope`, deployed `westus`
      account_replication_type: topology `GRS`, deployed `LRS`
)");
}

TEST(DriftRender, MarkdownLeadsWithTheBreaches) {
  std::string md = render_markdown(
      run({{{"state.json", show(kGroup + "," + kSubnet + "," + storage("westus", "LRS") + "," +
                                cosmos("Eventual"))}}}));
  EXPECT_EQ(md.substr(md.find("\n#### ")), R"(
#### Residency breaches

| Boundary | Region | Resource | Detail |
|---|---|---|---|
| `eu` | westus | `module.storage["weu"].azurerm_storage_account.this` | storage account `stshop` is in `westus`, outside boundary `eu` |

#### Boundary `eu`

| Region | Finding | Resource | Detail |
|---|---|---|---|
| westeurope | changed | `module.cosmos["eu"].azurerm_cosmosdb_account.this` | Cosmos DB account `cosno-shop` differs from the topology in `consistency_policy.consistency_level`<br>`consistency_policy.consistency_level`: `Session` → `Eventual` |
| westeurope | changed | `module.storage["weu"].azurerm_storage_account.this` | storage account `stshop` differs from the topology in `location`, `account_replication_type`<br>`location`: `westeurope` → `westus`<br>`account_replication_type`: `GRS` → `LRS` |
)");
}

TEST(DriftRender, JsonAndSarifListTheBreachFirst) {
  DriftReport r =
      run({{{"state.json", show(kGroup + "," + kSubnet + "," + storage("westus", "LRS") + "," +
                                cosmos("Eventual"))}}});
  auto json = nlohmann::json::parse(render_json(r));
  std::vector<std::string> codes;
  for (const auto& f : json["findings"]) codes.push_back(f["code"]);
  EXPECT_EQ(std::vector<std::string>({"D001", "D003", "D003"}), codes);
  auto sarif = nlohmann::json::parse(render_sarif(r, "0"));
  codes.clear();
  for (const auto& f : sarif["runs"][0]["results"]) codes.push_back(f["ruleId"]);
  EXPECT_EQ(std::vector<std::string>({"D001", "D003", "D003"}), codes);
}

TEST(DriftGlobMatch, StarsAndQuestionMarks) {
  EXPECT_TRUE(glob_match("module.alerts.*", "module.alerts.azurerm_monitor_action_group.this"));
  EXPECT_TRUE(glob_match("*[\"eu\"]*", "module.aks[\"eu\"].azurerm_kubernetes_cluster.this"));
  EXPECT_TRUE(glob_match("st?hop", "stshop"));
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_FALSE(glob_match("module.alerts.*", "module.aks.x"));
  EXPECT_FALSE(glob_match("st?hop", "sthop"));
  EXPECT_FALSE(glob_match("a*b*c", "aXbY"));
}

}  // namespace
}  // namespace topoc::drift
