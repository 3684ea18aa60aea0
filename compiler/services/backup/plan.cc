// A region's Azure Backup vault, the long-term retention of its PostgreSQL
// server and the vaulted backup of its storage account. Placements: the vault (primary); with
// `GRS`, the copy Azure keeps in the pair of the vault's location: a backup copy (R011), usable
// only once Microsoft declares a disaster in the region, or, with cross-region restore, a geo-pair
// copy, which can be restored in the pair at any time (Microsoft Learn, "Reliability in Azure
// Backup").
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/services/backup/vault_copies.h"
#include "compiler/services/registry.h"

namespace topoc::services::backup {
namespace {

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

// Long-term retention of the region's PostgreSQL server (rule S062 holds
// the server to the vault's region).
void plan_postgres(estate::Estate& e, const model::Region& r, const std::string& module) {
  const model::BackupPostgres& pg = *r.backup->postgres;
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
      e, r, module + ".azurerm_data_protection_backup_instance_postgresql_flexible_server.this[0]",
      "azurerm_data_protection_backup_instance_postgresql_flexible_server",
      e.names.region(r.key, "backup.instance.postgres"), r.location.value, nullptr, false)
      .source = pg.location;
}

// Vaulted backup of the region's storage account (rules S063, S064): a daily
// copy of its containers, kept in the vault. The vault's identity holds
// Storage Account Backup Contributor on the account (Az.DataProtection's
// AzureBlob manifest). The copies are the account's placements
// (compiler/services/storage/plan.cc).
void plan_storage(estate::Estate& e, const model::Region& r, const std::string& module) {
  const model::BackupStorage& st = *r.backup->storage;
  const std::string retention = fmt::format("P{}D", st.retention_days.value);
  estate::add_regional(e, r, module + ".azurerm_data_protection_backup_policy_blob_storage.this[0]",
                       "azurerm_data_protection_backup_policy_blob_storage",
                       e.names.region(r.key, "backup.policy.storage"), r.location.value,
                       {{"vault_default_retention_duration", retention}}, false)
      .source = st.location;
  auto& assignment = estate::add_regional(
      e, r, module + ".azurerm_role_assignment.storage_account_backup_contributor[0]",
      "azurerm_role_assignment", "", "",
      {{"role_definition_name", "Storage Account Backup Contributor"}}, false);
  assignment.resource_group.clear();
  assignment.source = st.location;
  estate::add_regional(
      e, r, module + ".azurerm_data_protection_backup_instance_blob_storage.this[0]",
      "azurerm_data_protection_backup_instance_blob_storage",
      e.names.region(r.key, "backup.instance.storage"), r.location.value, nullptr, false)
      .source = st.location;
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
    if (auto copy = pair_copy(r, vault)) res.placements.push_back(std::move(*copy));
    if (e.placements_only) continue;
    if (b.postgres && r.postgres) plan_postgres(e, r, module);
    if (b.storage && r.storage && !r.storage->containers.empty()) plan_storage(e, r, module);
  }
}

}  // namespace topoc::services::backup
