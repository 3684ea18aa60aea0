#include "compiler/services/traffic_manager/traffic_manager_facts.h"

#include <algorithm>
#include <set>

#include "compiler/catalog/country_catalog.h"

namespace topoc::rules {
namespace {

void collect(const model::Topology& t, const model::TmEndpoint& ep,
             std::set<const model::TrafficManager*>& visited, std::set<std::string>& out) {
  switch (ep.kind) {
    case model::TmEndpointKind::kRegion:
      if (const model::Region* r = t.find_region(ep.region.value)) out.insert(r->location.value);
      return;
    case model::TmEndpointKind::kExternal:
      if (!ep.endpoint_location.value.empty()) out.insert(ep.endpoint_location.value);
      return;
    case model::TmEndpointKind::kNested: {
      const model::TrafficManager* child = t.find_traffic_manager(ep.profile.value);
      // A cycle (T009) adds nothing new the second time round.
      if (!child || !visited.insert(child).second) return;
      for (const model::TmEndpoint& inner : child->endpoints) collect(t, inner, visited, out);
      return;
    }
  }
}

}  // namespace

std::vector<TmMapping> tm_mappings(const model::TrafficManager& tm) {
  std::vector<TmMapping> out;
  for (const model::TmEndpoint& ep : tm.endpoints) {
    for (const auto& code : ep.geo) out.push_back({code.value, &ep, code.location});
  }
  if (tm.unmapped.explicit_) {
    if (const model::TmEndpoint* ep = tm.find_endpoint(tm.unmapped.value)) {
      out.push_back({std::string(kTmWorld), ep, tm.unmapped.location, true});
    }
  }
  return out;
}

bool tm_known_geo_code(std::string_view code) {
  return code == kTmWorld || catalog::find_country(code) != nullptr;
}

std::vector<std::string> tm_serving_locations(const model::Topology& t,
                                              const model::TmEndpoint& endpoint) {
  std::set<const model::TrafficManager*> visited;
  std::set<std::string> out;
  collect(t, endpoint, visited, out);
  return {out.begin(), out.end()};
}

}  // namespace topoc::rules
