// The world map of `topoc residency --format html`: an inline SVG in an
// equirectangular projection, every region of the catalogue placed by its
// latitude and longitude, the boundary's allowed regions highlighted and
// joined by their convex hull, and one marker per placement kind and
// location, coloured by kind. No external resource is referenced.
#pragma once

#include <string>
#include <string_view>

#include "compiler/report/residency_report.h"

namespace topoc::report {

// The map of one boundary, as an <svg> element. Markers carry
// `class="placement"`, `data-kind`, `data-location` and `data-allowed`.
std::string residency_map_svg(const BoundaryResidency& boundary);

// The marker colour of a kind (also used by the legend).
std::string_view kind_colour(estate::PlacementKind kind);

// Text made safe inside HTML element content and attribute values.
std::string html_escape(std::string_view text);

}  // namespace topoc::report
