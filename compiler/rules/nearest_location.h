// The "did you mean" of the availability rules: among a boundary's locations,
// the one nearest to where the user placed something that also offers it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/model/topology.h"

namespace topoc::rules {

// The allowed location of `boundary` for which `offers` holds, nearest to
// `from`: one in the same country first, then the closest name (westus2 ->
// westus), then alphabetical; access-restricted regions come last. Without
// geography coordinates, country and name are what the catalogue knows of
// nearness; Azure names neighbours alike (westus, westus2, westus3).
std::optional<std::string> nearest_location(const model::Boundary& boundary, std::string_view from,
                                            const std::function<bool(std::string_view)>& offers);

}  // namespace topoc::rules
