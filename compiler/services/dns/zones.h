// Which public zones the frontdoor module writes: those its custom domains
// name. A `dns` block for one of them adds records to that zone rather than
// making it again.
#pragma once

#include <set>
#include <string>

#include "compiler/estate/estate.h"
#include "compiler/model/topology.h"

namespace topoc::services::dns {

std::set<std::string> frontdoor_zones(const model::Topology& t);

// Whether the estate has zones or records of the dns module (a `dns` block
// whose zone Front Door makes and that holds no record has none).
bool has_dns_module(const estate::Estate& e);

// Whether some of them go into a zone the frontdoor module makes, so the
// dns module deploys after it.
bool dns_after_frontdoor(const estate::Estate& e);

// The address prefix of the dns module's resources.
inline constexpr std::string_view kModulePrefix = "module.dns.";

}  // namespace topoc::services::dns
