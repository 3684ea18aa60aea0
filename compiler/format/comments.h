// The text between two tokens of a topology that parsed: whitespace,
// comments and punctuation (`=`, `{`, `}`, `[`, `]`, `,`). The formatter
// keeps the comments and where they sit relative to line breaks; the rest of
// the gap is layout it decides itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace topoc::format {

struct Comment {
  uint32_t begin = 0;
  uint32_t end = 0;              // a line comment ends before its line break
  bool line = false;             // `#` or `//`: the line ends with it
  uint32_t newlines_before = 0;  // line breaks since the previous token or comment
};

struct Gap {
  std::vector<Comment> comments;
  uint32_t newlines_after = 0;  // line breaks from the last comment (or the start) to the end
};

// Scans [begin, end) of `text`, which holds no token (only whitespace,
// comments and punctuation, which is skipped).
Gap scan_gap(std::string_view text, uint32_t begin, uint32_t end);

// The offset of the punctuation character `c` in [begin, end), outside
// comments, if it is there.
std::optional<uint32_t> find_punctuation(std::string_view text, uint32_t begin, uint32_t end,
                                         char c);

// Whether [begin, end) holds a line break, inside a comment or not.
bool spans_lines(std::string_view text, uint32_t begin, uint32_t end);

// A comment as the formatter writes it: the same bytes, except that CRLF
// becomes LF and no line of it ends in whitespace.
std::string comment_text(std::string_view text, const Comment& comment);

}  // namespace topoc::format
