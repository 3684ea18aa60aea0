// The Redis geo-replicas a topology asks for and where each is reached from.
// A replica cache has public network access disabled like the primary, so it
// needs a private endpoint of its own: in the endpoints subnet of a region
// of the same boundary located where the replica is, so clients of that
// region reach it after a failover; failing such a region, in the cache's
// own region (a private endpoint may connect to a resource in any location).
// Names, emitters and the manifest all read the replicas from here.
#pragma once

#include <vector>

#include "compiler/model/topology.h"

namespace topoc::naming {

struct RedisReplica {
  const model::Region* cache_region = nullptr;  // the region whose cache is the primary
  // Whose endpoints subnet and Private Link DNS zone the replica's endpoint
  // uses: never null. The cache region itself always has an endpoints
  // subnet once the check passes (topoc carves one for a region running
  // Redis, or reports N004).
  const model::Region* endpoint_region = nullptr;
};

// In region declaration order; one per region with `redis { geo_replica }`.
std::vector<RedisReplica> redis_replicas(const model::Topology& topology);

}  // namespace topoc::naming
