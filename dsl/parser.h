// Parses topology source text into a syntax tree. A syntax error stops the
// parse (the tree would be meaningless after it) and comes back as a value.
#pragma once

#include <optional>
#include <string>
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

enum class SyntaxErrorKind { kGrammar, kInvalidUtf8, kNestingTooDeep };

struct SyntaxError {
  SyntaxErrorKind kind = SyntaxErrorKind::kGrammar;
  Span span;
  std::string message;
  std::vector<SyntaxNote> notes;
};

struct ParseResult {
  Document document;
  std::optional<SyntaxError> error;
};

ParseResult parse(const SourceFile& file);

// Returns the offset of the first byte that is not valid UTF-8, if any.
std::optional<uint32_t> find_invalid_utf8(std::string_view text);

// Decodes the escapes of a string literal given with its quotes.
std::string decode_string_literal(std::string_view literal);

}  // namespace topoc::dsl
