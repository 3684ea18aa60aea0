// A region's PostgreSQL flexible server: the server (primary), the copy of
// its backups in the Azure pair when geo-redundant backup is on (backup
// copy, R011), each read replica (replica, R010), its databases, virtual
// endpoint, private endpoints and the server parameters alerts need.
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/estate/add_resource.h"
#include "compiler/services/postgres/geo_backup.h"
#include "compiler/services/postgres/server_parameters.h"
#include "compiler/services/postgres/storage_sizes.h"
#include "compiler/services/registry.h"

namespace topoc::services::postgres {
namespace {

// What drift compares on the server and each replica (compiler/drift).
nlohmann::json server_properties(const model::Postgres& pg) {
  return {{"sku_name", pg.sku.value},
          {"version", pg.version.value},
          {"storage_mb", storage_mb(pg.storage_gb.value)},
          {"auto_grow_enabled", pg.autogrow.value},
          {"public_network_access_enabled", false}};
}

// Geo-redundant backup copies backups to the pair of the server's location;
// where there is no pair, or Azure withholds it, Azure refuses the setting
// (rule S012), and there is no copy to place.
void place_backup_copy(const model::Region& r, const model::Postgres& pg, const std::string& name,
                       estate::Resource& server) {
  if (!pg.geo_redundant_backup.value) return;
  const catalog::RegionInfo* info = catalog::find_region(r.location.value);
  if (!info || info->paired.empty() || geo_backup_withheld(info->name)) return;
  estate::Placement copy{estate::PlacementKind::kBackupCopy,
                         {catalog::normalise_location(info->paired)}};
  copy.from = r.location.value;
  copy.reasons.push_back(
      {pg.geo_redundant_backup.location,
       fmt::format("the PostgreSQL server `{}` of region `{}` sets `geo_redundant_backup = true`: "
                   "Azure copies its backups to {}, the pair of {}",
                   name, r.key, copy.locations[0], r.location.value)});
  copy.checked = r.location.explicit_;
  server.placements.push_back(std::move(copy));
}

}  // namespace

void plan(estate::Estate& e) {
  const auto params = server_parameters(*e.topology);
  for (const model::Region& r : e.topology->regions) {
    if (!r.postgres) continue;
    const model::Postgres& pg = *r.postgres;
    const std::string k = estate::instance(r.key);
    const std::string module = "module.postgres" + k;
    const std::string& name = e.names.region(r.key, "postgres");
    nlohmann::json props = server_properties(pg);
    props["backup_retention_days"] = pg.backup_retention_days.value;
    props["geo_redundant_backup_enabled"] = pg.geo_redundant_backup.value;
    auto& server = estate::add_regional(e, r, module + ".azurerm_postgresql_flexible_server.this",
                                        "azurerm_postgresql_flexible_server", name,
                                        r.location.value, props, true);
    server.source = pg.location;
    server.placements.push_back(estate::follows_region(r, "the PostgreSQL server"));
    place_backup_copy(r, pg, name, server);
    // Copied: adding resources below may move `server`.
    const std::string server_key = server.key;
    if (!e.placements_only) {
      estate::add_regional(
          e, r, module + ".azurerm_postgresql_flexible_server_active_directory_administrator.this",
          "azurerm_postgresql_flexible_server_active_directory_administrator", "", "", nullptr,
          false)
          .source = pg.location;
      for (const model::PostgresDatabase& db : pg.databases) {
        estate::add_regional(
            e, r,
            module + ".azurerm_postgresql_flexible_server_database.this" +
                estate::instance(db.name),
            "azurerm_postgresql_flexible_server_database", db.name, r.location.value,
            {{"charset", db.charset.value}, {"collation", db.collation.value}}, false)
            .source = db.location;
      }
    }
    for (size_t i = 0; i < pg.replicas.size(); ++i) {
      const auto& at = pg.replicas[i];
      const std::string rk = fmt::format("r{}", i + 1);
      const std::string& replica_name =
          e.names.region(r.key, fmt::format("postgres.replica.{}", i));
      nlohmann::json replica_props = server_properties(pg);
      replica_props["create_mode"] = "Replica";
      auto& replica = estate::add_regional(
          e, r, module + ".azurerm_postgresql_flexible_server.replica" + estate::instance(rk),
          "azurerm_postgresql_flexible_server", replica_name, at.value, replica_props, true);
      replica.source = at.location;
      estate::Placement p{estate::PlacementKind::kReplica, {at.value}};
      p.from = r.location.value;
      p.reasons.push_back(
          {at.location,
           fmt::format("the PostgreSQL server `{}` of region `{}` lists `{}` in `replicas`: "
                       "read replica `{}` holds a full copy of its data",
                       name, r.key, at.value, replica_name)});
      replica.placements.push_back(std::move(p));
      replica.depends_on.push_back(server_key);
      if (e.dns_of(r)) {
        estate::add_regional(e, r,
                             module + ".azurerm_private_endpoint.replica" + estate::instance(rk),
                             "azurerm_private_endpoint",
                             e.names.region(r.key, fmt::format("pep.postgres_replica.{}", i)),
                             r.location.value, {{"subresource_names", {"postgresqlServer"}}}, true)
            .source = at.location;
      }
    }
    if (pg.virtual_endpoint.value && !pg.replicas.empty()) {
      estate::add_regional(e, r,
                           module + ".azurerm_postgresql_flexible_server_virtual_endpoint.this[0]",
                           "azurerm_postgresql_flexible_server_virtual_endpoint",
                           e.names.region(r.key, "postgres.endpoint"), r.location.value,
                           {{"type", "ReadWrite"}}, false)
          .source = pg.virtual_endpoint.location;
    }
    // Server parameters, on the server and on each replica (its own copy).
    if (!e.placements_only) {
      for (const auto& [parameter, value] : params) {
        estate::add_regional(e, r,
                             module + ".azurerm_postgresql_flexible_server_configuration.this" +
                                 estate::instance(parameter),
                             "azurerm_postgresql_flexible_server_configuration",
                             std::string(parameter), r.location.value, {{"value", value}}, false)
            .source = pg.location;
        for (size_t i = 0; i < pg.replicas.size(); ++i) {
          estate::add_regional(
              e, r,
              module + ".azurerm_postgresql_flexible_server_configuration.replica" +
                  estate::instance(fmt::format("r{}/{}", i + 1, parameter)),
              "azurerm_postgresql_flexible_server_configuration", std::string(parameter),
              pg.replicas[i].value, {{"value", value}}, false)
              .source = pg.replicas[i].location;
        }
      }
    }
    estate::add_private_endpoint(e, r, "postgres", "postgres", "postgresqlServer");
  }
}

}  // namespace topoc::services::postgres
