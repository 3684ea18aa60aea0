// A region's `backup` block: an Azure Backup vault, its storage redundancy
// and cross-region restore, and the long-term retention of the region's
// PostgreSQL server. Settings that depend on the location or on other
// services (zones, the Azure pair, a server to protect) are rules
// S060-S063; here only each value's own form is checked.
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

// Azure Backup keeps a PostgreSQL flexible server's vaulted backups up to
// ten years (Microsoft Learn, "Azure Database for PostgreSQL flexible server
// long-term retention"); a weekly backup kept less than a week would leave
// days with none.
constexpr int64_t kDay = 86400;
constexpr int64_t kMinRetentionDays = 7;
constexpr int64_t kMaxRetentionDays = 3650;

void read_backup_postgres(BlockReader& r, BackupPostgres& pg) {
  const ReadContext& ctx = r.context();
  pg.location = r.where();
  pg.retention_days.value = 365;
  Sourced<int64_t> seconds;
  if (!r.duration("retention", seconds)) return;
  if (seconds.value % kDay != 0 || seconds.value < kMinRetentionDays * kDay ||
      seconds.value > kMaxRetentionDays * kDay) {
    ctx.sink->report(diag::Kind::OutOfRange, seconds.location,
                     "`retention` must be a whole number of days from 7d to 3650d (ten years)");
    return;
  }
  pg.retention_days = {seconds.value / kDay, seconds.location, true};
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
}

}  // namespace topoc::model
