// F006, F007: countries no geo route lists follow `unrouted`; when that is
// another boundary, the users of a boundary's own countries are served (and
// their data handled) outside it. An EU Data Boundary member state routed
// away is an error (F006); any other boundary's country a warning (F007),
// as those geographies are often served from a neighbour on purpose.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <span>
#include <vector>

#include "compiler/catalog/country_catalog.h"
#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"
#include "compiler/services/frontdoor/unrouted.h"

namespace topoc::rules {
namespace {

// The geo route that sends countries to `b`, if any: the fix-it extends it.
const model::GeoRoute* route_to(const model::FrontDoor& fd, const model::Boundary& b) {
  for (const model::GeoRoute& route : fd.geo_routes) {
    if (route.boundary_name == b.name) return &route;
  }
  return nullptr;
}

}  // namespace

void frontdoor_unrouted_countries(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor) return;
  const model::FrontDoor& fd = *t.frontdoor;
  const model::Boundary* target = services::frontdoor::unrouted_boundary(t);
  if (!target) return;
  std::set<std::string, std::less<>> listed;
  for (const model::GeoRoute& route : fd.geo_routes) {
    for (const auto& c : route.countries) listed.insert(c.value);
  }
  bool written = !fd.unrouted.value.empty();
  // Each unlisted country's owners, found once rather than per boundary.
  std::span<const catalog::CountryInfo> countries = catalog::all_countries();
  std::vector<std::vector<const model::Boundary*>> owners_of(countries.size());
  const BoundaryCountries boundary_owned = boundary_countries(t);
  for (size_t c = 0; c < countries.size(); ++c) {
    if (!listed.count(countries[c].code)) {
      owners_of[c] = country_owners(t, boundary_owned, countries[c].code);
    }
  }
  for (size_t b = 0; b < t.boundaries.size(); ++b) {
    const model::Boundary& boundary = t.boundaries[b];
    // A boundary Front Door does not reach (no region with an ingress)
    // cannot serve its countries either way.
    auto regions = t.regions_in(b);
    if (&boundary == target ||
        std::none_of(regions.begin(), regions.end(),
                     [&](const model::Region* r) { return t.serves_frontdoor(*r); }))
      continue;
    std::vector<std::string> missing;
    for (size_t c = 0; c < countries.size(); ++c) {
      if (listed.count(countries[c].code)) continue;
      const std::vector<const model::Boundary*>& owners = owners_of[c];
      bool own = std::find(owners.begin(), owners.end(), &boundary) != owners.end();
      bool target_owns = std::find(owners.begin(), owners.end(), target) != owners.end();
      if (own && !target_owns) missing.emplace_back(countries[c].code);
    }
    if (missing.empty()) continue;
    bool eu = boundary.geography.value == catalog::kEuDataBoundary;
    std::string codes = fmt::format("{}", fmt::join(missing, ", "));
    // With a geo route to extend, the finding points where the codes go,
    // so the fix-it is shown (and applied) there.
    const model::GeoRoute* route = route_to(fd, boundary);
    const model::Sourced<std::string>* last =
        route && !route->countries.empty() ? &route->countries.back() : nullptr;
    diag::Location where = written ? fd.unrouted.location : fd.location;
    auto& d = sink.report(
        eu ? diag::Kind::EuCountriesRoutedAway : diag::Kind::CountriesRoutedAway,
        last ? last->location : where,
        fmt::format("countries no geo route lists go to boundary `{}`{}, including {} {} to "
                    "boundary `{}`: {}",
                    target->name, written ? "" : " (`unrouted` is not written)", missing.size(),
                    missing.size() == 1 ? "that belongs" : "that belong", boundary.name, codes));
    if (last) {
      d.notes.push_back(
          {where, written
                      ? fmt::format("`unrouted` sends them to boundary `{}` here", target->name)
                      : fmt::format("without `unrouted`, boundary `{}` gets them", target->name)});
    }
    d.notes.push_back(declared_here(boundary));
    if (last) {
      d.fixit = diag::FixIt{last->location, last->value + ", " + codes};
      d.help = fmt::format("add them to `geo \"{}\"`", boundary.name);
    } else {
      d.help =
          fmt::format("route them to their boundary: `geo \"{}\" = [{}]`", boundary.name, codes);
    }
  }
}

}  // namespace topoc::rules
