#include <fmt/format.h>

#include <algorithm>

#include "compiler/diag/render.h"
#include "compiler/text/visible.h"

namespace topoc::diag {
namespace {

// Very long lines (minified input, a 10 MB line) are shown as a window around the column.
constexpr uint32_t kWindow = 100;

struct Palette {
  const char* bold = "";
  const char* red = "";
  const char* yellow = "";
  const char* cyan = "";
  const char* green = "";
  const char* reset = "";
};

Palette palette(bool color) {
  if (!color) return {};
  return {"\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m", "\x1b[1;32m", "\x1b[0m"};
}

// Bytes of the well-formed UTF-8 sequence that starts `text`, or 0.
size_t sequence_length(std::string_view text) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(0);
  size_t n = lead < 0x80 ? 1 : (lead & 0xe0) == 0xc0 ? 2 : (lead & 0xf0) == 0xe0 ? 3 : (lead & 0xf8) == 0xf0 ? 4 : 0;
  if (n == 0 || n > text.size() || (n == 2 && lead < 0xc2) || (n == 4 && lead > 0xf4)) return 0;
  for (size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
  }
  if (n == 3 && ((lead == 0xe0 && byte(1) < 0xa0) || (lead == 0xed && byte(1) >= 0xa0))) return 0;
  if (n == 4 && ((lead == 0xf0 && byte(1) < 0x90) || (lead == 0xf4 && byte(1) >= 0x90))) return 0;
  return n;
}

uint32_t code_point(std::string_view sequence) {
  auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(sequence[i])); };
  switch (sequence.size()) {
    case 2: return (byte(0) & 0x1f) << 6 | (byte(1) & 0x3f);
    case 3: return (byte(0) & 0x0f) << 12 | (byte(1) & 0x3f) << 6 | (byte(2) & 0x3f);
    case 4: return (byte(0) & 0x07) << 18 | (byte(1) & 0x3f) << 12 | (byte(2) & 0x3f) << 6 | (byte(3) & 0x3f);
    default: return byte(0);
  }
}

// Characters terminals draw two cells wide (East Asian Wide and Fullwidth,
// and emoji), by the main blocks of Unicode's EastAsianWidth.txt.
bool is_wide(uint32_t c) {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) ||
         (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
         (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
         (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
         (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd);
}

// The source line as the terminal shows it, with the cells each character
// takes: control characters and bytes that are not UTF-8 (the line a P002
// points into) are written as escapes (compiler/text/visible.h), so nothing
// raw reaches the terminal and the caret still lines up.
struct Shown {
  std::string text;
  uint32_t cells = 0;
};

Shown printable(std::string_view text) {
  Shown out;
  while (!text.empty()) {
    size_t n = sequence_length(text);
    if (n == 1 && text.front() == '\t') {
      out.text += ' ';
      out.cells += 1;
    } else if (n <= 1) {
      n = 1;
      std::string shown = escape_controls(text.substr(0, 1));
      out.text += shown;
      out.cells += static_cast<uint32_t>(shown.size());
    } else {
      std::string shown = escape_controls(text.substr(0, n));
      out.text += shown;
      out.cells += shown.size() != n                        ? static_cast<uint32_t>(shown.size())
                   : is_wide(code_point(text.substr(0, n))) ? 2
                                                            : 1;
    }
    text.remove_prefix(n);
  }
  return out;
}

void append_excerpt(std::string& out, const dsl::SourceFile& file, dsl::Span span, const Palette& p,
                    const char* caret_color, std::string_view fixit) {
  dsl::LineCol start = file.line_col(span.begin);
  std::string_view line = file.line_text(start.line);
  uint32_t col0 = start.column - 1;
  uint32_t from = col0 > kWindow / 2 ? col0 - kWindow / 2 : 0;
  from = std::min<uint32_t>(from, static_cast<uint32_t>(line.size()));
  std::string_view shown = line.substr(from, kWindow);
  // Back off to a character boundary so a window never splits a UTF-8 sequence.
  while (!shown.empty() && (static_cast<unsigned char>(shown.front()) & 0xc0) == 0x80) {
    shown.remove_prefix(1);
    ++from;
  }
  while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xc0) == 0xc0) shown.remove_suffix(1);
  std::string gutter = fmt::format("{}", start.line);
  std::string pad(gutter.size(), ' ');
  std::string prefix = from > 0 ? "..." : "";
  out += fmt::format(" {}{} |{} {}{}{}\n", p.cyan, gutter, p.reset, prefix, printable(shown).text,
                     from + shown.size() < line.size() ? "..." : "");
  // Caret and underline count cells, not bytes, so they stay under the
  // characters they mark on lines with non-ASCII text.
  size_t caret_byte = std::min<size_t>(col0 - std::min(col0, from), shown.size());
  uint32_t caret_at = printable(shown.substr(0, caret_byte)).cells + static_cast<uint32_t>(prefix.size());
  uint32_t span_bytes = span.end > span.begin ? span.end - span.begin : 1;
  uint32_t length = std::max<uint32_t>(1, printable(shown.substr(caret_byte, span_bytes)).cells);
  std::string marker = "^" + std::string(length - 1, '~');
  out += fmt::format(" {} {}|{} {}{}{}{}", pad, p.cyan, p.reset, std::string(caret_at, ' '), caret_color,
                     marker, p.reset);
  if (!fixit.empty()) out += fmt::format(" {}{}{}", p.green, fixit, p.reset);
  out += '\n';
}

}  // namespace

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "";
}

std::string render_text(std::span<const dsl::SourceFile> files, std::span<const Diagnostic> diagnostics,
                        TextStyle style) {
  Palette p = palette(style.color);
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    const dsl::SourceFile& file = files[d.location.file];
    dsl::LineCol lc = file.line_col(d.location.span.begin);
    const char* color = d.severity == Severity::kError ? p.red : p.yellow;
    out += fmt::format("{}{}:{}:{}:{} {}{}[{}]:{} {}{}{}\n", p.bold, escape_controls(file.path()),
                       lc.line, lc.column, p.reset, color, severity_name(d.severity),
                       info(d.kind).code, p.reset, p.bold, escape_controls(d.message), p.reset);
    std::string fix;
    if (d.fixit) {
      fix = d.fixit->replacement.empty()
                ? "remove this"
                : fmt::format("replace with `{}`", visible(truncated(d.fixit->replacement)));
    }
    if (!file.text().empty()) append_excerpt(out, file, d.location.span, p, color, fix);
    for (const Note& n : d.notes) {
      const dsl::SourceFile& nf = files[n.location.file];
      dsl::LineCol nlc = nf.line_col(n.location.span.begin);
      out +=
          fmt::format("{}{}:{}:{}:{} {}note:{} {}\n", p.bold, escape_controls(nf.path()), nlc.line,
                      nlc.column, p.reset, p.cyan, p.reset, bounded_message(n.message));
      if (!nf.text().empty()) append_excerpt(out, nf, n.location.span, p, p.cyan, "");
    }
    if (!d.help.empty())
      out += fmt::format("  {}help:{} {}\n", p.green, p.reset, bounded_message(d.help));
  }
  return out;
}

}  // namespace topoc::diag
