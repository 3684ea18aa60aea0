// R007: a Redis geo-replica holds a full copy of the cache (sessions,
// conversation state), so it must stay inside the region's boundary.
#include <fmt/format.h>

#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void redis_replica_in_boundary(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    const model::Boundary* boundary = boundary_of(t, region);
    if (!region.redis || !boundary || boundary->allowed_locations.empty()) continue;
    const auto& replica = region.redis->geo_replica;
    if (!replica.explicit_ || boundary->allows(replica.value)) continue;
    auto& d = sink.report(diag::Kind::RedisReplicaOutsideBoundary, replica.location,
                          fmt::format("the Redis cache of region `{}` has a geo-replica in `{}`, "
                                      "outside boundary `{}`; cached tenant data would be copied "
                                      "there",
                                      region.key, replica.value, boundary->name));
    d.notes.push_back(declared_here(*boundary));
    if (region.failover.explicit_ && boundary->allows(region.failover.value)) {
      d.help = fmt::format("replicate to the region's failover `{}`", region.failover.value);
      d.fixit = diag::FixIt{replica.location, region.failover.value};
    } else {
      d.help =
          fmt::format("choose a replica location boundary `{}` allows, or remove `geo_replica`",
                      boundary->name);
    }
  }
}

}  // namespace topoc::rules
