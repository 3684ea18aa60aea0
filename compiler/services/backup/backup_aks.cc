// S065: Azure Backup backs up an AKS cluster from a vault in the cluster's
// region, and the cluster's backup extension keeps the Kubernetes resources
// in a blob container of a storage account in that region too (Microsoft
// Learn, "Support matrix for Azure Kubernetes Service backup"), so `backup {
// aks }` needs the region's own cluster and storage account. S066: the
// extension's container is one topoc adds to that account, used by nothing
// else, so the topology may not declare a container of its name.
#include <fmt/format.h>

#include "compiler/rules/rules.h"
#include "compiler/services/backup/aks_backup.h"

namespace topoc::rules {

void backup_aks(const model::Topology& t, diag::DiagnosticSink& sink) {
  using services::backup::aks_backup_container;
  for (const model::Region& region : t.regions) {
    if (!region.backup || !region.backup->aks) continue;
    const model::Location& where = region.backup->aks->location;
    if (!region.aks || !region.storage) {
      std::string_view missing = "storage account";
      if (!region.aks)
        missing = region.storage ? "AKS cluster" : "AKS cluster and no storage account";
      auto& d = sink.report(diag::Kind::BackupAksWithoutCluster, where,
                            fmt::format("the Backup vault of region `{}` backs up an AKS cluster, "
                                        "but the region runs no {}",
                                        region.key, missing));
      d.help = "add `aks` and `storage` to the region's `services`, or remove `aks` from `backup`";
      continue;
    }
    for (const model::StorageContainer& c : region.storage->containers) {
      if (c.name != aks_backup_container) continue;
      auto& d = sink.report(
          diag::Kind::BackupAksContainerTaken, c.location,
          fmt::format("container `{}` of region `{}` is the one the AKS cluster's backup "
                      "extension writes to, which must hold nothing else",
                      c.name, region.key));
      d.notes.push_back({where, "the cluster is backed up here"});
      d.help = fmt::format("rename the container; topoc creates `{}` itself", aks_backup_container);
    }
  }
}

}  // namespace topoc::rules
