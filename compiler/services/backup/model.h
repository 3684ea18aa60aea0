// The model of `backup`: the backup vault and what it protects (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

// How a Backup vault keeps what it holds: three copies in one datacenter,
// across the location's zones, or also in the Azure pair.
enum class BackupRedundancy { kLRS, kZRS, kGRS };

// Long-term retention of the region's PostgreSQL flexible server in the
// vault: a weekly full backup kept `retention_days`.
struct BackupPostgres {
  Location location;
  Sourced<int64_t> retention_days;
};

// Vaulted backup of the region's storage account: a daily copy of every
// container it declares, kept in the vault `retention_days`.
struct BackupStorage {
  Location location;
  Sourced<int64_t> retention_days;
};

// Backup of the region's AKS cluster: its Kubernetes resources, in a
// container of the region's storage account, and its disks, as snapshots in
// a resource group of their own, every day, kept `retention_days` (the
// operational tier: both stay in the region).
struct BackupAks {
  Location location;
  Sourced<int64_t> retention_days;
};

// A region's Azure Backup vault (Microsoft.DataProtection/backupVaults) and
// what it protects (build_backup.cc).
struct Backup {
  Location location;
  Sourced<BackupRedundancy> redundancy;  // default: see default_backup_redundancy
  Sourced<bool> cross_region_restore;
  std::optional<BackupPostgres> postgres;
  std::optional<BackupStorage> storage;
  std::optional<BackupAks> aks;
};

// The azurerm/ARM redundancy: LocallyRedundant, ZoneRedundant, GeoRedundant.
const char* to_string(BackupRedundancy);
// The DSL spelling: LRS, ZRS, GRS.
const char* dsl_spelling(BackupRedundancy);

}  // namespace topoc::model
