// The uniqueness suffix of globally unique names (docs/naming.md,
// "Uniqueness suffix"): nothing, a fixed string, or six hex digits of the
// SHA-256 of the topology's name and seed, the same on every machine.
#pragma once

#include <string>
#include <string_view>

#include "compiler/model/topology.h"

namespace topoc::naming {

// Hex digits of the `auto` suffix.
inline constexpr size_t kAutoSuffixLength = 6;

// The `auto` suffix of a topology named `name` with `seed` ("" for none):
// the first six hex digits of SHA-256("<name>\n<seed>").
std::string auto_suffix(std::string_view name, std::string_view seed);

// The suffix the topology's globally unique names carry; "" for none.
std::string uniqueness_suffix(const model::Topology& topology);

}  // namespace topoc::naming
