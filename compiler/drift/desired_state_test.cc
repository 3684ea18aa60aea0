// Reading the desired-state manifest that `topoc build` writes.
#include "compiler/drift/desired_state.h"

#include <gtest/gtest.h>

#include "compiler/drift/drift_test_support.h"

namespace topoc::drift {
namespace {

std::string error_of(std::string_view text) {
  auto parsed = parse_desired_state("m.json", text);
  auto* error = std::get_if<ReadError>(&parsed);
  return error ? to_string(*error) : "";
}

TEST(DriftManifest, ReadsTheRagPlatformManifest) {
  DesiredState s = testing::rag_manifest();
  EXPECT_EQ("rag-platform", s.topology);
  EXPECT_EQ("prod", s.environment);
  EXPECT_EQ(140u, s.resources.size());
  EXPECT_TRUE(std::is_sorted(s.resources.begin(), s.resources.end(),
                             [](const auto& a, const auto& b) { return a.address < b.address; }));
  const DesiredResource* cosmos = s.find("module.cosmos[\"eu\"].azurerm_cosmosdb_account.this");
  ASSERT_NE(nullptr, cosmos);
  EXPECT_EQ("cosno-rag-eu-prod", cosmos->name);
  EXPECT_EQ("eu", cosmos->boundary);
  EXPECT_EQ("rg-rag-data-eu-prod", cosmos->resource_group);
  EXPECT_EQ("Session", cosmos->attributes["consistency_policy"]["consistency_level"]);
  EXPECT_EQ(nullptr, s.find("module.cosmos[\"eu\"].azurerm_cosmosdb_account.that"));
}

TEST(DriftManifest, RegionsAndResourceGroups) {
  DesiredState s = testing::rag_manifest();
  ASSERT_EQ(2u, s.regions.size());
  EXPECT_EQ("eu", s.regions[0].key);
  EXPECT_EQ("westeurope", s.regions[0].location);
  EXPECT_EQ("rg-rag-eu-prod", s.regions[0].resource_group);
  EXPECT_EQ("us", s.regions[1].key);
  std::map<std::string, std::string> groups = {{"rg-rag-data-eu-prod", "eu"},
                                               {"rg-rag-data-us-prod", "us"},
                                               {"rg-rag-eu-prod", "eu"},
                                               {"rg-rag-global-prod", ""},
                                               {"rg-rag-us-prod", "us"}};
  EXPECT_EQ(groups, s.resource_groups);
}

// The residency policy assignments say what a boundary allows.
TEST(DriftManifest, BoundaryLocationsFromPolicyAssignments) {
  DesiredState s = testing::rag_manifest();
  EXPECT_EQ(std::vector<std::string>(
                {"francecentral", "germanywestcentral", "northeurope", "westeurope"}),
            s.boundary_locations.at("eu"));
  EXPECT_EQ(9u, s.boundary_locations.at("us").size());
}

TEST(DriftManifest, BoundaryLocationsDeclaredOrUsed) {
  auto parsed = parse_desired_state("m.json", R"({"manifest_version": 1, "resources": [
    {"address": "a.x", "type": "azurerm_storage_account", "location": "West Europe", "boundary": "eu"},
    {"address": "a.y", "type": "azurerm_cosmosdb_account", "location": "eastus", "boundary": "us",
     "attributes": {"geo_location": [{"location": "eastus"}, {"location": "West US 2"}]}}],
    "boundaries": {"eu": {"allowed_locations": ["westeurope", "swedencentral"]}}})");
  ASSERT_TRUE(std::holds_alternative<DesiredState>(parsed));
  const DesiredState& s = std::get<DesiredState>(parsed);
  EXPECT_EQ(std::vector<std::string>({"swedencentral", "westeurope"}),
            s.boundary_locations.at("eu"));
  EXPECT_EQ(std::vector<std::string>({"eastus", "westus2"}), s.boundary_locations.at("us"));
  EXPECT_EQ("westeurope", s.find("a.x")->location);
}

TEST(DriftManifest, KeepsOnlyComparedAttributes) {
  DesiredState s = testing::rag_manifest();
  const DesiredResource* storage = s.find("module.storage[\"eu\"].azurerm_storage_account.this");
  ASSERT_NE(nullptr, storage);
  EXPECT_TRUE(storage->attributes.contains("account_replication_type"));
  EXPECT_FALSE(storage->attributes.contains("min_tls_version"));
  ASSERT_NE(nullptr, storage->tags);
  EXPECT_EQ("rag-platform", storage->tags->at("topology"));
  // Every tagged resource shares one copy of the same tags.
  EXPECT_EQ(storage->tags, s.find("module.storage[\"us\"].azurerm_storage_account.this")->tags);
}

TEST(DriftManifest, TellsManifestsFromTopologies) {
  EXPECT_TRUE(looks_like_manifest("\xEF\xBB\xBF\n  {\"manifest_version\": 1}"));
  EXPECT_FALSE(looks_like_manifest("# platform\ntopology \"x\" {}"));
  EXPECT_FALSE(looks_like_manifest("topology \"x\" {}"));
  EXPECT_FALSE(looks_like_manifest(""));
}

TEST(DriftManifest, Errors) {
  EXPECT_EQ("`m.json`: is not a topoc manifest: it has no `manifest_version`",
            error_of(R"({"resources": []})"));
  EXPECT_EQ(
      "`m.json` at `/manifest_version`: manifest version 2 is not supported; this topoc reads "
      "version 1",
      error_of(R"({"manifest_version": 2, "resources": [{"id": 1}]})"));
  EXPECT_EQ("`m.json` at `/resources`: expected `resources` to be an array",
            error_of(R"({"manifest_version": 1, "resources": {}})"));
  EXPECT_EQ("`m.json` at `/resources/1/type`: expected `type` to be a non-empty string",
            error_of(R"({"manifest_version": 1, "resources": [
              {"address": "a.b", "type": "azurerm_subnet"}, {"address": "a.c"}]})"));
  EXPECT_EQ("`m.json` at `/resources/0/tags/owner`: expected tag values to be strings",
            error_of(R"({"manifest_version": 1, "resources": [
              {"address": "a.b", "type": "azurerm_subnet", "tags": {"owner": 7}}]})"));
  EXPECT_EQ("`m.json` at `/resources/1/address`: address `a.b` appears twice",
            error_of(R"({"manifest_version": 1, "resources": [
              {"address": "a.b", "type": "t"}, {"address": "a.b", "type": "t"}]})"));
  EXPECT_EQ(
      "`m.json` at byte 22 (line 1, column 23): the JSON ends before its last value is "
      "complete; is the file truncated?",
      error_of(R"({"manifest_version": 1)"));
}

}  // namespace
}  // namespace topoc::drift
