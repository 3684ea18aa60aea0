// T003: a geographic profile answers a query from a location no mapping
// covers with NODATA (Learn, "Traffic Manager routing methods"): those users
// get no address at all. topoc asks for that choice to be written down:
// `unmapped = nodata`, or `unmapped = <endpoint>` (which maps `WORLD`).
#include <fmt/format.h>

#include <algorithm>

#include "compiler/rules/rules.h"
#include "compiler/services/traffic_manager/traffic_manager_facts.h"

namespace topoc::rules {

void traffic_manager_unmapped_explicit(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::TrafficManager& tm : t.traffic_managers) {
    if (tm.routing.value != model::TmRouting::kGeographic || tm.unmapped.explicit_) continue;
    auto mappings = tm_mappings(tm);
    bool world = std::any_of(mappings.begin(), mappings.end(),
                             [](const TmMapping& m) { return m.code == kTmWorld; });
    if (world) continue;
    auto& d = sink.report(diag::Kind::TmUnmappedTrafficImplicit, tm.location,
                          fmt::format("traffic_manager `{}` maps no `WORLD`: DNS queries from "
                                      "every location no `geo` lists are answered with NODATA",
                                      tm.name));
    d.help =
        "write `unmapped = nodata` to keep that, or `unmapped = <endpoint>` to send them "
        "to one endpoint";
  }
}

}  // namespace topoc::rules
