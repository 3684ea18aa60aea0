// `topoc build` guarding stateful resources: the X004 and L002-L004 warnings
// against the previous build's manifest, `prevent_destroy` in the modules,
// and the `moved` blocks of a region renamed with `renamed_from`.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace topoc::testing {
namespace cli_lifecycle_test {

namespace fs = std::filesystem;

struct BuildRun {
  int exit_code = -1;
  std::string err;
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t count(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The shop topology; `region`, `naming`, `storage` and `partition` vary.
struct Shop {
  std::string naming = "naming { suffix = none }";
  std::string region = "region \"weu\" {";
  std::string location = "westeurope";
  std::string replication = "LRS";
  std::string partition = "/tenantId";
  std::string extra_container;
  std::string top;

  std::string text() const {
    return fmt::format(R"(topology "shop" {{
  {}{}
  boundary "eu" {{ geography = eu-data-boundary }}
  {}
    location = {}
    address  = 10.1.0.0/16
    services = [storage, keyvault]
    storage {{ replication = {} }}
  }}
  cosmos {{
    container "orders" {{ partition = "{}" }}{}
  }}
}}
)",
                       naming, top, region, location, replication, partition, extra_container);
  }
};

class CliLifecycle : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "topoc-lifecycle-test-XXXXXX").string();
    ASSERT_NE(nullptr, ::mkdtemp(pattern.data()));
    root_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  BuildRun build(const Shop& shop, const std::string& target = "terraform") {
    std::ofstream(root_ / "shop.topo", std::ios::binary) << shop.text();
    std::string command = fmt::format(
        "cd '{}' && '{}' build shop.topo -o out --target {} --color never "
        ">/dev/null 2>stderr",
        root_.string(), TOPOC_BINARY, target);
    int status = std::system(command.c_str());
    BuildRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = read(root_ / "stderr");
    return run;
  }

  // The first line of each diagnostic: "shop.topo:L:C: warning[CODE]: ...".
  std::vector<std::string> headlines(const BuildRun& run) {
    std::vector<std::string> out;
    std::istringstream in(run.err);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("shop.topo:", 0) == 0) out.push_back(line);
    }
    return out;
  }

  fs::path root_;
};

TEST_F(CliLifecycle, TopologyWithoutNamingBlockGetsX004) {
  Shop shop;
  shop.naming = "";
  BuildRun run = build(shop);
  EXPECT_EQ(0, run.exit_code) << run.err;
  EXPECT_EQ(std::vector<std::string>{"shop.topo:1:10: warning[X004]: topology `shop` does not say "
                                     "whether its globally unique names carry a suffix, so they "
                                     "have none and may collide with another estate's"},
            headlines(run))
      << run.err;
  EXPECT_NE(std::string::npos, run.err.find("help: for a new deployment add `naming { suffix = "
                                            "auto }`; for one already deployed add `naming { "
                                            "suffix = none }`, which keeps its names"))
      << run.err;
}

TEST_F(CliLifecycle, FirstBuildAndUnchangedRebuildWarnNothing) {
  Shop shop;
  EXPECT_EQ("", build(shop).err);
  EXPECT_EQ("", build(shop).err);
}

TEST_F(CliLifecycle, SwitchingTheSuffixOnIsL002ForEveryRenamedStatefulResource) {
  Shop shop;
  ASSERT_EQ(0, build(shop).exit_code);
  shop.naming = "naming { suffix = auto }";
  BuildRun run = build(shop);
  EXPECT_EQ(0, run.exit_code) << run.err;
  EXPECT_EQ((std::vector<std::string>{
                "shop.topo:2:21: warning[L002]: Cosmos DB account `cosno-shop-eu-prod` would be "
                "renamed `cosno-shop-eu-prod-0f94d0`; Azure cannot rename it, so Terraform would "
                "replace it and its data would be lost",
                "shop.topo:2:21: warning[L002]: key vault `kv-shop-weu-prod` would be renamed "
                "`kv-shop-weu-prod-0f94d0`; Azure cannot rename it, so Terraform would replace it "
                "and its data would be lost",
                "shop.topo:2:21: warning[L002]: storage account `stshopweuprod` would be renamed "
                "`stshopweuprod0f94d0`; Azure cannot rename it, so Terraform would replace it and "
                "its data would be lost",
            }),
            headlines(run))
      << run.err;
  EXPECT_NE(std::string::npos,
            run.err.find("help: to keep the deployed names, write `naming { suffix = none }`"))
      << run.err;
}

TEST_F(CliLifecycle, MovingARegionIsL003) {
  Shop shop;
  ASSERT_EQ(0, build(shop).exit_code);
  shop.location = "northeurope";
  BuildRun run = build(shop);
  EXPECT_EQ((std::vector<std::string>{
                "shop.topo:5:16: warning[L003]: key vault `kv-shop-weu-prod` would move from "
                "`westeurope` to `northeurope`; Azure cannot move it, so Terraform would replace "
                "it and its data would be lost",
                "shop.topo:5:16: warning[L003]: storage account `stshopweuprod` would move from "
                "`westeurope` to `northeurope`; Azure cannot move it, so Terraform would replace "
                "it and its data would be lost",
                "shop.topo:10:3: warning[L003]: Cosmos DB account `cosno-shop-eu-prod` would move "
                "from `westeurope` to `northeurope`; Azure cannot move it, so Terraform would "
                "replace it and its data would be lost",
            }),
            headlines(run))
      << run.err;
}

// azurerm v4.55.0 replaces a storage account only when its replication
// crosses between the zone-redundant kinds and the others.
TEST_F(CliLifecycle, ReplicationAcrossZoneRedundancyIsL004WithinIsNot) {
  Shop shop;
  ASSERT_EQ(0, build(shop).exit_code);
  shop.replication = "GRS";
  EXPECT_EQ(std::vector<std::string>{}, headlines(build(shop)));
  shop.replication = "GZRS";
  BuildRun run = build(shop);
  EXPECT_EQ(std::vector<std::string>{"shop.topo:8:29: warning[L004]: storage account "
                                     "`stshopweuprod` would change replication from `GRS` to "
                                     "`GZRS`; azurerm replaces an account that moves between "
                                     "zone-redundant and other kinds, and its data would be lost"},
            headlines(run))
      << run.err;
}

TEST_F(CliLifecycle, PartitionKeyChangeIsL004) {
  Shop shop;
  ASSERT_EQ(0, build(shop).exit_code);
  shop.partition = "/customerId";
  BuildRun run = build(shop);
  EXPECT_EQ(std::vector<std::string>{"shop.topo:11:38: warning[L004]: Cosmos DB container "
                                     "`orders` would change its partition key from "
                                     "[\"/tenantId\"] to [\"/customerId\"]; a partition key is "
                                     "fixed at creation, so Terraform would replace the "
                                     "container and its items would be lost"},
            headlines(run))
      << run.err;
}

TEST_F(CliLifecycle, RemovedContainerIsL002) {
  Shop shop;
  shop.extra_container = "\n    container \"carts\" { partition = \"/tenantId\" }";
  ASSERT_EQ(0, build(shop).exit_code);
  shop.extra_container = "";
  BuildRun run = build(shop);
  EXPECT_EQ(std::vector<std::string>{"shop.topo:1:10: warning[L002]: Cosmos DB container `carts` "
                                     "(`module.cosmos[\"eu\"].azurerm_cosmosdb_sql_container.this"
                                     "[\"carts\"]`) is no longer in the topology; Terraform would "
                                     "destroy it and its data"},
            headlines(run))
      << run.err;
}

// A Bicep-only build has no manifest of its own but is compared all the same.
TEST_F(CliLifecycle, BicepBuildIsComparedToo) {
  Shop shop;
  ASSERT_EQ(0, build(shop, "all").exit_code);
  shop.replication = "ZRS";
  BuildRun run = build(shop, "bicep");
  EXPECT_EQ(1u, headlines(run).size()) << run.err;
  EXPECT_NE(std::string::npos, run.err.find("warning[L004]")) << run.err;
}

TEST_F(CliLifecycle, UnreadablePreviousManifestIsNotCompared) {
  Shop shop;
  ASSERT_EQ(0, build(shop).exit_code);
  std::ofstream(root_ / "out/environments/prod/topoc.manifest.json", std::ios::trunc) << "{ not json";
  shop.location = "northeurope";
  EXPECT_EQ(std::vector<std::string>{}, headlines(build(shop)));
}

TEST_F(CliLifecycle, RenamedRegionKeepsNamesGetsMovedBlocksAndNoWarning) {
  Shop shop;
  ASSERT_EQ(0, build(shop).exit_code);
  shop.region = "region \"west\" {\n    renamed_from = \"weu\"";
  BuildRun run = build(shop);
  EXPECT_EQ(0, run.exit_code) << run.err;
  EXPECT_EQ(std::vector<std::string>{}, headlines(run)) << run.err;
  EXPECT_EQ(R"(# Generated by topoc from topology "shop" (prod).
# Regions renamed with `renamed_from` keep their Azure names; these blocks move
# their Terraform addresses so that nothing is destroyed and created again.
# Keep them until every environment has been applied once (docs/lifecycle.md).

moved {
  from = azurerm_resource_group.region["weu"]
  to   = azurerm_resource_group.region["west"]
}

moved {
  from = module.cosmos["eu"].azurerm_private_endpoint.this["weu"]
  to   = module.cosmos["eu"].azurerm_private_endpoint.this["west"]
}

moved {
  from = module.keyvault["weu"]
  to   = module.keyvault["west"]
}

moved {
  from = module.network["weu"]
  to   = module.network["west"]
}

moved {
  from = module.private_dns["weu"]
  to   = module.private_dns["west"]
}

moved {
  from = module.residency_policy["eu"].azurerm_resource_group_policy_assignment.allowed_locations["region-weu"]
  to   = module.residency_policy["eu"].azurerm_resource_group_policy_assignment.allowed_locations["region-west"]
}

moved {
  from = module.storage["weu"]
  to   = module.storage["west"]
}
)",
            read(root_ / "out/environments/prod/moved.tf"));
  EXPECT_NE(std::string::npos,
            read(root_ / "out/environments/prod/main.tf").find("azurerm_resource_group"));
}

TEST_F(CliLifecycle, StatefulResourcesArePreventedFromDestructionUnlessSwitchedOff) {
  Shop shop;
  ASSERT_EQ(0, build(shop).exit_code);
  std::string cosmos = read(root_ / "out/modules/global/cosmosdb/main.tf");
  std::string storage = read(root_ / "out/modules/regional/storage/main.tf");
  std::string vault = read(root_ / "out/modules/regional/keyvault/main.tf");
  EXPECT_EQ(3u, count(cosmos, "    prevent_destroy = true\n"));
  // The account and the object replication destination (`replicate_to`).
  EXPECT_EQ(2u, count(storage, "    prevent_destroy = true\n"));
  EXPECT_EQ(1u, count(vault, "    prevent_destroy = true\n"));
  shop.top = "\n  prevent_destroy = false";
  ASSERT_EQ(0, build(shop).exit_code);
  cosmos = read(root_ / "out/modules/global/cosmosdb/main.tf");
  EXPECT_EQ(0u, count(cosmos, "prevent_destroy = true"));
  EXPECT_EQ(3u, count(cosmos, "    prevent_destroy = false\n"));
  EXPECT_EQ(2u, count(read(root_ / "out/modules/regional/storage/main.tf"),
                      "    prevent_destroy = false\n"));
  EXPECT_EQ(1u, count(read(root_ / "out/modules/regional/keyvault/main.tf"),
                      "    prevent_destroy = false\n"));
}

}  // namespace cli_lifecycle_test
}  // namespace topoc::testing
