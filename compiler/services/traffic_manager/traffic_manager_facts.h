// Questions the Traffic Manager rules ask of a profile: which endpoint a
// geographic code sends its users to, and where an endpoint serves from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/topology.h"

namespace topoc::rules {

// The code of the catch-all in Traffic Manager's geographic hierarchy.
inline constexpr std::string_view kTmWorld = "WORLD";

// One geographic code as a profile maps it: written in an endpoint's `geo`
// list, or `WORLD` given by the profile's `unmapped = <endpoint>`.
struct TmMapping {
  std::string code;
  const model::TmEndpoint* endpoint = nullptr;
  diag::Location location;  // the code, or the `unmapped` value
  bool from_unmapped = false;
};

// Every mapping of a profile in declaration order, `unmapped` last.
std::vector<TmMapping> tm_mappings(const model::TrafficManager& tm);

// Whether `code` is one topoc knows: `WORLD` or an ISO 3166-1 alpha-2 code.
bool tm_known_geo_code(std::string_view code);

// Azure locations (catalogue names) an endpoint's answers send users to: a
// region endpoint's region, an external or nested endpoint's `location`,
// and for a nested profile every location its own endpoints serve from.
// Sorted, without duplicates; empty when unknown.
std::vector<std::string> tm_serving_locations(const model::Topology& t,
                                              const model::TmEndpoint& endpoint);

}  // namespace topoc::rules
