#include "compiler/services/managed_redis/geo_groups.h"

#include <algorithm>
#include <map>

namespace topoc::services::managed_redis {

std::vector<GeoGroup> geo_groups(const model::Topology& t) {
  std::map<std::string, std::vector<const model::Region*>> by_name;
  for (const model::Region& r : t.regions) {
    if (!r.managed_redis || r.managed_redis->geo_replication.value.empty()) continue;
    by_name[r.managed_redis->geo_replication.value].push_back(&r);
  }
  std::vector<GeoGroup> out;
  for (auto& [name, members] : by_name) out.push_back({name, std::move(members)});
  return out;
}

const GeoGroup* group_of(const std::vector<GeoGroup>& groups, const model::Region& r) {
  for (const GeoGroup& g : groups) {
    if (std::find(g.members.begin(), g.members.end(), &r) != g.members.end()) return &g;
  }
  return nullptr;
}

}  // namespace topoc::services::managed_redis
