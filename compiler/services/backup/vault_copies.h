// Where a region's Backup vault keeps what it protects beyond its own
// location: with `GRS`, a copy in the Azure pair of the vault's location.
// The vault declares it for itself (compiler/services/backup/plan.cc) and
// the storage account whose blobs it backs up declares it again for its
// data (compiler/services/storage/plan.cc).
#pragma once

#include <optional>
#include <string>

#include "compiler/estate/resource.h"
#include "compiler/model/topology.h"

namespace topoc::services::backup {

// The copy a geo-redundant vault keeps in the pair of region `r`'s location,
// or nothing when the vault is not geo-redundant or the location has no pair
// (Azure refuses that vault: rule S061). A `backup copy`, usable only once
// Microsoft declares a disaster in the region; with cross-region restore a
// `geo-pair copy`, restorable there at any time (Microsoft Learn,
// "Reliability in Azure Backup"). `vault` is the vault's name.
std::optional<estate::Placement> pair_copy(const model::Region& r, const std::string& vault);

}  // namespace topoc::services::backup
