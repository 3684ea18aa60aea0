// Azure Managed Redis active geo-replication groups: the regions whose
// `redis` block names one `geo_replication` group, linked to each other.
#pragma once

#include <string>
#include <vector>

#include "compiler/model/topology.h"

namespace topoc::services::managed_redis {

struct GeoGroup {
  std::string name;
  // In declaration order: the first member is the one azurerm's
  // `azurerm_managed_redis_geo_replication` is written on, and the Bicep
  // deployment links each member to those before it.
  std::vector<const model::Region*> members;
};

// Every group, sorted by name.
std::vector<GeoGroup> geo_groups(const model::Topology& t);

// The group region `r` belongs to; null when its Managed Redis is in none.
const GeoGroup* group_of(const std::vector<GeoGroup>& groups, const model::Region& r);

}  // namespace topoc::services::managed_redis
