// What a topology means, with where it was written left out: the fmt tests
// and the fmt fuzzer compare a file with its formatted text through this.
#pragma once

#include <string>
#include <string_view>

#include "dsl/syntax_tree.h"

namespace topoc::testing {

// The syntax tree without spans: every key, label (quoted or not, decoded)
// and value (kind, decoded text, number) in order.
std::string syntax_of(const dsl::Document& document);

// The syntax tree (or the syntax error's message), every diagnostic of
// `topoc check` without its location (code, message, notes, fix-it, help),
// and, when there are no errors, every file of the Terraform and Bicep
// trees `topoc build` would write.
std::string meaning_of(std::string_view text);

}  // namespace topoc::testing
