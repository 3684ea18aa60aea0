// F001: a geo route that sends a country's requests to another boundary's
// origins makes those origins handle (and store) its users' data. A country
// belongs to the boundaries that own it (see country_owners); countries no
// boundary owns may be routed anywhere.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/catalog/country_catalog.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void frontdoor_country_owner(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor) return;
  for (const model::GeoRoute& route : t.frontdoor->geo_routes) {
    const model::Boundary* target = t.find_boundary(route.boundary_name);
    if (!target) continue;
    for (const auto& country : route.countries) {
      const catalog::CountryInfo* info = catalog::find_country(country.value);
      if (!info) continue;
      auto owners = country_owners(t, country.value);
      if (owners.empty() || std::find(owners.begin(), owners.end(), target) != owners.end())
        continue;
      std::vector<std::string> names;
      for (const model::Boundary* b : owners) names.push_back(b->name);
      auto& d = sink.report(
          diag::Kind::CountryRoutedAcrossBoundary, country.location,
          fmt::format("`{}` ({}) is routed to boundary `{}`, but its users' data "
                      "belongs to {} {}",
                      info->code, info->name, target->name,
                      names.size() == 1 ? "boundary" : "boundaries", quoted_list(names)));
      for (const model::Boundary* b : owners) d.notes.push_back(declared_here(*b));
      d.help = fmt::format("move `{}` to `geo \"{}\"`", info->code, names[0]);
    }
  }
}

}  // namespace topoc::rules
