#include "compiler/services/frontdoor/unrouted.h"

#include <algorithm>

#include "compiler/catalog/country_catalog.h"

namespace topoc::services::frontdoor {

const model::Boundary* unrouted_boundary(const model::Topology& t) {
  if (!t.frontdoor) return nullptr;
  const model::FrontDoor& fd = *t.frontdoor;
  if (fd.denies_unrouted()) return nullptr;
  if (!fd.unrouted.value.empty()) return t.find_boundary(fd.unrouted.value);
  for (size_t b = 0; b < t.boundaries.size(); ++b) {
    for (const model::Region* r : t.regions_in(b)) {
      if (t.serves_frontdoor(*r)) return &t.boundaries[b];
    }
  }
  return nullptr;
}

std::vector<std::string> admitted_countries(const model::FrontDoor& fd) {
  std::vector<std::string> out;
  for (const model::GeoRoute& route : fd.geo_routes) {
    for (const auto& c : route.countries) {
      if (catalog::find_country(c.value)) out.push_back(c.value);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::vector<std::string>> admitted_country_groups(const model::FrontDoor& fd) {
  std::vector<std::string> all = admitted_countries(fd);
  std::vector<std::vector<std::string>> out;
  for (size_t from = 0; from < all.size(); from += kGeoValuesPerCondition) {
    size_t to = std::min(all.size(), from + kGeoValuesPerCondition);
    out.emplace_back(all.begin() + static_cast<std::ptrdiff_t>(from),
                     all.begin() + static_cast<std::ptrdiff_t>(to));
  }
  return out;
}

}  // namespace topoc::services::frontdoor
