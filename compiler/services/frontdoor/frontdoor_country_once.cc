// F002: a request matches one geo route; with a country in two of them,
// which boundary serves it depends on rule order. Countries F001 already
// reports as misrouted are left to it.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "compiler/catalog/country_catalog.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void frontdoor_country_once(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor) return;
  struct First {
    const model::Boundary* boundary;
    diag::Location location;
  };
  std::map<std::string, First> first_route;
  for (const model::GeoRoute& route : t.frontdoor->geo_routes) {
    const model::Boundary* target = t.find_boundary(route.boundary_name);
    if (!target) continue;
    for (const auto& country : route.countries) {
      if (!catalog::find_country(country.value)) continue;
      auto owners = country_owners(t, country.value);
      bool misrouted =
          !owners.empty() && std::find(owners.begin(), owners.end(), target) == owners.end();
      if (misrouted) continue;
      auto [it, inserted] = first_route.emplace(country.value, First{target, country.location});
      if (inserted || it->second.boundary == target) continue;
      auto& d = sink.report(diag::Kind::CountryRoutedTwice, country.location,
                            fmt::format("`{}` is routed to boundary `{}` here and to boundary `{}` "
                                        "before; a country goes to one boundary",
                                        country.value, target->name, it->second.boundary->name));
      d.notes.push_back(
          {it->second.location, fmt::format("`{}` first routed to boundary `{}` here",
                                            country.value, it->second.boundary->name)});
      d.help = fmt::format("keep `{}` in one geo route", country.value);
    }
  }
}

}  // namespace topoc::rules
