// Small additions to tests/check_support.h for the residency, pair and Front
// Door rule tests: editing a topology in place and summarising notes.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "tests/check_support.h"

namespace topoc::testing {

// `text` with its only occurrence of `from` replaced by `to`; fails the test
// when `from` is missing, so an edit never silently tests the original.
inline std::string replaced(std::string text, std::string_view from, std::string_view to) {
  size_t at = text.find(from);
  EXPECT_NE(std::string::npos, at) << "`" << from << "` not found in the topology";
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// One line per note: "line:col message".
inline std::vector<std::string> notes_of(const driver::CheckResult& result,
                                         const diag::Diagnostic& d) {
  std::vector<std::string> out;
  for (const diag::Note& n : d.notes) {
    auto lc = result.files[n.location.file].line_col(n.location.span.begin);
    out.push_back(fmt::format("{}:{} {}", lc.line, lc.column, n.message));
  }
  return out;
}

}  // namespace topoc::testing
