// Parses topology source text into a syntax tree. A syntax error stops the
// parse (the tree would be meaningless after it) and comes back as a value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/source.h"
#include "dsl/syntax_tree.h"

namespace topoc::dsl {

// Blocks nested deeper than this are rejected before they can exhaust the stack.
inline constexpr int kMaxNesting = 32;

struct SyntaxNote {
  Span span;
  std::string message;
};

enum class SyntaxErrorKind { kGrammar, kInvalidUtf8, kNestingTooDeep, kUtf16, kCarriageReturn };

struct SyntaxError {
  SyntaxErrorKind kind = SyntaxErrorKind::kGrammar;
  Span span;
  std::string message;
  std::vector<SyntaxNote> notes;
  std::string help;  // what to write instead, when the layout shows it
};

struct ParseResult {
  Document document;
  std::optional<SyntaxError> error;
};

ParseResult parse(const SourceFile& file);

// Whether the text is UTF-16 (with or without a byte order mark): "UTF-16LE"
// or "UTF-16BE", or nothing.
std::optional<std::string_view> detect_utf16(std::string_view text);

// The offset of the first carriage return that no line feed follows, if any.
std::optional<uint32_t> find_lone_carriage_return(std::string_view text);

// Returns the offset of the first byte that is not valid UTF-8, if any.
std::optional<uint32_t> find_invalid_utf8(std::string_view text);

// Decodes the escapes of a string literal given with its quotes.
std::string decode_string_literal(std::string_view literal);

}  // namespace topoc::dsl
