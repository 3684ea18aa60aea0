// Wording the Markdown and text renderings of `topoc diff` share.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "compiler/report/diff.h"

namespace topoc::report {

// An attribute value in one line: a string as it is, null as `(none)`,
// anything else as compact JSON; cut to kMaxQuotedBytes.
std::string value_text(const nlohmann::json& value);

// A tenant's boundary: `eu`, or `us -> eu` for a tenant moved between
// boundaries.
std::string boundary_text(const TenantDiff& tenant);

// A tenant's new placements as people read them: one row per kind and
// source, with every new location that source puts there (an OpenAI data
// zone is one row, not fourteen), in the order they first appear.
struct PlacementRow {
  std::string_view kind;
  std::vector<std::string> locations;
  const PlacementSource* source = nullptr;
};
std::vector<PlacementRow> placement_rows(const TenantDiff& tenant);

// The one-line summary: "3 added, 1 removed, 2 changed (1 destructive)".
std::string estate_summary(const EstateDiff& estate);

}  // namespace topoc::report
