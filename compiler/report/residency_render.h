// The renderings of a residency report (residency_report.h): Markdown for a
// DPIA annex or a pull request, JSON for tooling (schema:
// docs/residency.schema.json) and one self-contained HTML page with a map.
// User text is escaped in each; none of them plans anything.
#pragma once

#include <string>

#include "compiler/report/residency_report.h"

namespace topoc::report {

std::string render_residency_markdown(const ResidencyReport& report);
std::string render_residency_json(const ResidencyReport& report);
std::string render_residency_html(const ResidencyReport& report);

// The version of the JSON document (docs/json.md's rule: raised when a
// field changes meaning or goes away).
inline constexpr int kResidencySchemaVersion = 1;

}  // namespace topoc::report
