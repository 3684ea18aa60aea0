// R001: a region's own location must be one its boundary allows; everything
// the region runs stores data there.
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void region_location_in_boundary(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    const model::Boundary* boundary = boundary_of(t, region);
    if (!boundary || boundary->allowed_locations.empty() || !region.location.explicit_) continue;
    if (boundary->allows(region.location.value)) continue;
    const catalog::RegionInfo* info = catalog::find_region(region.location.value);
    auto& d = sink.report(
        diag::Kind::RegionOutsideBoundary, region.location.location,
        fmt::format("region `{}` is placed in `{}` ({}), outside its boundary `{}`; every service "
                    "of the region would store data there",
                    region.key, region.location.value, info ? info->display : "unknown",
                    boundary->name));
    d.notes.push_back(declared_here(*boundary));
    d.help = fmt::format("choose a location boundary `{}` allows: {}", boundary->name,
                         quoted_list(boundary->allowed_locations, 4));
    if (boundary->allowed_locations.size() == 1) {
      d.fixit = diag::FixIt{region.location.location, boundary->allowed_locations[0]};
    }
  }
}

}  // namespace topoc::rules
