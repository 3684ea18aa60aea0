// S063: a Backup vault backs up blobs of a storage account in its own region
// only (the vault and the account are in the same region), so `backup {
// storage }` needs the region's own `storage` account. S064: vaulted blob
// backup copies the containers the backup instance names, at least one and
// at most 100 (Microsoft Learn, "Support matrix for Azure Blobs backup":
// configuring backup fails on an account without containers); topoc names
// every container the account declares.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

constexpr size_t kMaxContainers = 100;

}  // namespace

void backup_storage(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.backup || !region.backup->storage) continue;
    const model::Location& where = region.backup->storage->location;
    if (!region.storage) {
      auto& d = sink.report(diag::Kind::BackupStorageWithoutAccount, where,
                            fmt::format("the Backup vault of region `{}` backs up the blobs of a "
                                        "storage account the region does not run",
                                        region.key));
      d.help = "add `storage` to the region's `services`, or remove `storage` from `backup`";
      continue;
    }
    size_t count = region.storage->containers.size();
    if (count >= 1 && count <= kMaxContainers) continue;
    auto& d = sink.report(
        diag::Kind::BackupStorageContainers, where,
        count == 0
            ? fmt::format("the storage account of region `{}` declares no container, and "
                          "vaulted blob backup copies containers: Azure refuses to configure "
                          "it on an account without one",
                          region.key)
            : fmt::format("the storage account of region `{}` declares {} containers; vaulted "
                          "blob backup copies at most {}",
                          region.key, count, kMaxContainers));
    d.help = count == 0 ? "declare the containers the account holds: `container \"name\" {}` in "
                          "the region's `storage` block"
                        : "keep the account to 100 containers (blob name prefixes can take the "
                          "place of containers), or remove `storage` from `backup`";
    if (count == 0) d.notes.push_back({region.storage->location, "the storage account"});
  }
}

}  // namespace topoc::rules
