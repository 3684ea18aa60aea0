// What the backup of a region's AKS cluster (`backup { aks }`) adds beside
// the vault: fixed names, unique within the cluster or the account they live
// in, and whether a region has it.
#pragma once

#include <string_view>

#include "compiler/model/topology.h"

namespace topoc::services::backup {

// The blob container of the region's storage account the cluster's backup
// extension writes the Kubernetes resources to. Microsoft Learn ("Back up
// Azure Kubernetes Service using Azure Backup") asks for a container of its
// own, shared with nothing else; rule S066 keeps the topology's containers
// off the name.
inline constexpr std::string_view aks_backup_container = "aks-backup";
// The cluster extension, as Azure's own tooling names it.
inline constexpr std::string_view aks_backup_extension = "azure-aks-backup";
// The trusted access role binding of the vault on the cluster (1 to 24
// letters, digits and `-`).
inline constexpr std::string_view aks_backup_binding = "backup-vault";

// Whether region `r` backs up its cluster: rule S065 holds the cluster and
// the storage account to the region.
inline bool has_aks_backup(const model::Region& r) {
  return r.backup && r.backup->aks && r.aks && r.storage;
}

}  // namespace topoc::services::backup
