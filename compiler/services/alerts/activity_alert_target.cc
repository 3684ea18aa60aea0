// M034: a failover alert watches the failovers of one service; without that
// service in the topology, the activity log never records the operation it
// matches and the alert never fires.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void activity_alert_target(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::ActivityAlert& a : t.alerts.activity) {
    const char* missing = nullptr;
    const char* declare = nullptr;
    if (a.event.value == model::ActivityEvent::kCosmosFailover && !t.cosmos) {
      missing = "Cosmos DB";
      declare = "declare a `cosmos { ... }` block";
    } else if (a.event.value == model::ActivityEvent::kPostgresFailover &&
               std::none_of(t.regions.begin(), t.regions.end(), [](const model::Region& r) {
                 return r.has(model::Service::kPostgres);
               })) {
      missing = "PostgreSQL";
      declare = "add `postgres` to a region's services";
    }
    if (!missing) continue;
    auto& d =
        sink.report(diag::Kind::ActivityWithoutTarget, a.event.location,
                    fmt::format("activity alert `{}` watches `{}`, but the topology has no {}",
                                a.name, model::to_string(a.event.value), missing));
    d.help = fmt::format("{}, or remove the alert", declare);
  }
}

}  // namespace topoc::rules
