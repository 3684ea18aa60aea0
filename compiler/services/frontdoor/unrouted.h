// Where Front Door sends requests from countries no geo route lists, shared
// by the rules, the estate, both backends and the graph so they agree.
#pragma once

#include <string>
#include <vector>

#include "compiler/model/topology.h"

namespace topoc::services::frontdoor {

// A Front Door WAF custom rule holds at most 10 match conditions (azurerm
// v4.55.0 `match_condition` MaxItems 10; Front Door limits "WAF match
// conditions per custom rule: 10"), and a condition at most 10 string
// values ("WAF string match values per match condition: 10").
inline constexpr size_t kGeoValuesPerCondition = 10;
inline constexpr size_t kConditionsPerRule = 10;
inline constexpr size_t kMaxAdmittedCountries = kGeoValuesPerCondition * kConditionsPerRule;

// The boundary whose origins serve unlisted countries: the one `unrouted`
// names, or without it the first boundary with a region Front Door reaches
// (an AKS region). Null for `unrouted = deny`, an unresolved name, or no
// such boundary.
const model::Boundary* unrouted_boundary(const model::Topology& t);

// The distinct known country codes the geo routes list, sorted: what
// `unrouted = deny` admits.
std::vector<std::string> admitted_countries(const model::FrontDoor& fd);

// admitted_countries() in groups of kGeoValuesPerCondition: one negated
// GeoMatch condition each, all in one Block rule, so a request is refused
// only when it matches none of the groups.
std::vector<std::vector<std::string>> admitted_country_groups(const model::FrontDoor& fd);

// Name of the WAF custom rule that refuses unlisted countries (letters and
// digits, starting with a letter, as the firewall policy requires).
inline constexpr std::string_view kDenyUnroutedRuleName = "DenyUnroutedCountries";

}  // namespace topoc::services::frontdoor
