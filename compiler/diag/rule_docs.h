// The documentation of each diagnostic code, read from docs/rules.md (embedded
// in the binary at build time): one source for the descriptions and help that
// SARIF output attaches to its rules, so the log and the page never disagree.
#pragma once

#include <string>
#include <string_view>

namespace topoc::diag {

struct RuleDoc {
  std::string heading;           // "P001 — the text does not follow the topology grammar"
  std::string anchor;            // github_anchor(heading)
  std::string full_description;  // the section's first paragraph, on one line
  std::string markdown;          // the section's body, without the heading
};

// The `## CODE — summary` section of docs/rules.md; nullptr if there is none.
const RuleDoc* rule_doc(std::string_view code);

// The fragment GitHub gives a Markdown heading: lowercased, every character
// that is not a letter, digit, `_`, `-` or space dropped (backticks,
// apostrophes, the em dash, parentheses...), spaces turned into `-`. Bytes
// outside ASCII other than dashes are kept as letters: headings are English.
std::string github_anchor(std::string_view heading);

}  // namespace topoc::diag
