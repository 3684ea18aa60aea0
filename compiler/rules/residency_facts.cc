#include "compiler/rules/residency_facts.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/catalog/country_catalog.h"
#include "compiler/catalog/region_catalog.h"

namespace topoc::rules {

const model::Boundary* boundary_of(const model::Topology& t, const model::Region& region) {
  if (region.boundary >= t.boundaries.size()) return nullptr;
  const model::Boundary& b = t.boundaries[region.boundary];
  return b.name == region.boundary_name.value ? &b : nullptr;
}

const model::Boundary* boundary_of(const model::Topology& t, const model::Tenant& tenant) {
  if (!tenant.residency.explicit_ || tenant.boundary >= t.boundaries.size()) return nullptr;
  const model::Boundary& b = t.boundaries[tenant.boundary];
  return b.name == tenant.residency.value ? &b : nullptr;
}

bool any_region_unresolved(const model::Topology& t) {
  for (const model::Region& region : t.regions) {
    if (!boundary_of(t, region)) return true;
  }
  return false;
}

diag::Note declared_here(const model::Boundary& boundary) {
  return {boundary.location, fmt::format("boundary `{}` declared here", boundary.name)};
}

std::string quoted_list(std::span<const std::string> names, size_t limit) {
  size_t shown = limit == 0 ? names.size() : std::min(limit, names.size());
  std::string out;
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += fmt::format("`{}`", names[i]);
  }
  if (shown < names.size()) out += fmt::format(" and {} more", names.size() - shown);
  return out;
}

BoundaryCountries boundary_countries(const model::Topology& t) {
  BoundaryCountries out(t.boundaries.size());
  for (size_t b = 0; b < t.boundaries.size(); ++b) {
    for (const std::string& location : t.boundaries[b].allowed_locations) {
      if (const catalog::RegionInfo* region = catalog::find_region(location)) {
        out[b].push_back(region->country);
      }
    }
  }
  return out;
}

std::vector<const model::Boundary*> country_owners(const model::Topology& t,
                                                   const BoundaryCountries& countries,
                                                   std::string_view country) {
  const catalog::CountryInfo* info = catalog::find_country(country);
  std::vector<const model::Boundary*> out;
  for (size_t b = 0; b < t.boundaries.size(); ++b) {
    const model::Boundary& boundary = t.boundaries[b];
    bool owns = (boundary.geography.value == catalog::kEuDataBoundary && info &&
                 (info->eu_member || info->efta_member)) ||
                std::find(countries[b].begin(), countries[b].end(), country) != countries[b].end();
    if (owns) out.push_back(&boundary);
  }
  return out;
}

std::vector<const model::Boundary*> country_owners(const model::Topology& t,
                                                   std::string_view country) {
  return country_owners(t, boundary_countries(t), country);
}

}  // namespace topoc::rules
