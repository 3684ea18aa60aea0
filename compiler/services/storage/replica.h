// The disaster recovery account a region's storage copies its containers
// to with object replication (`storage { replicate_to = ... }`).
#pragma once

#include <string_view>

#include "compiler/model/topology.h"

namespace topoc::services::storage {

// The replication of the second account: zone-redundant where `location`
// has availability zones, else local. Never geo-redundant: the copy stays
// in the location the topology names, not also in that location's pair.
model::StorageReplication replica_replication(std::string_view location);

}  // namespace topoc::services::storage
