// R008: a boundary that names both a geography and explicit locations
// narrows the geography; a location outside it widens the boundary instead,
// silently, which is almost always a typo or a wrong assumption.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void boundary_locations_in_geography(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Boundary& boundary : t.boundaries) {
    if (!boundary.geography.explicit_ || boundary.explicit_locations.empty()) continue;
    auto geography = catalog::regions_in_geography(boundary.geography.value);
    if (geography.empty()) continue;
    for (const auto& location : boundary.explicit_locations) {
      if (std::find(geography.begin(), geography.end(), location.value) != geography.end())
        continue;
      const catalog::RegionInfo* info = catalog::find_region(location.value);
      auto& d = sink.report(
          diag::Kind::BoundaryLocationOutsideGeography, location.location,
          fmt::format("boundary `{}` lists `{}` ({}), which is outside its geography `{}`",
                      boundary.name, location.value, info ? info->display : location.value,
                      boundary.geography.value));
      d.notes.push_back({boundary.geography.location,
                         fmt::format("geography `{}` declared here", boundary.geography.value)});
      d.help = fmt::format("remove `{}` from `locations`, or declare a separate boundary for it",
                           location.value);
    }
  }
}

}  // namespace topoc::rules
