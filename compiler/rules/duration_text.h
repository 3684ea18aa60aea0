// Durations in diagnostics, written the way the topology language writes
// them: 90s, 5m, 4h, 30d.
#pragma once

#include <cstdint>
#include <string>

namespace topoc::rules {

// The largest unit that divides `seconds` exactly: 300 -> "5m", 90 -> "90s".
std::string duration_text(int64_t seconds);

}  // namespace topoc::rules
