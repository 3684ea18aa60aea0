// The estate: every resource once, with its Terraform rendering, and the
// placements the residency engine checks, each with a reason chain that
// points back at the DSL.
#include "compiler/estate/estate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "compiler/driver/check.h"
#include "compiler/emit/terraform/emit_terraform.h"
#include "compiler/estate/properties.h"

namespace topoc {
namespace {

namespace fs = std::filesystem;

struct Checked {
  driver::CheckResult result;
  const model::Topology& model() const { return *result.models.front(); }
};

// `files_dir`: where the files the topology names (runbooks) are read from.
std::unique_ptr<Checked> check(const std::string& text, const std::string& files_dir = "") {
  auto c = std::make_unique<Checked>();
  driver::Overrides overrides;
  overrides.files_dir = files_dir;
  driver::check_source(c->result, "test.topo", text, overrides);
  EXPECT_EQ(0u, c->result.sink.error_count()) << text;
  EXPECT_FALSE(c->result.models.empty());
  return c;
}

const estate::Resource* find(const estate::Estate& e, std::string_view key) {
  for (const estate::Resource& r : e.resources) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

std::string replaced_once(std::string text, std::string_view from, std::string_view to) {
  size_t at = text.find(from);
  EXPECT_NE(std::string::npos, at) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

constexpr const char* kGrs = R"(topology "solo" {
  prefix = "solo"
  boundary "eu" { geography = eu-data-boundary }
  region "weu" {
    location = westeurope
    address  = 10.2.0.0/16
    services = [storage, openai]
    storage { replication = GRS }
  }
}
)";

TEST(Estate, GeoRedundantStorageDeclaresItsPairCopyWithTheReason) {
  auto c = check(kGrs);
  estate::Estate e = estate::build_estate(c->model(), {});
  const estate::Resource* st = find(e, "module.storage[\"weu\"].azurerm_storage_account.this");
  ASSERT_NE(nullptr, st);
  EXPECT_EQ("Microsoft.Storage/storageAccounts", st->arm_type);
  EXPECT_EQ(e.names.region("weu", "storage"), st->name);
  EXPECT_EQ(std::vector<size_t>{0}, st->holders);
  ASSERT_EQ(2u, st->placements.size());
  EXPECT_EQ(estate::PlacementKind::kPrimary, st->placements[0].kind);
  EXPECT_FALSE(st->placements[0].checked);  // the region's own placement is
  const estate::Placement& copy = st->placements[1];
  EXPECT_EQ(estate::PlacementKind::kGeoPairCopy, copy.kind);
  EXPECT_EQ(std::vector<std::string>{"northeurope"}, copy.locations);
  EXPECT_TRUE(copy.checked);
  ASSERT_EQ(1u, copy.reasons.size());
  EXPECT_EQ("`GRS` of `" + st->name +
                "` copies to northeurope, the Azure pair of westeurope, because region `weu` "
                "sets `storage { replication = GRS }`",
            copy.reasons[0].text);
  auto lc = c->result.files[0].line_col(copy.reasons[0].at.span.begin);
  EXPECT_EQ(8u, lc.line);
  EXPECT_EQ(29u, lc.column);
}

TEST(Estate, OpenAIProcessingFollowsItsDeploymentType) {
  auto c = check(kGrs);
  estate::Estate e = estate::build_estate(c->model(), {});
  const estate::Resource* ai = find(e, "module.openai[\"weu\"].azurerm_cognitive_account.this");
  ASSERT_NE(nullptr, ai);
  ASSERT_EQ(2u, ai->placements.size());
  EXPECT_EQ(estate::PlacementKind::kProcessing, ai->placements[1].kind);
  // In the EU data boundary the default is `data-zone`: prompts may be
  // processed anywhere in the EU data zone, which the engine checks.
  EXPECT_EQ((std::vector<std::string>{
                "austriaeast", "belgiumcentral", "denmarkeast", "francecentral", "francesouth",
                "germanynorth", "germanywestcentral", "italynorth", "northeurope", "polandcentral",
                "spaincentral", "swedencentral", "swedensouth", "westeurope"}),
            ai->placements[1].locations);
  EXPECT_TRUE(ai->placements[1].checked);
  EXPECT_EQ("region `weu` deploys its models as `data-zone`, processed in 14 location(s)",
            ai->placements[1].reasons[0].text);
}

TEST(Estate, RegionFailoverIsAPlacementOfTheRegion) {
  auto c = check(R"(topology "t" {
  boundary "us" { geography = united-states }
  region "east" { location = eastus  failover = westus2  address = 10.1.0.0/16 }
}
)");
  estate::Estate e = estate::build_estate(c->model(), {});
  const estate::Resource* rg = find(e, "azurerm_resource_group.region[\"east\"]");
  ASSERT_NE(nullptr, rg);
  ASSERT_EQ(2u, rg->placements.size());
  EXPECT_EQ(estate::PlacementKind::kFailover, rg->placements[1].kind);
  EXPECT_EQ(std::vector<std::string>{"westus2"}, rg->placements[1].locations);
  EXPECT_EQ("region `east` sets `failover = \"westus2\"`: its data is replicated there",
            rg->placements[1].reasons[0].text);
}

// Each key names one resource.
TEST(Estate, KeysAreUnique) {
  auto c = check(kGrs);
  estate::Estate e = estate::build_estate(c->model(), {});
  std::set<std::string> keys;
  for (const estate::Resource& r : e.resources) EXPECT_TRUE(keys.insert(r.key).second) << r.key;
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// `module.aks["weu"].azurerm_kubernetes_cluster.this` → {"aks", "azurerm_kubernetes_cluster",
// "this"}.
struct Address {
  std::string module, type, name;
};
Address parse(std::string_view key) {
  Address a;
  if (key.starts_with("module.")) {
    key.remove_prefix(7);
    size_t end = key.find_first_of(".[");
    a.module = std::string(key.substr(0, end));
    key.remove_prefix(key.find('.', end) + 1);
  }
  size_t dot = key.find('.');
  a.type = std::string(key.substr(0, dot));
  key.remove_prefix(dot + 1);
  a.name = std::string(key.substr(0, key.find('[')));
  return a;
}

// Every estate resource has a Terraform rendering: its address is in the
// manifest, the environment root calls its module, and a module (or the
// root) of the emitted tree declares its resource block.
TEST(Estate, EveryResourceOfEveryExampleHasATerraformRendering) {
  fs::path examples = fs::path(TOPOC_SOURCE_DIR) / "examples";
  size_t seen = 0;
  for (const auto& entry : fs::directory_iterator(examples)) {
    if (entry.path().extension() != ".topo") continue;
    auto c = check(read(entry.path()), examples.string());
    if (c->result.models.empty()) continue;
    estate::Estate e = estate::build_estate(c->model(), {});
    emit::FileTree tree = emit::emit_terraform(c->model(), {});
    std::string manifest, main_tf, blocks;
    for (const emit::EmittedFile& f : tree) {
      if (f.path.ends_with("topoc.manifest.json")) manifest = f.contents;
      if (f.path.ends_with("/main.tf") && f.path.starts_with("environments/")) main_tf = f.contents;
      if (f.path.ends_with(".tf")) blocks += f.contents;
    }
    ASSERT_FALSE(manifest.empty()) << entry.path();
    for (const estate::Resource& r : e.resources) {
      ++seen;
      Address a = parse(r.key);
      EXPECT_NE(std::string::npos, manifest.find("\"address\": " + nlohmann::json(r.key).dump()))
          << entry.path() << ": " << r.key;
      if (!a.module.empty()) {
        EXPECT_NE(std::string::npos, main_tf.find("module \"" + a.module + "\""))
            << entry.path() << ": " << r.key;
      }
      EXPECT_NE(std::string::npos, blocks.find("resource \"" + a.type + "\" \"" + a.name + "\""))
          << entry.path() << ": " << r.key;
    }
  }
  EXPECT_GT(seen, 100u);
}

// Two EU regions: West Europe runs storage and Key Vault, North Europe Key
// Vault only.
constexpr const char* kPeered = R"(topology "peered" {
  prefix = "pe"
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope   address = 10.2.0.0/16  services = [storage, keyvault] }
  region "neu" { location = northeurope  address = 10.3.0.0/16  services = [keyvault] }
}
)";

TEST(Estate, RegionsOfABoundaryArePeeredBothWaysByDefault) {
  auto c = check(kPeered);
  estate::Estate e = estate::build_estate(c->model(), {});
  ASSERT_EQ(2u, e.peerings.size());
  EXPECT_EQ("weu/neu", e.peerings[0].key);
  EXPECT_EQ("neu/weu", e.peerings[1].key);
  const estate::Resource* there =
      find(e, "module.vnet_peering[\"weu/neu\"].azurerm_virtual_network_peering.this");
  ASSERT_NE(nullptr, there);
  EXPECT_EQ("peer-" + e.names.region("neu", "vnet"), there->name);
  EXPECT_EQ("Microsoft.Network/virtualNetworks/virtualNetworkPeerings", there->arm_type);
  EXPECT_EQ(e.names.region("weu", "rg"), there->resource_group);
  EXPECT_NE(nullptr,
            find(e, "module.vnet_peering[\"neu/weu\"].azurerm_virtual_network_peering.this"));
}

TEST(Estate, PeeredRegionIsLinkedToTheRemoteZonesItLacks) {
  auto c = check(kPeered);
  estate::Estate e = estate::build_estate(c->model(), {});
  // North Europe reaches West Europe's storage through West Europe's zone;
  // it has a Key Vault zone of its own, which a VNet cannot link twice.
  EXPECT_EQ(std::vector<std::string>{"privatelink.blob.core.windows.net"},
            e.peerings[1].remote_zones);
  EXPECT_EQ(std::vector<std::string>{}, e.peerings[0].remote_zones);
  const estate::Resource* link =
      find(e,
           "module.vnet_peering[\"neu/weu\"].azurerm_private_dns_zone_virtual_network_link."
           "remote[\"privatelink.blob.core.windows.net\"]");
  ASSERT_NE(nullptr, link);
  EXPECT_EQ("link-" + e.names.region("neu", "vnet"), link->name);
  EXPECT_EQ(e.names.region("weu", "rg"), link->resource_group);
}

TEST(Estate, AVnetIsLinkedToOneZoneOfEachName) {
  // Two regions run storage, a third none: the third links the first peer's
  // blob zone only, as Azure refuses a second zone of the same name.
  auto c = check(replaced_once(kPeered, "services = [keyvault] }\n",
                               "services = [keyvault] }\n  region \"sec\" { location = swedencentral"
                               "  address = 10.4.0.0/16  services = [storage, keyvault] }\n"));
  estate::Estate e = estate::build_estate(c->model(), {});
  std::map<std::string, std::vector<std::string>> zones;
  for (const estate::VnetPeering& p : e.peerings) zones[p.key] = p.remote_zones;
  EXPECT_EQ(std::vector<std::string>{"privatelink.blob.core.windows.net"}, zones["neu/weu"]);
  EXPECT_EQ(std::vector<std::string>{}, zones["neu/sec"]);
  EXPECT_EQ(std::vector<std::string>{}, zones["weu/sec"]);
  EXPECT_EQ(std::vector<std::string>{}, zones["sec/weu"]);
}

TEST(Estate, PeeringNoneAndHub) {
  auto none = check(replaced_once(kPeered, "geography = eu-data-boundary",
                                  "geography = eu-data-boundary  peering = none"));
  EXPECT_TRUE(estate::build_estate(none->model(), {}).peerings.empty());
  std::string three =
      replaced_once(replaced_once(kPeered, "geography = eu-data-boundary",
                                  "geography = eu-data-boundary  peering = hub  hub = neu"),
                    "services = [keyvault] }\n",
                    "services = [keyvault] }\n  region \"sec\" { location = swedencentral  address "
                    "= 10.4.0.0/16  "
                    "services = [keyvault] }\n");
  auto hub = check(three);
  std::vector<std::string> keys;
  for (const estate::VnetPeering& p : estate::build_estate(hub->model(), {}).peerings) {
    keys.push_back(p.key);
  }
  EXPECT_EQ((std::vector<std::string>{"weu/neu", "neu/weu", "neu/sec", "sec/neu"}), keys);
}

// Props makes the object nlohmann's initializer list would: keys sorted, the
// last value of a key set twice, nested Props as objects.
TEST(EstateProps, MakesTheObjectAnInitializerListWould) {
  nlohmann::json built = estate::Props()
                             .set("b", 1)
                             .set("a", "x")
                             .set("nested", estate::Props().set("k", true))
                             .set("list", nlohmann::json::array_t{"one"})
                             .set("b", 2);
  EXPECT_EQ((nlohmann::json{{"a", "x"}, {"b", 2}, {"nested", {{"k", true}}}, {"list", {"one"}}}),
            built);
  EXPECT_EQ(R"({"a":"x","b":2,"list":["one"],"nested":{"k":true}})", built.dump());

  estate::Props named;
  named.set("z", nullptr);
  nlohmann::json taken = std::move(named);
  ASSERT_TRUE(taken.is_object());
  EXPECT_TRUE(taken.at("z").is_null());
  nlohmann::json empty = estate::Props();
  EXPECT_EQ("{}", empty.dump());
}

}  // namespace
}  // namespace topoc
