// R002: a region's failover location receives a replica of all its data, so
// it must be inside the same boundary as the region.
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void failover_in_boundary(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    const model::Boundary* boundary = boundary_of(t, region);
    if (!boundary || boundary->allowed_locations.empty() || !region.failover.explicit_) continue;
    if (boundary->allows(region.failover.value)) continue;
    auto& d = sink.report(
        diag::Kind::FailoverOutsideBoundary, region.failover.location,
        fmt::format("region `{}` fails over to `{}`, outside its boundary `{}`; the region's data "
                    "would be replicated there",
                    region.key, region.failover.value, boundary->name));
    d.notes.push_back(declared_here(*boundary));
    // The catalogue pair is the natural failover when the boundary allows it.
    const catalog::RegionInfo* info = catalog::find_region(region.location.value);
    if (info && !info->paired.empty() && boundary->allows(info->paired)) {
      d.help = fmt::format("fail over to `{}`, the pair of `{}`, inside boundary `{}`",
                           info->paired, info->name, boundary->name);
      d.fixit = diag::FixIt{region.failover.location, std::string(info->paired)};
    } else {
      d.help = fmt::format(
          "fail over to another location boundary `{}` allows, or remove "
          "`failover`",
          boundary->name);
    }
  }
}

}  // namespace topoc::rules
