// Moves a syntax error from where the parser noticed it to where the mistake
// was made, using the file's layout. A forgotten `{`, `}` or `=` is legal text
// for a while, so the parser stops lines after the cause; line breaks and
// indentation say which line it was. These run only after a parse failed:
// layout never makes a file valid or invalid.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/parser.h"

namespace topoc::dsl {

// An item's name and labels, parsed before the parser expected `=` or `{`.
struct ItemHeader {
  Span key;
  std::vector<Span> labels;
};

// The parser expected `=` or `{` at `offset` after `header`: a missing `{`
// (the lines below are indented as a body), a missing `=` (a name and its
// value without one), or `:` for `=`.
std::optional<SyntaxError> explain_missing_separator(std::string_view text,
                                                     const ItemHeader& header, uint32_t offset);

// The braces do not balance: the parser found a `}` that closes nothing, or
// the end of the file inside a block, at `offset`. Returns the first line
// before it where the braces stop following the indentation: a `}` deeper
// than the block it closes (an extra `}`), or a line indented like an outer
// block while an inner one is open (a missing `}`).
std::optional<SyntaxError> explain_unbalanced_braces(std::string_view text, uint32_t offset);

}  // namespace topoc::dsl
