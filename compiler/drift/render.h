// Drift reports for people (text), pull requests (Markdown), pipelines
// (JSON) and code scanning (SARIF 2.1.0). All output is deterministic: the
// report is sorted, and nothing depends on time or absolute paths.
#pragma once

#include <string>
#include <string_view>

#include "compiler/drift/findings.h"

namespace topoc::drift {

std::string render_text(const DriftReport& report);
// GitHub refuses a comment body longer than 65,536 characters. A Markdown
// report longer than kMarkdownBudget bytes keeps its summary (verdict,
// counts) and as many residency breaches, then other findings, as fit, with a
// note of how many are left out. Bytes, not characters, are counted: a UTF-8
// byte count is never below the count of code points or of UTF-16 code units,
// whichever GitHub counts, and the budget leaves room for a line or two that
// a pipeline adds around the report.
inline constexpr size_t kMarkdownBudget = 60000;
std::string render_markdown(const DriftReport& report, size_t budget = kMarkdownBudget);
std::string render_json(const DriftReport& report);
std::string render_sarif(const DriftReport& report, std::string_view tool_version);

// "1 residency breach, 2 changed"; "no drift" when there are no findings.
std::string summary_counts(const DriftReport& report);

}  // namespace topoc::drift
