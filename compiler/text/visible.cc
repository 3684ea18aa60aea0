#include "compiler/text/visible.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace topoc {
namespace {

// Bytes of the well-formed UTF-8 sequence that starts `text`, or 0.
size_t sequence_length(std::string_view text) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(0);
  size_t n = lead < 0x80             ? 1
             : (lead & 0xe0) == 0xc0 ? 2
             : (lead & 0xf0) == 0xe0 ? 3
             : (lead & 0xf8) == 0xf0 ? 4
                                     : 0;
  if (n == 0 || n > text.size() || (n == 2 && lead < 0xc2) || (n == 4 && lead > 0xf4)) return 0;
  for (size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
  }
  if (n == 3 && ((lead == 0xe0 && byte(1) < 0xa0) || (lead == 0xed && byte(1) >= 0xa0))) return 0;
  if (n == 4 && ((lead == 0xf0 && byte(1) < 0x90) || (lead == 0xf4 && byte(1) >= 0x90))) return 0;
  return n;
}

uint32_t code_point(std::string_view s) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i])); };
  switch (s.size()) {
    case 2:
      return (b(0) & 0x1f) << 6 | (b(1) & 0x3f);
    case 3:
      return (b(0) & 0x0f) << 12 | (b(1) & 0x3f) << 6 | (b(2) & 0x3f);
    case 4:
      return (b(0) & 0x07) << 18 | (b(1) & 0x3f) << 12 | (b(2) & 0x3f) << 6 | (b(3) & 0x3f);
    default:
      return b(0);
  }
}

// Characters that move the cursor, change what later text looks like, or
// reorder it (Trojan Source): none of them belongs in a name.
bool hidden(uint32_t c) {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

std::string escape(std::string_view text, bool backticks) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    size_t n = sequence_length(text);
    if (n == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text.front()));
      text.remove_prefix(1);
      continue;
    }
    uint32_t c = code_point(text.substr(0, n));
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (hidden(c) || (backticks && c == '`')) {
      out += fmt::format("\\u{{{:x}}}", c);
    } else {
      out += text.substr(0, n);
    }
    text.remove_prefix(n);
  }
  return out;
}

}  // namespace

std::string escape_controls(std::string_view text) {
  return escape(text, false);
}

std::string visible(std::string_view text) {
  return escape(text, true);
}

std::string truncated(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
  return fmt::format("{}… ({} bytes)", text.substr(0, cut), text.size());
}

namespace {

bool closes_quote(std::string_view text, size_t tick) {
  if (tick + 1 == text.size()) return true;
  auto next = static_cast<unsigned char>(text[tick + 1]);
  return !(std::isalnum(next) || next == '_' || next == '`' || next >= 0x80);
}

}  // namespace

std::string quoted_message(std::string_view message) {
  std::string escaped = escape_controls(message);
  std::string_view rest = escaped;
  std::string out;
  while (!rest.empty()) {
    size_t open = rest.find('`');
    // Outside quotes is topoc's own text; the looser bound only matters when
    // a quote never closes.
    out += truncated(rest.substr(0, open), 2 * kMaxQuotedBytes);
    if (open == std::string_view::npos) break;
    size_t close = open + 1;
    while (close < rest.size() && !(rest[close] == '`' && closes_quote(rest, close))) ++close;
    out += '`';
    for (char c : truncated(rest.substr(open + 1, close - open - 1))) {
      if (c == '`') {
        out += "\\u{60}";
      } else {
        out += c;
      }
    }
    if (close < rest.size()) out += '`';
    rest.remove_prefix(std::min(close + 1, rest.size()));
  }
  return out;
}

}  // namespace topoc
