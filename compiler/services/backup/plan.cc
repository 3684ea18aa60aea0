// A region's Azure Backup vault, the long-term retention of its PostgreSQL
// server, the vaulted backup of its storage account and the backup of its
// AKS cluster. Placements: the vault (primary); with
// `GRS`, the copy Azure keeps in the pair of the vault's location: a backup copy (R011), usable
// only once Microsoft declares a disaster in the region, or, with cross-region restore, a geo-pair
// copy, which can be restored in the pair at any time (Microsoft Learn, "Reliability in Azure
// Backup").
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/services/backup/aks_backup.h"
#include "compiler/services/backup/vault_copies.h"
#include "compiler/services/registry.h"
#include "compiler/services/storage/replica.h"

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

// A role assignment of the vault's module: named by Azure, and at its scope
// (a server, an account, a group) rather than in the region's group.
void add_role(estate::Estate& e, const model::Region& r, const std::string& module,
              std::string_view address, std::string_view role, const model::Location& source) {
  auto& assignment = estate::add_regional(
      e, r, module + ".azurerm_role_assignment." + std::string(address) + "[0]",
      "azurerm_role_assignment", "", "", {{"role_definition_name", role}}, false);
  assignment.resource_group.clear();
  assignment.source = source;
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
  add_role(e, r, module, "reader", "Reader", pg.location);
  add_role(e, r, module, "long_term_retention",
           "PostgreSQL Flexible Server Long Term Retention Backup Role", pg.location);
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
  add_role(e, r, module, "storage_account_backup_contributor", "Storage Account Backup Contributor",
           st.location);
  estate::add_regional(
      e, r, module + ".azurerm_data_protection_backup_instance_blob_storage.this[0]",
      "azurerm_data_protection_backup_instance_blob_storage",
      e.names.region(r.key, "backup.instance.storage"), r.location.value, nullptr, false)
      .source = st.location;
}

// Backup of the region's AKS cluster (rules S065, S066), in the operational
// tier: the cluster's backup extension writes the Kubernetes resources to a
// container of the region's storage account, and Azure Backup snapshots the
// cluster's disks into a resource group of their own, both in the region
// (Microsoft Learn, "Back up Azure Kubernetes Service using Azure Backup").
// The roles are those of Az.DataProtection's AzureKubernetesService
// manifest and Microsoft Learn's prerequisites: the vault reads the cluster
// and the snapshot group, the cluster's identity writes the snapshots, the
// extension's identity writes the container, and the vault operates the
// cluster through trusted access.
void plan_aks(estate::Estate& e, const model::Region& r, const std::string& module) {
  const model::BackupAks& aks = *r.backup->aks;
  const std::string& cluster = e.names.region(r.key, "aks");
  const std::string& account = e.names.region(r.key, "storage");
  auto& group = estate::add_regional(
      e, r, module + ".azurerm_resource_group.aks_snapshots[0]", "azurerm_resource_group",
      e.names.region(r.key, "backup.aks.snapshots"), r.location.value, nullptr, true);
  group.resource_group.clear();
  group.source = aks.location;
  estate::Placement snapshots{estate::PlacementKind::kBackupCopy, {r.location.value}};
  snapshots.from = r.location.value;
  snapshots.reasons.push_back(
      {aks.location, fmt::format("region `{}` backs up AKS cluster `{}` with `backup {{ aks }}`: "
                                 "snapshots of its disks, kept {} days",
                                 r.key, cluster, aks.retention_days.value)});
  snapshots.checked = false;  // the region's own location, checked on its resource group
  group.placements.push_back(std::move(snapshots));

  auto& container = estate::add_regional(
      e, r, module + ".azurerm_storage_container.aks_backup[0]", "azurerm_storage_container",
      aks_backup_container, r.location.value, {{"container_access_type", "private"}}, false);
  container.source = aks.location;
  estate::Placement resources{estate::PlacementKind::kBackupCopy, {r.location.value}};
  resources.from = r.location.value;
  resources.reasons.push_back(
      {aks.location,
       fmt::format("region `{}` backs up AKS cluster `{}` with `backup {{ aks }}`: its Kubernetes "
                   "resources, in container `{}` of storage account `{}`, kept {} days",
                   r.key, cluster, aks_backup_container, account, aks.retention_days.value)});
  resources.checked = false;  // copied on only as the account's own placements say
  container.placements.push_back(std::move(resources));

  estate::add_regional(e, r, module + ".azurerm_kubernetes_cluster_extension.aks_backup[0]",
                       "azurerm_kubernetes_cluster_extension", aks_backup_extension, "",
                       {{"extension_type", "microsoft.dataprotection.kubernetes"}}, false)
      .source = aks.location;
  estate::add_regional(
      e, r, module + ".azurerm_kubernetes_cluster_trusted_access_role_binding.aks_backup[0]",
      "azurerm_kubernetes_cluster_trusted_access_role_binding", aks_backup_binding,
      r.location.value, {{"roles", {"Microsoft.DataProtection/backupVaults/backup-operator"}}},
      false)
      .source = aks.location;
  add_role(e, r, module, "aks_extension_storage", "Storage Blob Data Contributor", aks.location);
  add_role(e, r, module, "aks_vault_cluster", "Reader", aks.location);
  add_role(e, r, module, "aks_vault_snapshots", "Reader", aks.location);
  add_role(e, r, module, "aks_cluster_snapshots", "Contributor", aks.location);
  estate::add_regional(
      e, r, module + ".azurerm_data_protection_backup_policy_kubernetes_cluster.this[0]",
      "azurerm_data_protection_backup_policy_kubernetes_cluster",
      e.names.region(r.key, "backup.policy.aks"), r.location.value,
      {{"default_retention_duration", fmt::format("P{}D", aks.retention_days.value)}}, false)
      .source = aks.location;
  estate::add_regional(
      e, r, module + ".azurerm_data_protection_backup_instance_kubernetes_cluster.this[0]",
      "azurerm_data_protection_backup_instance_kubernetes_cluster",
      e.names.region(r.key, "backup.instance.aks"), r.location.value, nullptr, false)
      .source = aks.location;
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
    if (services::storage::has_vaulted_backup(r)) plan_storage(e, r, module);
    if (has_aks_backup(r)) plan_aks(e, r, module);
  }
}

}  // namespace topoc::services::backup
