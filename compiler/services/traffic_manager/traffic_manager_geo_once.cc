// T002: Azure refuses a profile that maps one geographic code to two
// endpoints (Learn, "Traffic Manager routing methods": a region can be
// mapped to only one endpoint); `unmapped = <endpoint>` maps `WORLD`.
#include <fmt/format.h>

#include <map>

#include "compiler/rules/rules.h"
#include "compiler/services/traffic_manager/traffic_manager_facts.h"

namespace topoc::rules {

void traffic_manager_geo_once(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::TrafficManager& tm : t.traffic_managers) {
    std::map<std::string, TmMapping> first;
    for (const TmMapping& m : tm_mappings(tm)) {
      auto [it, inserted] = first.emplace(m.code, m);
      if (inserted) continue;
      bool unmapped = m.from_unmapped;
      auto& d = sink.report(
          diag::Kind::TmGeoCodeMappedTwice, m.location,
          fmt::format("`{}` is mapped to endpoint `{}`{} and to endpoint `{}` before; a code "
                      "goes to one endpoint of traffic_manager `{}`",
                      m.code, m.endpoint->name, unmapped ? " by `unmapped`" : "",
                      it->second.endpoint->name, tm.name));
      d.notes.push_back({it->second.location, fmt::format("`{}` first mapped to endpoint `{}` here",
                                                          m.code, it->second.endpoint->name)});
      d.help = unmapped ? "keep `WORLD` in one place: remove it from the endpoint's `geo` or "
                          "remove `unmapped`"
                        : fmt::format("keep `{}` in one endpoint's `geo`", m.code);
    }
  }
}

}  // namespace topoc::rules
