// S016: a flexible server replicates to at most five read replicas; S017: a
// virtual endpoint pairs the server with a replica, so it needs one
// (Microsoft Learn, "Read replicas in Azure Database for PostgreSQL" and
// "Virtual endpoints for read replicas").
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void postgres_replicas(const model::Topology& t, diag::DiagnosticSink& sink) {
  constexpr size_t kMaxReplicas = 5;
  for (const model::Region& region : t.regions) {
    if (!region.postgres) continue;
    const model::Postgres& pg = *region.postgres;
    if (pg.replicas.size() > kMaxReplicas) {
      auto& d = sink.report(diag::Kind::PostgresTooManyReplicas, pg.replicas[kMaxReplicas].location,
                            fmt::format("the PostgreSQL server of region `{}` lists {} read "
                                        "replicas; Azure allows at most {}",
                                        region.key, pg.replicas.size(), kMaxReplicas));
      d.help = "remove replicas from `replicas`";
    }
    if (pg.virtual_endpoint.value && pg.replicas.empty()) {
      auto& d =
          sink.report(diag::Kind::PostgresEndpointWithoutReplica, pg.virtual_endpoint.location,
                      fmt::format("the PostgreSQL server of region `{}` has a virtual "
                                  "endpoint but no read replica to pair it with",
                                  region.key));
      d.help = "add a location to `replicas`, or remove `virtual_endpoint`";
    }
  }
}

}  // namespace topoc::rules
