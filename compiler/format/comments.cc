#include "compiler/format/comments.h"

namespace topoc::format {
namespace {

// The grammar's whitespace (pegtl::space): space, tab, CR, LF, VT, FF.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

bool starts_comment(std::string_view text, uint32_t at, uint32_t end) {
  if (text[at] == '#') return true;
  return text[at] == '/' && at + 1 < end && (text[at + 1] == '/' || text[at + 1] == '*');
}

// The end of the comment starting at `at`: before the line break of a line
// comment, after the `*/` of a block comment.
uint32_t comment_end(std::string_view text, uint32_t at, uint32_t end, bool& line) {
  line = text[at] == '#' || text[at + 1] == '/';
  if (line) {
    size_t eol = text.find('\n', at);
    return eol == std::string_view::npos || eol > end ? end : static_cast<uint32_t>(eol);
  }
  size_t close = text.find("*/", at + 2);
  return close == std::string_view::npos ? end : static_cast<uint32_t>(close + 2);
}

void strip_trailing_space(std::string& s) {
  while (!s.empty() && is_space(s.back()) && s.back() != '\n') s.pop_back();
}

}  // namespace

Gap scan_gap(std::string_view text, uint32_t begin, uint32_t end) {
  Gap gap;
  uint32_t newlines = 0;
  for (uint32_t at = begin; at < end;) {
    if (starts_comment(text, at, end)) {
      Comment c;
      c.begin = at;
      c.end = comment_end(text, at, end, c.line);
      c.newlines_before = newlines;
      gap.comments.push_back(c);
      newlines = 0;
      at = c.end;
      continue;
    }
    if (text[at] == '\n') ++newlines;
    ++at;  // whitespace or punctuation
  }
  gap.newlines_after = newlines;
  return gap;
}

std::optional<uint32_t> find_punctuation(std::string_view text, uint32_t begin, uint32_t end,
                                         char c) {
  for (uint32_t at = begin; at < end;) {
    if (starts_comment(text, at, end)) {
      bool line = false;
      at = comment_end(text, at, end, line);
      continue;
    }
    if (text[at] == c) return at;
    ++at;
  }
  return std::nullopt;
}

bool spans_lines(std::string_view text, uint32_t begin, uint32_t end) {
  return text.substr(begin, end - begin).find('\n') != std::string_view::npos;
}

std::string comment_text(std::string_view text, const Comment& comment) {
  std::string out;
  for (char c : text.substr(comment.begin, comment.end - comment.begin)) {
    if (c == '\n') strip_trailing_space(out);
    out += c;
  }
  strip_trailing_space(out);
  return out;
}

}  // namespace topoc::format
