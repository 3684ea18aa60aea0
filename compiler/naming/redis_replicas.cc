#include "compiler/naming/redis_replicas.h"

namespace topoc::naming {

std::vector<RedisReplica> redis_replicas(const model::Topology& t) {
  std::vector<RedisReplica> out;
  for (const model::Region& r : t.regions) {
    if (!r.redis || r.redis->geo_replica.value.empty()) continue;
    RedisReplica replica{&r, &r};
    for (const model::Region& other : t.regions) {
      if (other.location.value == r.redis->geo_replica.value &&
          other.boundary_name.value == r.boundary_name.value && other.has_subnet("endpoints")) {
        replica.endpoint_region = &other;
        break;
      }
    }
    out.push_back(replica);
  }
  return out;
}

}  // namespace topoc::naming
