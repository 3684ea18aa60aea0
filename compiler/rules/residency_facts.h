// Questions the residency, region-pair and Front Door rules ask of the model:
// which boundary holds a region or a tenant, whether a boundary allows a
// location, which boundaries own a country, and how to list names in a
// message. References that did not resolve (already reported by the model
// builder) answer null, so a rule never reports a consequence of them.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/topology.h"

namespace topoc::rules {

const model::Boundary* boundary_of(const model::Topology& t, const model::Region& region);
const model::Boundary* boundary_of(const model::Topology& t, const model::Tenant& tenant);

// Whether some region's boundary reference did not resolve; rules that ask
// "does this boundary have a region?" cannot answer then.
bool any_region_unresolved(const model::Topology& t);

// The note every rule attaches to the boundary a finding is about.
diag::Note declared_here(const model::Boundary& boundary);

// Where a finding about a value should point: at the value when it was
// written, otherwise at the block that holds the default.
template <typename T>
diag::Location value_or(const model::Sourced<T>& value, diag::Location enclosing) {
  return value.explicit_ ? value.location : enclosing;
}

// "`a`", "`a` and `b`", "`a`, `b` and `c`"; with `limit`, at most that many
// names then "and N more".
std::string quoted_list(std::span<const std::string> names, size_t limit = 0);

// Boundaries a Front Door request from `country` (ISO alpha-2) belongs to: a
// boundary owns a country when one of its allowed locations is in it, and an
// `eu-data-boundary` boundary owns every EU and EFTA member.
std::vector<const model::Boundary*> country_owners(const model::Topology& t,
                                                   std::string_view country);

// The countries of each boundary's allowed locations, by boundary index:
// found once for a rule that asks country_owners of every country.
using BoundaryCountries = std::vector<std::vector<std::string_view>>;
BoundaryCountries boundary_countries(const model::Topology& t);
std::vector<const model::Boundary*> country_owners(const model::Topology& t,
                                                   const BoundaryCountries& countries,
                                                   std::string_view country);

}  // namespace topoc::rules
