// T001: a geographic profile answers a country's DNS queries with the
// endpoint its most specific mapping names: the country's own code, else
// `WORLD`. When that endpoint serves from locations no boundary owning the
// country allows, the country's users (and the data they send) are served
// outside their boundary, as with Front Door's geo routes (F001).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "compiler/catalog/country_catalog.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"
#include "compiler/services/traffic_manager/traffic_manager_facts.h"

namespace topoc::rules {
namespace {

// Locations in `locations` that none of `owners` allows.
std::vector<std::string> outside(const std::vector<std::string>& locations,
                                 const std::vector<const model::Boundary*>& owners) {
  std::vector<std::string> out;
  for (const std::string& l : locations) {
    bool allowed = std::any_of(owners.begin(), owners.end(),
                               [&](const model::Boundary* b) { return b->allows(l); });
    if (!allowed) out.push_back(l);
  }
  return out;
}

}  // namespace

void traffic_manager_country_owner(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::TrafficManager& tm : t.traffic_managers) {
    if (tm.routing.value != model::TmRouting::kGeographic) continue;
    std::map<std::string, const TmMapping*> first;  // code -> first mapping (T002 reports others)
    std::vector<TmMapping> mappings = tm_mappings(tm);
    for (const TmMapping& m : mappings) first.emplace(m.code, &m);
    // Countries that reach an endpoint through `WORLD`, per owning boundary.
    std::map<const model::Boundary*, std::vector<std::string>> through_world;
    const BoundaryCountries boundary_owned = boundary_countries(t);
    for (const catalog::CountryInfo& country : catalog::all_countries()) {
      auto owners = country_owners(t, boundary_owned, country.code);
      if (owners.empty()) continue;
      auto own = first.find(std::string(country.code));
      const TmMapping* m = own != first.end() ? own->second : nullptr;
      if (!m) {
        auto world = first.find(std::string(kTmWorld));
        if (world == first.end()) continue;
        m = world->second;
      }
      std::vector<std::string> places = outside(tm_serving_locations(t, *m->endpoint), owners);
      if (places.empty()) continue;
      if (m->code != kTmWorld) {
        std::vector<std::string> names;
        for (const model::Boundary* b : owners) names.push_back(b->name);
        auto& d = sink.report(
            diag::Kind::TmCountryMappedAcrossBoundary, m->location,
            fmt::format("`{}` ({}) is mapped to endpoint `{}`, which serves from {}, but its "
                        "users' data belongs to {} {}",
                        country.code, country.name, m->endpoint->name, quoted_list(places),
                        names.size() == 1 ? "boundary" : "boundaries", quoted_list(names)));
        for (const model::Boundary* b : owners) d.notes.push_back(declared_here(*b));
        d.help =
            fmt::format("map `{}` to an endpoint in boundary `{}`", country.code, owners[0]->name);
        continue;
      }
      through_world[owners[0]].push_back(std::string(country.code));
    }
    if (through_world.empty()) continue;
    const TmMapping* world = first.find(std::string(kTmWorld))->second;
    std::vector<std::string> places = tm_serving_locations(t, *world->endpoint);
    for (const model::Boundary& b : t.boundaries) {
      auto it = through_world.find(&b);
      if (it == through_world.end()) continue;
      std::vector<std::string> shown = outside(places, {&b});
      auto& d = sink.report(
          diag::Kind::TmCountryMappedAcrossBoundary, world->location,
          fmt::format("`WORLD` sends {} of boundary `{}` ({}) to endpoint `{}`, which serves "
                      "from {}, outside it",
                      it->second.size() == 1 ? "the country" : "the countries", b.name,
                      quoted_list(it->second, 8), world->endpoint->name, quoted_list(shown)));
      d.notes.push_back(declared_here(b));
      d.help = fmt::format("map {} to an endpoint in boundary `{}`",
                           it->second.size() == 1 ? "it" : "them", b.name);
    }
  }
}

}  // namespace topoc::rules
