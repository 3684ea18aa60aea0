// T004: a probe's timeout is 5 to 10 seconds, and below the 10 s interval
// when probing every 10 s: 5 to 9 (Learn, "Traffic Manager endpoint
// monitoring"; azurerm v4.55.0 traffic_manager_profile_resource.go checks
// both at apply time).
#include <fmt/format.h>

#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void traffic_manager_probe_timeout(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::TrafficManager& tm : t.traffic_managers) {
    const model::TmProbe& p = tm.probe;
    int64_t max = p.interval_seconds.value == 10 ? 9 : 10;
    int64_t timeout = p.timeout_seconds.value;
    if (timeout >= 5 && timeout <= max) continue;
    auto& d =
        sink.report(diag::Kind::TmProbeTimeoutOutOfRange, value_or(p.timeout_seconds, p.location),
                    fmt::format("a probe every {}s times out after 5s to {}s, not {}s",
                                p.interval_seconds.value, max, timeout));
    if (p.interval_seconds.explicit_) {
      d.notes.push_back({p.interval_seconds.location, "interval set here"});
    }
    d.fixit = diag::FixIt{value_or(p.timeout_seconds, p.location),
                          fmt::format("{}s", timeout < 5 ? 5 : max)};
  }
}

}  // namespace topoc::rules
