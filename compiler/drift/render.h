// Drift reports for people (text), pull requests (Markdown), pipelines
// (JSON) and code scanning (SARIF 2.1.0). All output is deterministic: the
// report is sorted, and nothing depends on time or absolute paths.
#pragma once

#include <string>
#include <string_view>

#include "compiler/drift/findings.h"

namespace topoc::drift {

std::string render_text(const DriftReport& report);
std::string render_markdown(const DriftReport& report);
std::string render_json(const DriftReport& report);
std::string render_sarif(const DriftReport& report, std::string_view tool_version);

// "1 residency breach, 2 changed"; "no drift" when there are no findings.
std::string summary_counts(const DriftReport& report);

}  // namespace topoc::drift
