// Line-by-line differences between two texts in the unified format of
// `diff -u` (three lines of context), computed with Myers' O((N+M)D)
// algorithm in its linear-space form, so that memory stays proportional to
// the texts however much they differ.
#pragma once

#include <string>
#include <string_view>

namespace topoc::format {

// Empty when the texts are equal; otherwise `--- before_label`, `+++
// after_label` and the hunks.
std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view before_label, std::string_view after_label);

}  // namespace topoc::format
