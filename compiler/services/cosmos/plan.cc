// Cosmos DB: one account per boundary over that boundary's regions and
// failovers, or one shared account over an explicit `locations` list, each
// in a data resource group with its database, containers and private
// endpoints. A per-boundary account only replicates where its regions
// already are (their placements are checked); the shared account replicates
// every holder's data to every listed location (rule R003). Containers
// declared `data = non-personal` go to one global account over every
// region's location instead, whose placements carry that class.
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/estate/add_resource.h"
#include "compiler/estate/properties.h"
#include "compiler/residency/wordings.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/services/cosmos/diagnostics.h"
#include "compiler/services/registry.h"

namespace topoc::services::cosmos {
namespace {

using estate::instance;
using estate::Placement;
using estate::PlacementKind;
using nlohmann::json;

// Boundaries whose data an account holds: its own, or for the shared account
// every boundary with a tenant or a region.
std::vector<size_t> holders_of(const estate::Estate& e, const estate::CosmosAccount& a) {
  const model::Topology& t = *e.topology;
  std::vector<bool> holds(t.boundaries.size(), false);
  if (a.boundary) {
    holds[static_cast<size_t>(a.boundary - t.boundaries.data())] = true;
  } else {
    for (const model::Tenant& tenant : t.tenants) {
      if (const model::Boundary* b = rules::boundary_of(t, tenant)) {
        holds[static_cast<size_t>(b - t.boundaries.data())] = true;
      }
    }
    for (const model::Region& r : t.regions) {
      if (const model::Boundary* b = rules::boundary_of(t, r)) {
        holds[static_cast<size_t>(b - t.boundaries.data())] = true;
      }
    }
  }
  std::vector<size_t> out;
  for (size_t i = 0; i < holds.size(); ++i) {
    if (holds[i]) out.push_back(i);
  }
  return out;
}

// The global account holds only containers declared non-personal: its
// placements carry that class, so the engine records an exemption where
// they leave a boundary, its reasons leading to each `data` line.
void non_personal_placements(const estate::CosmosAccount& a, estate::Resource& res) {
  std::vector<estate::ReasonStep> reasons;
  for (const model::Container* ct : a.containers) {
    reasons.push_back({ct->data.location,
                       fmt::format("container `{}` is declared `data = non-personal`", ct->name)});
  }
  auto place = [&](PlacementKind kind, std::vector<std::string> locations, std::string text) {
    Placement p{kind, std::move(locations)};
    if (kind != PlacementKind::kPrimary) p.from = a.location;
    p.reasons = reasons;
    p.reasons.push_back({a.containers.front()->data.location, std::move(text)});
    p.data_class = model::DataClass::kNonPersonal;
    res.placements.push_back(std::move(p));
  };
  place(PlacementKind::kPrimary, {a.location},
        fmt::format("non-personal containers go to the global account `{}`, written in `{}`, "
                    "the first region's location",
                    a.name, a.location));
  std::vector<std::string> replicas;
  for (const estate::GeoLocation& g : a.geo_locations) {
    if (g.failover_priority > 0) replicas.push_back(g.location);
  }
  if (!replicas.empty()) {
    place(
        PlacementKind::kReplica, std::move(replicas),
        fmt::format("the global account `{}` keeps a replica in every region's location", a.name));
  }
}

void placements(const estate::Estate& e, const estate::CosmosAccount& a, estate::Resource& res) {
  const model::Cosmos& c = *e.topology->cosmos;
  if (a.non_personal) {
    non_personal_placements(a, res);
  } else if (!a.boundary) {
    Placement p{PlacementKind::kReplica};
    for (const estate::GeoLocation& g : a.geo_locations) p.locations.push_back(g.location);
    p.from = a.location;
    p.reasons.push_back({c.locations.front().location,
                         fmt::format("`cosmos {{ locations = [...] }}` makes one account `{}` for "
                                     "every tenant, replicated to {} location(s)",
                                     a.name, p.locations.size())});
    p.wording = residency::cosmos_spans_boundaries;
    res.placements.push_back(std::move(p));
  } else {
    for (const estate::GeoLocation& g : a.geo_locations) {
      Placement p{g.failover_priority == 0 ? PlacementKind::kPrimary : PlacementKind::kReplica,
                  {g.location}};
      p.reasons.push_back({a.boundary->location,
                           fmt::format("the account `{}` of boundary `{}` replicates to `{}`, a "
                                       "location or failover of one of its regions",
                                       a.name, a.boundary->name, g.location)});
      p.checked = false;  // the regions' own placements are checked
      res.placements.push_back(std::move(p));
    }
  }
  if (c.backup.value == "Periodic" && estate::periodic_backup_redundancy(a) == "Geo") {
    const catalog::RegionInfo* info = catalog::find_region(a.location);
    Placement p{PlacementKind::kBackupCopy, {catalog::normalise_location(info->paired)}};
    p.from = a.location;
    p.reasons.push_back({c.backup.location,
                         fmt::format("`backup = \"Periodic\"` keeps geo-redundant backups of `{}` "
                                     "in `{}`, the Azure pair of its write region",
                                     a.name, p.locations[0])});
    p.checked = false;  // only chosen when the pair is one of the account's own locations
    if (a.non_personal) p.data_class = model::DataClass::kNonPersonal;
    res.placements.push_back(std::move(p));
  }
}

// The account's diagnostic setting, inside its module (so in the account's
// resource group: a Bicep extension resource cannot reach a resource in
// another group from the region's deployment), to the workspace of a region
// of the account's own boundary (log_region). A log-sink placement, checked
// against the boundary like any other.
void diagnostic_setting(estate::Estate& e, const estate::CosmosAccount& a,
                        const std::vector<size_t>& holders) {
  const model::Topology& t = *e.topology;
  const model::Region* ws = log_region(t, a);
  if (!ws) return;
  const std::string k = instance(a.key);
  const std::string& workspace = e.names.region(ws->key, "log");
  auto& res = estate::add_resource(
      e, "module.cosmos" + k + ".azurerm_monitor_diagnostic_setting.this[0]",
      "azurerm_monitor_diagnostic_setting", e.names.region(ws->key, "diag"), "", a.boundary->name,
      a.resource_group,
      {{"target_resource_name", a.name},
       {"log_analytics_workspace_name", workspace},
       {"workspace_region", ws->key},
       {"enabled_log_category_groups", json::array()},
       {"enabled_log_categories",
        {"ControlPlaneRequests", "DataPlaneRequests", "PartitionKeyRUConsumption",
         "PartitionKeyStatistics", "QueryRuntimeStatistics"}},
       {"enabled_metric_categories", json::array()}},
      false);
  res.source = ws->monitoring->location;
  res.holders = holders;
  res.depends_on = {"module.cosmos" + k + ".azurerm_cosmosdb_account.this",
                    "module.monitoring" + instance(ws->key) +
                        ".azurerm_log_analytics_workspace.this"};
  Placement p;
  p.kind = PlacementKind::kLogSink;
  p.locations = {ws->location.value};
  p.reasons.push_back(
      {ws->monitoring->location,
       fmt::format("diagnostic logs of `{}` land in workspace `{}` in {}, the workspace of `region "
                   "\"{}\"`, the first region of boundary `{}` that sets `monitoring {{ ... }}`",
                   a.name, workspace, ws->location.value, ws->key, a.boundary->name)});
  res.placements.push_back(std::move(p));
}

void plan_account(estate::Estate& e, const estate::CosmosAccount& a) {
  const model::Cosmos& c = *e.topology->cosmos;
  const std::string& rg = a.resource_group;
  const std::string boundary = a.boundary ? a.boundary->name : "";
  const std::string k = instance(a.key);
  std::vector<size_t> holders = holders_of(e, a);
  auto add = [&](std::string key, std::string_view type, std::string_view name,
                 std::string_view resource_group, json props, bool tagged) -> estate::Resource& {
    auto& res = estate::add_resource(e, std::move(key), type, name, a.location, boundary,
                                     resource_group, std::move(props), tagged);
    res.source = c.location;
    res.holders = holders;
    return res;
  };
  add("azurerm_resource_group.data" + k, "azurerm_resource_group", rg, "", nullptr, true);
  json geo = json::array();
  for (const estate::GeoLocation& g : a.geo_locations) {
    geo.push_back({{"location", g.location},
                   {"failover_priority", g.failover_priority},
                   {"zone_redundant", g.zone_redundant}});
  }
  json consistency = {{"consistency_level", model::to_string(c.consistency.value)}};
  if (c.consistency.value == model::Consistency::kBoundedStaleness) {
    consistency["max_interval_in_seconds"] = c.max_staleness_seconds.value;
    consistency["max_staleness_prefix"] = c.max_staleness_prefix.value;
  }
  json backup = c.backup.value == "Periodic"
                    ? json{{"type", "Periodic"},
                           {"storage_redundancy", estate::periodic_backup_redundancy(a)}}
                    : json{{"type", "Continuous"}, {"tier", c.backup.value}};
  auto& account = add("module.cosmos" + k + ".azurerm_cosmosdb_account.this",
                      "azurerm_cosmosdb_account", a.name, rg,
                      {{"kind", "GlobalDocumentDB"},
                       {"consistency_policy", consistency},
                       {"geo_location", geo},
                       {"multiple_write_locations_enabled", c.multi_write.value},
                       {"automatic_failover_enabled", c.automatic_failover.value},
                       {"public_network_access_enabled", false},
                       {"backup", backup}},
                      true);
  account.depends_on.push_back("azurerm_resource_group.data" + k);
  placements(e, a, account);
  diagnostic_setting(e, a, holders);
  if (e.placements_only) return;
  add("module.cosmos" + k + ".azurerm_cosmosdb_sql_database.this", "azurerm_cosmosdb_sql_database",
      a.database, rg, nullptr, false)
      .source = c.database.location;
  for (const model::Container* held : a.containers) {
    const model::Container& ct = *held;
    const std::string name_key = a.name_base + ".container." + ct.name;
    bool custom = ct.conflict.value == model::ConflictPolicy::kCustom && ct.procedure;
    estate::Props conflict = custom ? estate::Props()
                                          .set("mode", "Custom")
                                          .set("conflict_resolution_procedure",
                                               fmt::format("dbs/{}/colls/{}/sprocs/{}", a.database,
                                                           ct.name, ct.procedure->name))
                                    : estate::Props()
                                          .set("mode", "LastWriterWins")
                                          .set("conflict_resolution_path", ct.conflict_path.value);
    add("module.cosmos" + k + ".azurerm_cosmosdb_sql_container.this" + instance(ct.name),
        "azurerm_cosmosdb_sql_container", e.names.get(name_key), rg,
        estate::Props()
            .set("partition_key_paths", json::array_t{json(ct.partition_key.value)})
            .set("default_ttl", ct.ttl_seconds.value == 0 ? json() : json(ct.ttl_seconds.value))
            .set("autoscale_max_throughput", ct.max_throughput.value)
            .set("conflict_resolution_policy", std::move(conflict)),
        false)
        .source = ct.location;
    if (custom) {
      add("module.cosmos" + k + ".azurerm_cosmosdb_sql_stored_procedure.this" + instance(ct.name),
          "azurerm_cosmosdb_sql_stored_procedure", e.names.get(name_key + ".procedure"), rg,
          {{"container_name", ct.name}}, false)
          .source = ct.procedure->location;
    }
  }
  for (const model::Region* r : a.endpoint_regions) {
    estate::add_regional(
        e, *r, "module.cosmos" + k + ".azurerm_private_endpoint.this" + instance(r->key),
        "azurerm_private_endpoint",
        e.names.region(r->key, a.non_personal ? "pep.cosmos_global" : "pep.cosmos"),
        r->location.value, estate::Props().set("subresource_names", json::array_t{"Sql"}), true);
  }
}

}  // namespace

void plan(estate::Estate& e) {
  if (!e.topology->cosmos) return;
  for (const estate::CosmosAccount& a : e.cosmos) plan_account(e, a);
}

}  // namespace topoc::services::cosmos
