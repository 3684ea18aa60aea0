// A region's Azure Backup vault and the long-term retention of its
// PostgreSQL server. Placements: the vault (primary); with `GRS`, the copy
// Azure keeps in the pair of the vault's location: a backup copy (R011),
// usable only once Microsoft declares a disaster in the region, or, with
// cross-region restore, a geo-pair copy, which can be restored in the pair
// at any time (Microsoft Learn, "Reliability in Azure Backup").
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::backup {
namespace {

// Without a pair Azure refuses the vault (rule S061): no copy to place.
void place_pair_copy(const model::Region& r, const model::Backup& b, const std::string& vault,
                     estate::Resource& res) {
  if (b.redundancy.value != model::BackupRedundancy::kGRS) return;
  const catalog::RegionInfo* info = catalog::find_region(r.location.value);
  if (!info || info->paired.empty()) return;
  bool restorable = b.cross_region_restore.value;
  estate::Placement copy{
      restorable ? estate::PlacementKind::kGeoPairCopy : estate::PlacementKind::kBackupCopy,
      {catalog::normalise_location(info->paired)}};
  copy.from = r.location.value;
  copy.reasons.push_back(
      {b.redundancy.location,
       fmt::format("the Backup vault `{}` of region `{}` is geo-redundant (`GRS`): Azure copies "
                   "its backups to {}, the pair of {}",
                   vault, r.key, copy.locations[0], r.location.value)});
  if (restorable) {
    copy.reasons.push_back(
        {b.cross_region_restore.location,
         fmt::format("`cross_region_restore = true` lets restores run from the copy in {} at "
                     "any time",
                     copy.locations[0])});
  }
  copy.checked = r.location.explicit_;
  res.placements.push_back(std::move(copy));
}

// What drift compares on the vault (compiler/drift).
nlohmann::json vault_properties(const model::Backup& b) {
  nlohmann::json props = {{"datastore_type", "VaultStore"},
                          {"redundancy", model::to_string(b.redundancy.value)}};
  // azurerm 4.55 refuses `cross_region_restore_enabled`, even false, on a
  // vault that is not geo-redundant.
  if (b.redundancy.value == model::BackupRedundancy::kGRS) {
    props["cross_region_restore_enabled"] = b.cross_region_restore.value;
  }
  return props;
}

}  // namespace

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.backup) continue;
    const model::Backup& b = *r.backup;
    const std::string module = "module.backup" + estate::instance(r.key);
    const std::string& vault = e.names.region(r.key, "backup");
    auto& res = estate::add_regional(e, r, module + ".azurerm_data_protection_backup_vault.this",
                                     "azurerm_data_protection_backup_vault", vault,
                                     r.location.value, vault_properties(b), true);
    res.source = b.location;
    res.placements.push_back(estate::follows_region(r, "the Backup vault"));
    place_pair_copy(r, b, vault, res);
    if (!b.postgres || !r.postgres || e.placements_only) continue;
    const model::BackupPostgres& pg = *b.postgres;
    estate::add_regional(
        e, r, module + ".azurerm_data_protection_backup_policy_postgresql_flexible_server.this[0]",
        "azurerm_data_protection_backup_policy_postgresql_flexible_server",
        e.names.region(r.key, "backup.policy.postgres"), r.location.value,
        {{"default_retention_days", pg.retention_days.value}}, false)
        .source = pg.location;
    // The vault's identity reads the server's resource group and takes the
    // server's backups (Az.DataProtection's AzureDatabaseForPGFlexServer
    // manifest: Reader on the group, the long-term retention role on the
    // server).
    for (const char* role : {"reader", "long_term_retention"}) {
      auto& assignment = estate::add_regional(
          e, r, module + ".azurerm_role_assignment." + role + "[0]", "azurerm_role_assignment", "",
          "",
          {{"role_definition_name", std::string_view(role) == "reader"
                                        ? "Reader"
                                        : "PostgreSQL Flexible Server Long Term Retention "
                                          "Backup Role"}},
          false);
      assignment.resource_group.clear();
      assignment.source = pg.location;
    }
    estate::add_regional(
        e, r,
        module + ".azurerm_data_protection_backup_instance_postgresql_flexible_server.this[0]",
        "azurerm_data_protection_backup_instance_postgresql_flexible_server",
        e.names.region(r.key, "backup.instance.postgres"), r.location.value, nullptr, false)
        .source = pg.location;
  }
}

}  // namespace topoc::services::backup
