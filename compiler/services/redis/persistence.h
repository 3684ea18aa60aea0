// The storage account an Azure Cache for Redis persists to.
#pragma once

#include "compiler/model/topology.h"

namespace topoc::services::redis {

// How the persistence account of region `r`'s cache is replicated: like the
// region's storage account, without read access to the secondary (only the
// cache reads its files, and only from the primary); a region without a
// storage account keeps the files in the location, across zones where it has
// them.
model::StorageReplication persistence_replication(const model::Region& r);

}  // namespace topoc::services::redis
