// `topoc diff`'s comparison: one test per kind of change, on topologies
// built into estates the way the command builds them.
#include "compiler/report/diff.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "compiler/driver/check.h"

namespace topoc::report {
namespace {

// One side: checked, then built into an estate that points into the check.
struct Built {
  driver::CheckResult check;
  std::optional<estate::Estate> estate;
  DiffSide side() const { return {&*estate, &check.files.front(), check.files.front().path()}; }
};

std::unique_ptr<Built> build(const std::string& path, const std::string& text) {
  auto b = std::make_unique<Built>();
  driver::check_source(b->check, path, text, {"", false});
  EXPECT_EQ(b->check.sink.error_count(), 0u) << path;
  if (b->check.sink.error_count() != 0 || !b->check.models.front()) return nullptr;
  b->estate.emplace(estate::build_estate(*b->check.models.front(), {}));
  return b;
}

Diff compare(const std::string& before, const std::string& after) {
  auto a = build("old.topo", before);
  auto b = build("new.topo", after);
  if (!a || !b) return {};
  return diff_sides(a->side(), b->side());
}

// Two boundaries, a region and a tenant in each, one Cosmos DB container.
// `{regions}`, `{tenants}` and `{extra}` are replaced by the tests.
std::string shop(std::string_view regions, std::string_view tenants,
                 std::string_view partition = "/tenantId", std::string_view storage = "ZRS") {
  return fmt::format(R"(topology "shop" {{
  naming {{ suffix = none }}
  boundary "us" {{ geography = united-states }}
  boundary "eu" {{ geography = eu-data-boundary }}
  region "east" {{
    location = eastus
    boundary = us
    failover = westus2
    address  = 10.1.0.0/16
    services = [storage, keyvault]
    storage {{ replication = {} }}
  }}
  region "weu" {{
    location = westeurope
    boundary = eu
    failover = germanywestcentral
    address  = 10.2.0.0/16
    services = [storage, keyvault]
    storage {{ replication = ZRS }}
  }}
{}
{}
  cosmos {{
    database = "shop"
    container "orders" {{ partition = "{}" }}
  }}
}}
)",
                     storage, regions, tenants, partition);
}

constexpr std::string_view kTenants = R"(  tenant "acme" { residency = us }
  tenant "globex" { residency = eu })";

const TenantDiff* tenant(const Diff& d, std::string_view name) {
  for (const TenantDiff& t : d.residency.tenants) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const ResourceDiff* resource(const Diff& d, std::string_view key) {
  for (const ResourceDiff& r : d.estate.resources) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

TEST(Diff, SameTopologyHasNoChange) {
  Diff d = compare(shop("", kTenants), shop("", kTenants));
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(render_text(d),
            "topoc diff `old.topo` -> `new.topo` (environment `prod`)\nNo changes.\n");
}

// A region added to the EU boundary widens where the EU tenant's data may be,
// not the US tenant's, and adds an assignment to the EU boundary's policy.
// A new region adds a replica to the global account of non-personal
// containers, which spans both boundaries: only the region's own boundary's
// tenants are widened, since non-personal data is no tenant's.
TEST(Diff, NonPersonalReplicaWidensNoOtherTenant) {
  auto with_config = [](std::string text) {
    const std::string orders = "container \"orders\" { partition = \"/tenantId\" }";
    text.replace(text.find(orders), orders.size(),
                 orders +
                     "\n    container \"config\" { partition = \"/configType\"  data = "
                     "non-personal }");
    return text;
  };
  const std::string pl = R"(  region "pl" {
    location = polandcentral
    boundary = eu
    address  = 10.3.0.0/16
  })";
  Diff d = compare(with_config(shop("", kTenants)), with_config(shop(pl, kTenants)));
  EXPECT_EQ(d.residency.widening_tenants(), 1u);
  EXPECT_EQ(nullptr, tenant(d, "acme"));
  ASSERT_NE(nullptr, tenant(d, "globex"));
  const auto& added = tenant(d, "globex")->new_locations;
  EXPECT_NE(std::find(added.begin(), added.end(), "polandcentral"), added.end());
}

TEST(Diff, NewRegionInAnotherBoundaryWidensThatBoundarysTenants) {
  // Poland Central has no pair, so its vault keeps its contents in the
  // region: the new region adds exactly one location.
  const std::string pl = R"(  region "pl" {
    location = polandcentral
    boundary = eu
    failover = westeurope
    address  = 10.3.0.0/16
    services = [storage, keyvault]
    storage { replication = ZRS }
  })";
  Diff d = compare(shop("", kTenants), shop(pl, kTenants));
  ASSERT_EQ(d.residency.tenants.size(), 1u);
  const TenantDiff& globex = d.residency.tenants[0];
  EXPECT_EQ(globex.name, "globex");
  EXPECT_TRUE(globex.widens());
  EXPECT_EQ(globex.new_locations, std::vector<std::string>{"polandcentral"});
  EXPECT_TRUE(globex.removed_locations.empty());
  EXPECT_EQ(d.residency.widening_tenants(), 1u);
  ASSERT_FALSE(globex.new_placements.empty());
  EXPECT_EQ(globex.new_placements[0].kind, "primary");
  EXPECT_EQ(globex.new_placements[0].location, "polandcentral");
  ASSERT_EQ(globex.new_placements[0].sources.size(), 1u);
  EXPECT_EQ(globex.new_placements[0].sources[0].resource, "azurerm_resource_group.region[\"pl\"]");
  ASSERT_FALSE(globex.new_placements[0].sources[0].reasons.empty());
  EXPECT_EQ(globex.new_placements[0].sources[0].reasons[0].line, 22u);
  ASSERT_EQ(d.residency.boundaries.size(), 1u);
  EXPECT_EQ(d.residency.boundaries[0].name, "eu");
  EXPECT_TRUE(d.residency.boundaries[0].allowed_added.empty());
  ASSERT_FALSE(d.residency.boundaries[0].resources.empty());
  EXPECT_EQ(d.residency.boundaries[0].resources[0].change, ResourceChangeKind::kAdded);
  EXPECT_EQ(d.residency.boundaries[0].resources[0].key,
            "module.residency_policy[\"eu\"].azurerm_resource_group_policy_assignment."
            "allowed_locations[\"region-pl\"]");
  EXPECT_EQ(d.estate.destructive(), 0u);
  EXPECT_EQ(d.estate.count(ResourceChangeKind::kRemoved), 0u);
  EXPECT_NE(resource(d, "azurerm_resource_group.region[\"pl\"]"), nullptr);
}

TEST(Diff, TenantMovedBetweenBoundaries) {
  const std::string moved = R"(  tenant "acme" { residency = eu }
  tenant "globex" { residency = eu })";
  Diff d = compare(shop("", kTenants), shop("", moved));
  ASSERT_EQ(d.residency.tenants.size(), 1u);
  const TenantDiff& acme = d.residency.tenants[0];
  EXPECT_EQ(acme.name, "acme");
  EXPECT_TRUE(acme.moved());
  EXPECT_EQ(acme.old_boundary, "us");
  EXPECT_EQ(acme.new_boundary, "eu");
  EXPECT_TRUE(acme.widens());
  // The vaults' copies in the pairs move too: westus for eastus,
  // northeurope for westeurope.
  EXPECT_EQ(acme.new_locations,
            (std::vector<std::string>{"germanywestcentral", "northeurope", "westeurope"}));
  EXPECT_EQ(acme.removed_locations, (std::vector<std::string>{"eastus", "westus", "westus2"}));
  // Nothing in the estate depends on which tenant is where.
  EXPECT_TRUE(d.estate.resources.empty());
}

TEST(Diff, PartitionKeyChangeIsDestructive) {
  Diff d = compare(shop("", kTenants), shop("", kTenants, "/customerId"));
  EXPECT_TRUE(d.residency.tenants.empty());
  // One account per boundary, each with the container.
  ASSERT_EQ(d.estate.resources.size(), 2u);
  EXPECT_EQ(d.estate.resources[0].key,
            "module.cosmos[\"eu\"].azurerm_cosmosdb_sql_container.this[\"orders\"]");
  EXPECT_EQ(d.estate.resources[1].key,
            "module.cosmos[\"us\"].azurerm_cosmosdb_sql_container.this[\"orders\"]");
  for (const ResourceDiff& r : d.estate.resources) {
    EXPECT_EQ(r.change, ResourceChangeKind::kChanged);
    EXPECT_EQ(r.type, "azurerm_cosmosdb_sql_container");
    EXPECT_TRUE(r.destructive);
    EXPECT_EQ(r.destruction,
              "partition key `[\"/tenantId\"]` to `[\"/customerId\"]`: fixed when the container is "
              "created");
    ASSERT_EQ(r.properties.size(), 1u);
    EXPECT_EQ(r.properties[0].name, "partition_key_paths");
    EXPECT_EQ(r.properties[0].before, nlohmann::json::array({"/tenantId"}));
    EXPECT_EQ(r.properties[0].after, nlohmann::json::array({"/customerId"}));
  }
}

TEST(Diff, ReplicationFamilyChangeIsDestructiveWithinAFamilyIsNot) {
  Diff across =
      compare(shop("", kTenants, "/tenantId", "ZRS"), shop("", kTenants, "/tenantId", "LRS"));
  ASSERT_EQ(across.estate.destructive(), 1u);
  for (const ResourceDiff& r : across.estate.resources) {
    if (!r.destructive) continue;
    EXPECT_EQ(r.type, "azurerm_storage_account");
    EXPECT_EQ(r.destruction,
              "replication `ZRS` to `LRS`: azurerm replaces an account that moves between "
              "zone-redundant and other kinds");
  }
  Diff within =
      compare(shop("", kTenants, "/tenantId", "ZRS"), shop("", kTenants, "/tenantId", "GZRS"));
  EXPECT_EQ(within.estate.destructive(), 0u);
  EXPECT_FALSE(within.estate.resources.empty());
}

// A region moved to another location: its stateful resources are replaced.
TEST(Diff, RelocatedStatefulResourcesAreDestructive) {
  std::string after = shop("", kTenants);
  after.replace(after.find("location = westeurope"), 21, "location = polandcentral");
  Diff d = compare(shop("", kTenants), after);
  const ResourceDiff* storage = resource(d, "module.storage[\"weu\"].azurerm_storage_account.this");
  ASSERT_NE(storage, nullptr);
  EXPECT_TRUE(storage->destructive);
  EXPECT_EQ(storage->destruction,
            "moved from `westeurope` to `polandcentral`: Azure cannot move it");
  const ResourceDiff* vault = resource(d, "module.keyvault[\"weu\"].azurerm_key_vault.this");
  ASSERT_NE(vault, nullptr);
  EXPECT_TRUE(vault->destructive);
  // The subnet moves with its network but holds no data.
  for (const ResourceDiff& r : d.estate.resources) {
    if (r.type == "azurerm_subnet") {
      EXPECT_FALSE(r.destructive);
    }
  }
  const TenantDiff* globex = tenant(d, "globex");
  ASSERT_NE(globex, nullptr);
  EXPECT_TRUE(globex->widens());
  EXPECT_EQ(globex->new_locations, std::vector<std::string>{"polandcentral"});
  // West Europe's vault copied to its pair; Poland Central has none.
  EXPECT_EQ(globex->removed_locations, (std::vector<std::string>{"northeurope", "westeurope"}));
}

// A Redis geo-replica puts the EU tenant's cache data in a second location.
TEST(Diff, ReplicaAddedIsANewPlacement) {
  auto with_redis = [](std::string_view replica) {
    return fmt::format(R"(topology "cache" {{
  naming {{ suffix = none }}
  boundary "eu" {{ geography = eu-data-boundary }}
  region "weu" {{
    location = westeurope
    boundary = eu
    failover = northeurope
    address  = 10.2.0.0/16
    services = [redis]
    redis {{ sku = premium  capacity = 1 {} }}
  }}
  tenant "globex" {{ residency = eu }}
}}
)",
                       replica);
  };
  Diff d = compare(with_redis(""), with_redis("geo_replica = francecentral"));
  ASSERT_EQ(d.residency.tenants.size(), 1u);
  const TenantDiff& globex = d.residency.tenants[0];
  EXPECT_TRUE(globex.widens());
  EXPECT_EQ(globex.new_locations, std::vector<std::string>{"francecentral"});
  bool replica = false;
  for (const NewPlacement& p : globex.new_placements) {
    if (p.kind == "replica" && p.location == "francecentral") replica = true;
  }
  EXPECT_TRUE(replica);
  EXPECT_GT(d.estate.count(ResourceChangeKind::kAdded), 0u);
}

TEST(Diff, RemovedRegionDestroysItsStatefulResources) {
  // Poland Central has no pair, so its vault keeps its contents in the
  // region: the new region adds exactly one location.
  const std::string pl = R"(  region "pl" {
    location = polandcentral
    boundary = eu
    failover = westeurope
    address  = 10.3.0.0/16
    services = [storage, keyvault]
    storage { replication = ZRS }
  })";
  Diff d = compare(shop(pl, kTenants), shop("", kTenants));
  const ResourceDiff* storage = nullptr;
  for (const ResourceDiff& r : d.estate.resources) {
    if (r.type == "azurerm_storage_account") storage = &r;
  }
  ASSERT_NE(storage, nullptr);
  EXPECT_EQ(storage->change, ResourceChangeKind::kRemoved);
  EXPECT_TRUE(storage->destructive);
  EXPECT_EQ(storage->destruction, "removed: Terraform would destroy it and its data");
  const TenantDiff* globex = tenant(d, "globex");
  ASSERT_NE(globex, nullptr);
  EXPECT_FALSE(globex->widens());
  EXPECT_EQ(globex->removed_locations, std::vector<std::string>{"polandcentral"});
}

TEST(Diff, RegionRenamedWithRenamedFromIsMovedNotReplaced) {
  const std::string before = shop("", kTenants);
  std::string after = before;
  after.replace(after.find("region \"weu\" {"), 14,
                "region \"west\" {\n    renamed_from = \"weu\"");
  Diff d = compare(before, after);
  EXPECT_EQ(d.estate.destructive(), 0u);
  EXPECT_GT(d.estate.count(ResourceChangeKind::kMoved), 0u);
  const ResourceDiff* storage =
      resource(d, "module.storage[\"west\"].azurerm_storage_account.this");
  ASSERT_NE(storage, nullptr);
  EXPECT_EQ(storage->change, ResourceChangeKind::kMoved);
  EXPECT_EQ(storage->old_key, "module.storage[\"weu\"].azurerm_storage_account.this");
  EXPECT_TRUE(storage->properties.empty());
  EXPECT_EQ(d.residency.widening_tenants(), 0u);
}

// Thousands of tenants moved: the comment stays under the limit, keeps the
// headline and the widening table's first rows, and says what it cut.
TEST(DiffMarkdown, HugeChangeStaysUnderTheCommentLimit) {
  std::string before_tenants, after_tenants;
  for (int i = 0; i < 3000; ++i) {
    before_tenants += fmt::format("  tenant \"tenant-{:04}\" {{ residency = us }}\n", i);
    after_tenants += fmt::format("  tenant \"tenant-{:04}\" {{ residency = eu }}\n", i);
  }
  Diff d = compare(shop("", before_tenants), shop("", after_tenants));
  ASSERT_EQ(d.residency.widening_tenants(), 3000u);
  std::string md = render_markdown(d);
  EXPECT_LT(md.size(), kMarkdownLimit);
  EXPECT_GT(md.size(), kMarkdownLimit - 2000);  // cut to the limit, not far below it
  EXPECT_TRUE(md.starts_with(
      "## topoc diff\n\n`old.topo` → `new.topo`, environment `prod`\n\n> [!CAUTION]\n> "
      "**Residency widening:** the data of 3000 tenants may reach locations it could not reach "
      "before.\n\n| Tenant | Boundary | May now reach |\n|---|---|---|\n| `tenant-0000` | `us` → "
      "`eu` "
      "| "
      "`germanywestcentral`, `northeurope`, `westeurope` |\n"))
      << md.substr(0, 600);
  EXPECT_NE(md.find("more not shown; `topoc diff --format json` lists everything._"),
            std::string::npos);
  // The least important sections went first: no placement row survived,
  // while the widening table kept rows.
  EXPECT_EQ(md.find("| `tenant-0000` | primary |"), std::string::npos);
  // A tighter limit keeps the headline and cuts the widening table itself.
  std::string small = render_markdown(d, 2000);
  EXPECT_LT(small.size(), 2000u);
  EXPECT_NE(small.find("**Residency widening:** the data of 3000 tenants"), std::string::npos);
  EXPECT_NE(small.find("_2"), std::string::npos);
}

TEST(DiffMarkdown, UserTextIsEscaped) {
  const std::string evil = R"(  tenant "acme" { residency = us }
  tenant "globex" { residency = eu })";
  std::string before = shop("", evil);
  std::string after = before;
  after.replace(after.find("tenant \"acme\" { residency = us }"), 33,
                "tenant \"a|<b>`x\" { residency = eu }");
  Diff d = compare(before, after);
  std::string md = render_markdown(d);
  EXPECT_EQ(md.find("<b>"), std::string::npos);
  EXPECT_NE(md.find("| ``a\\|&lt;b&gt;`x`` | `eu` | added |"), std::string::npos) << md;
}

}  // namespace
}  // namespace topoc::report
