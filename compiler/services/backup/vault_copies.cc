#include "compiler/services/backup/vault_copies.h"

#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"

namespace topoc::services::backup {

std::optional<estate::Placement> pair_copy(const model::Region& r, const std::string& vault) {
  const model::Backup& b = *r.backup;
  if (b.redundancy.value != model::BackupRedundancy::kGRS) return std::nullopt;
  const catalog::RegionInfo* info = catalog::find_region(r.location.value);
  if (!info || info->paired.empty()) return std::nullopt;
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
  return copy;
}

}  // namespace topoc::services::backup
