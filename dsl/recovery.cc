#include "dsl/recovery.h"

#include <fmt/format.h>

#include <cctype>

namespace topoc::dsl {
namespace {

uint32_t line_begin(std::string_view text, uint32_t offset) {
  size_t nl = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  if (offset == 0 || nl == std::string_view::npos) return 0;
  return static_cast<uint32_t>(nl + 1);
}

// The display column of `offset` on its line, tabs advancing to the next
// multiple of eight as editors show them.
uint32_t column_of(std::string_view text, uint32_t offset) {
  uint32_t col = 0;
  for (uint32_t i = line_begin(text, offset); i < offset; ++i) {
    col = text[i] == '\t' ? (col / 8 + 1) * 8 : col + 1;
  }
  return col;
}

// The column of the first non-blank character of the line holding `offset`.
uint32_t indentation(std::string_view text, uint32_t offset) {
  uint32_t i = line_begin(text, offset);
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return column_of(text, i);
}

bool first_on_line(std::string_view text, uint32_t offset) {
  for (uint32_t i = line_begin(text, offset); i < offset; ++i) {
    if (text[i] != ' ' && text[i] != '\t') return false;
  }
  return true;
}

// The word at `offset` (up to white space), shortened for a message.
std::string_view word_at(std::string_view text, uint32_t offset) {
  size_t end = offset;
  while (end < text.size() && end - offset < 40 &&
         !std::isspace(static_cast<unsigned char>(text[end]))) {
    ++end;
  }
  return text.substr(offset, end - offset);
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s.size() > 40 ? s.substr(0, 40) : s;
}

SyntaxError error_at(Span span, std::string message, std::string help) {
  SyntaxError e;
  e.span = span;
  e.message = std::move(message);
  e.help = std::move(help);
  return e;
}

// A block the brace scan has seen open.
struct OpenBrace {
  uint32_t indent = 0;   // of the line holding the `{`
  uint32_t line = 0;     // offset of that line
  int body_indent = -1;  // of its first line inside, once seen
  Span name;             // the first word of its header, for the note
  std::string header;    // `region "us"`, as written
};

OpenBrace open_at(std::string_view text, uint32_t brace) {
  OpenBrace open;
  open.line = line_begin(text, brace);
  open.indent = indentation(text, brace);
  // The header runs from the previous brace on the line (or its start) to
  // this `{`; a `{` alone on its line belongs to the line above.
  uint32_t from = open.line;
  for (uint32_t i = brace; i > open.line; --i) {
    if (text[i - 1] == '{' || text[i - 1] == '}') {
      from = i;
      break;
    }
  }
  std::string_view header = trimmed(text.substr(from, brace - from));
  if (header.empty() && open.line > 0) {
    uint32_t above = line_begin(text, open.line - 1);
    header = trimmed(text.substr(above, open.line - 1 - above));
    from = above;
  }
  while (from < brace && std::isspace(static_cast<unsigned char>(text[from]))) ++from;
  uint32_t end = from;
  while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
         text[end] != '{') {
    ++end;
  }
  open.name = {from, end};
  open.header = std::string(header);
  return open;
}

SyntaxError missing_close(const OpenBrace& open, uint32_t at) {
  SyntaxError e = error_at(
      {at, at + 1},
      fmt::format("expected `}}` to close `{}` before this line, which is indented like the block "
                  "around it",
                  open.header),
      fmt::format("add `}}` on its own line above this one, indented like `{}`", open.header));
  e.notes.push_back({open.name, fmt::format("`{}` opened here", open.header)});
  return e;
}

SyntaxError extra_close(const OpenBrace& open, uint32_t at) {
  SyntaxError e = error_at(
      {at, at + 1},
      fmt::format("this `}}` would close `{}`, but is indented deeper than it: it closes no block "
                  "at its indentation",
                  open.header),
      "remove this `}` if it is extra, or add the `{` it was meant to close");
  e.notes.push_back({open.name, fmt::format("`{}` opened here", open.header)});
  return e;
}

}  // namespace

std::optional<SyntaxError> explain_missing_separator(std::string_view text,
                                                     const ItemHeader& header, uint32_t offset) {
  uint32_t header_end = header.labels.empty() ? header.key.end : header.labels.back().end;
  std::string_view key = text.substr(header.key.begin, header.key.end - header.key.begin);
  std::string_view written = text.substr(header.key.begin, header_end - header.key.begin);
  bool at_end = offset >= text.size();
  bool next_line =
      at_end || text.substr(header_end, offset - header_end).find('\n') != std::string_view::npos;
  if (!next_line) {
    char c = text[offset];
    if (c == ':') {
      uint32_t after = offset + 1;
      while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
      std::string_view value = after < text.size() && text[after] != '\n' && text[after] != '\r'
                                   ? word_at(text, after)
                                   : std::string_view("...");
      return error_at({offset, offset + 1},
                      fmt::format("expected `=` after `{}`, not `:`", written),
                      fmt::format("write `{} = {}`", written, value));
    }
    if (c == '[' || c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
      std::string_view value = word_at(text, offset);
      return error_at({offset, static_cast<uint32_t>(offset + value.size())},
                      fmt::format("expected `=` between `{}` and its value", written),
                      fmt::format("write `{} = {}`", written, value));
    }
    return std::nullopt;
  }
  Span end_of_header{header_end, header_end + 1};
  if (!at_end && indentation(text, offset) > indentation(text, header.key.begin)) {
    return error_at(
        end_of_header,
        fmt::format("expected `{{` after `{}`: the lines below are indented as its body", written),
        fmt::format("write `{} {{` to open the block", written));
  }
  if (header.labels.size() == 1) {
    const Span& label = header.labels.front();
    std::string_view value = text.substr(label.begin, label.end - label.begin);
    return error_at(label, fmt::format("expected `=` between `{}` and `{}`", key, value),
                    fmt::format("write `{} = {}`", key, value));
  }
  return error_at(end_of_header,
                  fmt::format("expected `=` or `{{` after `{}`; found end of line", written),
                  fmt::format("write `{} = value` for an attribute or `{} {{ ... }}` for a block",
                              written, written));
}

std::optional<SyntaxError> explain_unbalanced_braces(std::string_view text, uint32_t offset) {
  std::vector<OpenBrace> open;
  int list_depth = 0;
  for (uint32_t i = 0; i < offset && i < text.size();) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (c == '#' || text.substr(i, 2) == "//") {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (text.substr(i, 2) == "/*") {
      size_t close = text.find("*/", i + 2);
      i = close == std::string_view::npos ? static_cast<uint32_t>(text.size())
                                          : static_cast<uint32_t>(close + 2);
      continue;
    }
    // The first token of a line, outside lists (whose items may wrap freely),
    // inside a block whose body has shown its indentation.
    if (list_depth == 0 && !open.empty() && first_on_line(text, i)) {
      OpenBrace& top = open.back();
      uint32_t indent = column_of(text, i);
      if (line_begin(text, i) != top.line) {
        bool indented_body = top.body_indent > static_cast<int>(top.indent);
        if (c != '}' && top.body_indent < 0) top.body_indent = static_cast<int>(indent);
        if (indented_body && c == '}' && indent > top.indent) return extra_close(top, i);
        if (indented_body && indent < top.indent) return missing_close(top, i);
        if (indented_body && c != '}' && indent <= top.indent) return missing_close(top, i);
      }
    }
    switch (c) {
      case '"':
        for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i) {
          if (text[i] == '\\') ++i;
        }
        ++i;
        continue;
      case '{':
        open.push_back(open_at(text, i));
        break;
      case '}':
        if (open.empty()) return std::nullopt;
        open.pop_back();
        break;
      case '[':
        ++list_depth;
        break;
      case ']':
        list_depth = list_depth > 0 ? list_depth - 1 : 0;
        break;
      default:
        // The rest of a name, number or CIDR.
        while (i + 1 < text.size() && !std::isspace(static_cast<unsigned char>(text[i + 1])) &&
               std::string_view("{}[]\"#/").find(text[i + 1]) == std::string_view::npos) {
          ++i;
        }
        break;
    }
    ++i;
  }
  return std::nullopt;
}

}  // namespace topoc::dsl
