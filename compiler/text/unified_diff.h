// Unified diffs (`diff -u` / `git diff` format) of two texts, line by line,
// with the shortest edit script (Myers' O(ND) algorithm).
#pragma once

#include <string>
#include <string_view>

namespace topoc {

struct DiffLabels {
  std::string from;  // "a/main.tf", or "/dev/null" for a file that does not exist yet
  std::string to;    // "b/main.tf", or "/dev/null" for a file that goes away
};

// The hunks turning `before` into `after`, with `context` lines around each
// change, headed by `--- from` and `+++ to`; "" when the texts are equal. A
// last line without a newline is marked `\ No newline at end of file`.
std::string unified_diff(std::string_view before, std::string_view after, const DiffLabels& labels,
                         size_t context = 3);

}  // namespace topoc
