// One message per point where the grammar commits (a `must<>`). A rule that
// can raise without an entry here fails to compile (must_if requires it).
#pragma once

#include "dsl/grammar.h"

namespace topoc::dsl::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

// clang-format off
template <> inline constexpr auto error_message<body> = "expected an attribute or a block";
template <> inline constexpr auto error_message<end_of_file> = "expected an attribute (`name = value`) or a block (`name \"label\" { ... }`)";
template <> inline constexpr auto error_message<skip> = "expected whitespace or a comment";
template <> inline constexpr auto error_message<labels> = "expected a label";
template <> inline constexpr auto error_message<inline_space> = "expected a space or a comment";
template <> inline constexpr auto error_message<item_rest> = "expected `=` or `{` after the name";
template <> inline constexpr auto error_message<attribute_value> = "expected a value after `=`: a string, number, duration like 30s, CIDR, name or list";
template <> inline constexpr auto error_message<block_open> = "expected `{`";
template <> inline constexpr auto error_message<block_close> = "expected `}` to close the block, or another attribute or block";
template <> inline constexpr auto error_message<list_body> = "expected list items";
template <> inline constexpr auto error_message<list_close> = "expected `]` to close the list, or another list item (lists hold strings, numbers and names, not lists or blocks)";
template <> inline constexpr auto error_message<string_body> = "expected the text of the string";
template <> inline constexpr auto error_message<string_close> = "unterminated string; a string ends with `\"` on the same line";
template <> inline constexpr auto error_message<escape_sequence> = "unknown escape sequence; use \\\", \\\\, \\n, \\t, \\r, \\$, \\% or \\u{hex}";
template <> inline constexpr auto error_message<pegtl::until<block_comment_end, pegtl::any>> = "unterminated comment; a `/*` comment ends with `*/`";
// clang-format on

struct error_messages {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
};

}  // namespace topoc::dsl::grammar
