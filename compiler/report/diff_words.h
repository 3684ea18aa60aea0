// Wording the Markdown and text renderings of `topoc diff` share.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "compiler/report/diff.h"

namespace topoc::report {

// An attribute value in one line: a string as it is, null as `(none)`,
// anything else as compact JSON; cut to kMaxQuotedBytes.
std::string value_text(const nlohmann::json& value);

// A tenant's boundary: `eu`, or `us -> eu` (with `arrow`) for a tenant
// moved between boundaries.
std::string boundary_text(const TenantDiff& tenant, std::string_view arrow = " -> ");

// The one-line summary: "3 added, 1 removed, 2 changed (1 destructive)".
std::string estate_summary(const EstateDiff& estate);

}  // namespace topoc::report
