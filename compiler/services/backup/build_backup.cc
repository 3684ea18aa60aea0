// A region's `backup` block: an Azure Backup vault, its storage redundancy
// and cross-region restore, the long-term retention of the region's
// PostgreSQL server, the vaulted backup of its storage account and the
// backup of its AKS cluster. Settings that depend on the location or on
// other services (zones, the Azure pair, what to protect) are rules
// S060-S066; here only each value's own form is checked.
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/model/build_parts.h"

namespace topoc::model {
namespace {

constexpr Choice<BackupRedundancy> kRedundancies[] = {
    {"LRS", BackupRedundancy::kLRS},
    {"ZRS", BackupRedundancy::kZRS},
    {"GRS", BackupRedundancy::kGRS},
};

constexpr int64_t kDay = 86400;

// `retention = D`: whole days from `min_days` to `max_days`. Ten years is
// the longest Azure Backup keeps a vaulted backup (Microsoft Learn, "Azure
// Database for PostgreSQL flexible server long-term retention"; "Quickstart:
// Back up a storage account with Blob data using Azure Backup via a Bicep
// file"); an AKS cluster's operational backups, 360 days ("Back up Azure
// Kubernetes Service using Azure Backup").
void read_retention(BlockReader& r, Sourced<int64_t>& days, int64_t min_days, int64_t max_days,
                    int64_t default_days) {
  days.value = default_days;
  Sourced<int64_t> seconds;
  if (!r.duration("retention", seconds)) return;
  if (seconds.value % kDay != 0 || seconds.value < min_days * kDay ||
      seconds.value > max_days * kDay) {
    r.context().sink->report(
        diag::Kind::OutOfRange, seconds.location,
        fmt::format("`retention` must be a whole number of days from {}d to {}d{}", min_days,
                    max_days, max_days == 3650 ? " (ten years)" : ""));
    return;
  }
  days = {seconds.value / kDay, seconds.location, true};
}

// A weekly backup of the PostgreSQL server kept less than a week would
// leave days with none.
void read_backup_postgres(BlockReader& r, BackupPostgres& pg) {
  pg.location = r.where();
  read_retention(r, pg.retention_days, 7, 3650, 365);
}

// A daily copy of the storage account's containers; 30 days is what
// Microsoft's vaulted blob backup policy keeps by default.
void read_backup_storage(BlockReader& r, BackupStorage& st) {
  st.location = r.where();
  read_retention(r, st.retention_days, 1, 3650, 30);
}

// A daily backup of the cluster; a week by default, Azure's own default
// policy for AKS keeping 7 days.
void read_backup_aks(BlockReader& r, BackupAks& aks) {
  aks.location = r.where();
  read_retention(r, aks.retention_days, 1, 360, 7);
}

}  // namespace

const char* to_string(BackupRedundancy r) {
  switch (r) {
    case BackupRedundancy::kLRS:
      return "LocallyRedundant";
    case BackupRedundancy::kZRS:
      return "ZoneRedundant";
    case BackupRedundancy::kGRS:
      return "GeoRedundant";
  }
  return "";
}

const char* dsl_spelling(BackupRedundancy r) {
  switch (r) {
    case BackupRedundancy::kLRS:
      return "LRS";
    case BackupRedundancy::kZRS:
      return "ZRS";
    case BackupRedundancy::kGRS:
      return "GRS";
  }
  return "";
}

BackupRedundancy default_backup_redundancy(std::string_view location) {
  const catalog::RegionInfo* info = catalog::find_region(location);
  if (!info) return BackupRedundancy::kLRS;
  const catalog::RegionInfo* pair = catalog::find_region(info->paired);
  if (pair && pair->geography == info->geography) return BackupRedundancy::kGRS;
  return info->zones ? BackupRedundancy::kZRS : BackupRedundancy::kLRS;
}

void read_backup(BlockReader& r, Backup& backup, std::string_view location) {
  backup.location = r.where();
  backup.redundancy.value = default_backup_redundancy(location);
  backup.cross_region_restore.value = false;
  r.choice<BackupRedundancy>("redundancy", backup.redundancy, kRedundancies);
  r.boolean("cross_region_restore", backup.cross_region_restore);
  if (const dsl::Node* n = r.block("postgres")) {
    backup.postgres.emplace();
    BlockReader pr(*n, r.context());
    read_backup_postgres(pr, *backup.postgres);
    pr.finish();
  }
  if (const dsl::Node* n = r.block("storage")) {
    backup.storage.emplace();
    BlockReader sr(*n, r.context());
    read_backup_storage(sr, *backup.storage);
    sr.finish();
  }
  if (const dsl::Node* n = r.block("aks")) {
    backup.aks.emplace();
    BlockReader ar(*n, r.context());
    read_backup_aks(ar, *backup.aks);
    ar.finish();
  }
}

}  // namespace topoc::model
