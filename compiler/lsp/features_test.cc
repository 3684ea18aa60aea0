#include "compiler/lsp/features.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace topoc::lsp {
namespace {

std::vector<std::string> labels(const nlohmann::json& completion) {
  std::vector<std::string> out;
  for (const auto& item : completion["items"]) out.push_back(item["label"].get<std::string>());
  return out;
}

bool has(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

constexpr const char* kTwoRegions =
    "topology \"shop\" {\n"
    "  boundary \"eu\" { geography = eu-data-boundary }\n"
    "  region \"weu\" { location = westeurope  failover = neu  address = 10.1.0.0/16  services = "
    "[aks, storage] }\n"
    "  region \"neu\" { location = northeurope  address = 10.2.0.0/16 }\n"
    "}\n";

TEST(LspFeatures, RegionKeyWrittenAsFailoverLeadsToTheRegion) {
  Analysis a(kTwoRegions);
  // `failover = neu` is an unknown location to the checker...
  auto d = diagnostics_params(a, "u", 1);
  ASSERT_EQ(d["diagnostics"].size(), 1u);
  EXPECT_EQ(d["diagnostics"][0]["range"], range_json({2, 51}, {2, 54}));
  // ...and a reference to region `neu` for navigation.
  auto def = definition(a, "u", {2, 52});
  ASSERT_EQ(def.size(), 1u);
  EXPECT_EQ(def[0]["range"], range_json({3, 9}, {3, 14}));
  auto refs = references(a, "u", {3, 11}, false);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0]["range"], range_json({2, 51}, {2, 54}));
}

TEST(LspFeatures, ServiceHoverListsWhatTopocDeploys) {
  std::string text = kTwoRegions;
  text.replace(text.find("failover = neu"), 14, "failover = northeurope");
  Analysis a(text);
  ASSERT_EQ(a.check.sink.error_count(), 0u);
  uint32_t line_start = static_cast<uint32_t>(text.find("  region \"weu\""));
  uint32_t aks = static_cast<uint32_t>(text.find("aks, storage")) - line_start;
  auto h = hover(a, {2, aks + 1});
  ASSERT_TRUE(h.is_object());
  std::string value = h["contents"]["value"];
  EXPECT_TRUE(value.starts_with(
      "**service `aks`** in region `weu`\n\ntopoc deploys (Terraform, environment `prod`):\n\n"))
      << value;
  EXPECT_NE(value.find("- `azurerm_kubernetes_cluster` `aks-shop-weu-prod`\n"), std::string::npos)
      << value;
  EXPECT_EQ(value.find("azurerm_storage_account"), std::string::npos) << value;
}

TEST(LspFeatures, AByteOrderMarkCountsAsOneCodeUnit) {
  Analysis a("\xEF\xBB\xBFtopology \"t\" { mode = fast }\n");
  auto d = diagnostics_params(a, "u", std::nullopt);
  const auto& list = d["diagnostics"];
  auto it =
      std::find_if(list.begin(), list.end(), [](const auto& x) { return x["code"] == "M007"; });
  ASSERT_NE(it, list.end()) << d.dump();
  EXPECT_EQ((*it)["range"], range_json({0, 23}, {0, 27}));  // `fast` after U+FEFF
  EXPECT_FALSE(d.contains("version"));
}

TEST(LspFeatures, CompletionFollowsTheCursor) {
  Analysis a(
      "topology \"t\" {\n"
      "  boundary \"eu\" { geography = eu-data-boundary }\n"
      "  region \"weu\" { services = [ ] }\n"
      "  frontdoor { geo  }\n"
      "  # mode = \n"
      "  tenant \"c\" { residency =  }\n"
      "}\n");
  EXPECT_EQ(labels(completion(a, {0, 0})), std::vector<std::string>{"topology"});
  auto services = labels(completion(a, {2, 29}));
  EXPECT_EQ(services,
            (std::vector<std::string>{"aks", "ai_search", "openai", "storage", "redis", "keyvault",
                                      "monitoring", "postgres", "servicebus", "backup",
                                      "app_service", "container_apps", "automation",
                                      "api_management"}));
  EXPECT_EQ(labels(completion(a, {3, 18})), std::vector<std::string>{"eu"});  // a geo route's label
  EXPECT_TRUE(completion(a, {4, 11}).empty() || completion(a, {4, 11})["items"].empty());
  EXPECT_EQ(labels(completion(a, {5, 27})), std::vector<std::string>{"eu"});
  auto geographies = labels(completion(a, {1, 30}));
  EXPECT_TRUE(has(geographies, "eu-data-boundary") && has(geographies, "united-states"));
  auto keys = labels(completion(a, {6, 0}));
  EXPECT_TRUE(has(keys, "mode") && has(keys, "boundary") && has(keys, "cosmos"));
  EXPECT_FALSE(has(keys, "location"));
}

TEST(LspFeatures, RegistryHoverListsWhatTopocDeploys) {
  std::string text = kTwoRegions;
  text.replace(text.find("failover = neu"), 14, "failover = northeurope");
  text.insert(text.rfind("}"), "  registry \"images\" { home = weu  replicas = [northeurope] }\n");
  Analysis a(text);
  ASSERT_EQ(a.check.sink.error_count(), 0u);
  auto h = hover(a, {4, 4});
  ASSERT_TRUE(h.is_object());
  std::string value = h["contents"]["value"];
  EXPECT_TRUE(value.starts_with("**registry `images`** in region `weu`\n\ntopoc deploys")) << value;
  EXPECT_NE(value.find("- `azurerm_container_registry` `crshopimagesprod`\n"), std::string::npos)
      << value;
  EXPECT_NE(value.find("- `azurerm_role_assignment`\n"), std::string::npos) << value;
}

TEST(LspFeatures, RouteCacheHoverSaysWhereResponsesAreKept) {
  Analysis a(
      "topology \"t\" {\n"
      "  boundary \"eu\" { geography = eu-data-boundary }\n"
      "  region \"weu\" { location = westeurope  address = 10.1.0.0/16  aks {} }\n"
      "  frontdoor {\n"
      "    unrouted = eu\n"
      "    route \"assets\" {\n"
      "      data = non-personal\n"
      "      cache { query_string = use }\n"
      "    }\n"
      "  }\n"
      "}\n");
  auto h = hover(a, {7, 8});
  ASSERT_TRUE(h.is_object());
  std::string value = h["contents"]["value"];
  EXPECT_TRUE(value.starts_with("**cache** of route `assets`\n\nFront Door keeps")) << value;
  EXPECT_NE(value.find("- query string: `UseQueryString`\n"), std::string::npos) << value;
  EXPECT_NE(value.find("exempt from residency (R015)"), std::string::npos) << value;
  auto keys = labels(completion(a, {7, 14}));
  EXPECT_TRUE(has(keys, "query_strings") && has(keys, "content_types")) << keys.size();
}

// A `redis` block without a cache tier is Azure Managed Redis: hover lists
// the instance, completion offers the Managed Redis sizes and the
// geo-replication groups other regions name.
TEST(LspFeatures, ManagedRedisHoverAndCompletion) {
  Analysis a(
      "topology \"t\" {\n"
      "  boundary \"eu\" { geography = eu-data-boundary }\n"
      "  region \"weu\" { location = westeurope  address = 10.1.0.0/16  services = [redis]\n"
      "    redis { geo_replication = \"sessions\" }\n"
      "  }\n"
      "  region \"neu\" { location = northeurope  address = 10.2.0.0/16  services = [redis]\n"
      "    redis { sku = Balanced_B3  geo_replication = x }\n"
      "  }\n"
      "}\n");
  auto h = hover(a, {3, 5});
  ASSERT_TRUE(h.is_object());
  std::string value = h["contents"]["value"];
  EXPECT_NE(value.find("- `azurerm_managed_redis` `amr-t-weu-prod`\n"), std::string::npos) << value;
  EXPECT_TRUE(has(labels(completion(a, {6, 18})), "Balanced_B3"));
  EXPECT_TRUE(has(labels(completion(a, {6, 18})), "premium"));
  EXPECT_TRUE(has(labels(completion(a, {6, 49})), "sessions"));
  auto keys = labels(completion(a, {3, 12}));
  EXPECT_TRUE(has(keys, "geo_replication") && has(keys, "high_availability")) << keys.size();
}

TEST(LspFeatures, RegistryHomeIsARegionReference) {
  Analysis a(
      "topology \"t\" {\n"
      "  boundary \"eu\" { geography = eu-data-boundary }\n"
      "  region \"weu\" { location = westeurope  address = 10.1.0.0/16  services = [aks] }\n"
      "  registry \"images\" { home = weu  replicas = [ ] }\n"
      "}\n");
  auto def = definition(a, "u", {3, 29});
  ASSERT_EQ(def.size(), 1u);
  EXPECT_EQ(def[0]["range"], range_json({2, 9}, {2, 14}));
  EXPECT_EQ(labels(completion(a, {3, 29})), std::vector<std::string>{"weu"});
  EXPECT_TRUE(has(labels(completion(a, {3, 46})), "northeurope"));
  auto keys = labels(completion(a, {3, 22}));
  EXPECT_TRUE(has(keys, "sku") && has(keys, "zone_redundant")) << keys.size();
}

// `monitoring { logs_to = ... }` names the region whose workspace receives
// the logs: completion offers the region keys, and it leads to the region,
// whose hover says where its diagnostic logs go.
TEST(LspFeatures, LogsToIsARegionReference) {
  Analysis a(
      "topology \"t\" {\n"
      "  boundary \"eu\" { geography = eu-data-boundary }\n"
      "  region \"weu\" { location = westeurope  address = 10.1.0.0/16  services = [monitoring] }\n"
      "  region \"neu\" { location = northeurope  address = 10.2.0.0/16  services = [monitoring]\n"
      "    monitoring { logs_to = weu }\n"
      "  }\n"
      "}\n");
  ASSERT_EQ(a.check.sink.error_count(), 0u);
  auto def = definition(a, "u", {4, 28});
  ASSERT_EQ(def.size(), 1u);
  EXPECT_EQ(def[0]["range"], range_json({2, 9}, {2, 14}));
  EXPECT_TRUE(has(labels(completion(a, {4, 27})), "weu"));
  auto keys = labels(completion(a, {4, 17}));
  EXPECT_TRUE(has(keys, "logs_to") && has(keys, "diagnostics") && has(keys, "retention"))
      << keys.size();
  auto h = hover(a, {3, 11});
  ASSERT_TRUE(h.is_object());
  std::string value = h["contents"]["value"];
  EXPECT_NE(value.find("- diagnostic logs: to the workspace of region `weu`\n"), std::string::npos)
      << value;
}

// A boundary's `hub` and `application_insights` name regions: both lead to
// the region and complete its key.
TEST(LspFeatures, BoundaryRegionReferencesLeadToTheRegion) {
  Analysis a(
      "topology \"t\" {\n"
      "  boundary \"eu\" { geography = eu-data-boundary  peering = hub  hub = weu\n"
      "    application_insights = weu }\n"
      "  region \"weu\" { location = westeurope  address = 10.1.0.0/16  services = [monitoring] }\n"
      "}\n");
  ASSERT_EQ(a.check.sink.error_count(), 0u);
  for (Position p : {Position{1, 69}, Position{2, 28}}) {
    auto def = definition(a, "u", p);
    ASSERT_EQ(def.size(), 1u) << p.line;
    EXPECT_EQ(def[0]["range"], range_json({3, 9}, {3, 14}));
  }
  EXPECT_EQ(labels(completion(a, {2, 27})), std::vector<std::string>{"weu"});
}

TEST(LspFeatures, BoundaryHubCompletesRegionKeysAndPeeringItsChoices) {
  Analysis a(
      "topology \"t\" {\n"
      "  boundary \"eu\" { geography = eu-data-boundary  peering = hub  hub = weu }\n"
      "  region \"weu\" { location = westeurope  address = 10.1.0.0/16 }\n"
      "}\n");
  EXPECT_EQ(labels(completion(a, {1, 69})), std::vector<std::string>{"weu"});
  auto peering = labels(completion(a, {1, 58}));
  EXPECT_TRUE(has(peering, "mesh") && has(peering, "hub") && has(peering, "none"))
      << peering.size();
}

}  // namespace
}  // namespace topoc::lsp

namespace topoc::lsp {
namespace {

// Every request at every position of every example (and one past each line's
// end) answers without throwing, and references always include the
// definition they lead to.
TEST(LspFeatures, EveryPositionOfEveryExampleIsAnswered) {
  for (const auto& entry : std::filesystem::directory_iterator(TOPOC_SOURCE_DIR "/examples")) {
    if (entry.path().extension() != ".topo") continue;
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Analysis a(text);
    ASSERT_TRUE(a.tree) << entry.path();
    uint32_t line = 0;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      for (uint32_t ch = 0; ch <= end - start + 1; ++ch) {
        Position p{line, ch};
        hover(a, p);
        completion(a, p);
        auto def = definition(a, "u", p);
        if (def.is_array()) {
          auto refs = references(a, "u", p, true);
          ASSERT_TRUE(refs.is_array());
          EXPECT_NE(std::find(refs.begin(), refs.end(), def[0]), refs.end())
              << entry.path() << ":" << line << ":" << ch;
        }
      }
      ++line;
      start = end + 1;
    }
  }
}

}  // namespace
}  // namespace topoc::lsp
