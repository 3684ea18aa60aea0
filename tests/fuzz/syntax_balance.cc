#include "tests/fuzz/syntax_balance.h"

#include <fmt/format.h>

#include <vector>

namespace topoc::testing {
namespace {

enum class Language { kHcl, kBicep };

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_identifier_char(char c, bool first) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         (!first && ((c >= '0' && c <= '9') || c == '-'));
}

// One pass over the text with a stack of what is open. The top of the stack
// says where the scanner is: in a string (a quote on top) or in an
// expression (a bracket, an interpolation, or nothing).
class Scanner {
 public:
  Scanner(std::string_view text, Language language) : text_(text), language_(language) {}

  std::optional<std::string> run() {
    while (pos_ < text_.size() && !error_) {
      if (in_string()) {
        string_step();
      } else {
        expression_step();
      }
    }
    if (error_) return error_;
    if (!open_.empty()) {
      const Open& o = open_.back();
      if (o.kind == '"' || o.kind == '\'') return at(o.line, o.column, "string never closed");
      return at(o.line, o.column, fmt::format("`{}` never closed", opener(o.kind)));
    }
    return std::nullopt;
  }

 private:
  struct Open {
    char kind;  // { [ ( ; $ for an interpolation or template directive; " or ' for a string
    int line;
    int column;
  };

  bool in_string() const {
    return !open_.empty() && (open_.back().kind == '"' || open_.back().kind == '\'');
  }
  char quote() const { return language_ == Language::kHcl ? '"' : '\''; }
  int column() const { return static_cast<int>(pos_ - line_start_) + 1; }
  bool next_is(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }

  static std::string opener(char kind) { return kind == '$' ? "${" : std::string(1, kind); }
  static std::string at(int line, int column, const std::string& what) {
    return fmt::format("{}:{}: {}", line, column, what);
  }
  void fail(const std::string& what) { error_ = at(line_, column(), what); }

  void newline() {
    ++line_;
    line_start_ = pos_ + 1;
  }

  // Moves past `count` characters that hold no newline.
  void skip(size_t count) { pos_ += count; }

  void push(char kind, size_t width) {
    open_.push_back({kind, line_, column()});
    skip(width);
  }

  void close(char c) {
    char wanted = c == '}' ? '{' : c == ']' ? '[' : '(';
    if (open_.empty()) return fail(fmt::format("`{}` closes nothing", c));
    const Open& o = open_.back();
    if (o.kind == wanted || (c == '}' && o.kind == '$')) {
      open_.pop_back();
      skip(1);
      return;
    }
    fail(fmt::format("`{}` closes `{}` opened at {}:{}", c, opener(o.kind), o.line, o.column));
  }

  // Skips to the end of a line comment (the newline stays).
  void line_comment() {
    while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
  }

  void block_comment() {
    int line = line_, col = column();
    skip(2);
    while (pos_ < text_.size() && !next_is("*/")) {
      if (text_[pos_] == '\n') newline();
      ++pos_;
    }
    if (pos_ >= text_.size()) return void(error_ = at(line, col, "comment never closed"));
    skip(2);
  }

  // `<<EOT` or `<<-EOT`, a newline, lines, then a line holding only EOT
  // (after indentation).
  void heredoc() {
    int line = line_, col = column();
    skip(2);
    if (next_is("-")) skip(1);
    size_t begin = pos_;
    while (pos_ < text_.size() && is_identifier_char(text_[pos_], pos_ == begin)) ++pos_;
    std::string_view marker = text_.substr(begin, pos_ - begin);
    if (marker.empty() || !next_is("\n"))
      return fail("`<<` must start a heredoc: `<<EOT` and a newline");
    while (pos_ < text_.size()) {
      newline();
      ++pos_;
      size_t end = text_.find('\n', pos_);
      std::string_view row = text_.substr(pos_, end == std::string_view::npos ? end : end - pos_);
      size_t indent = row.find_first_not_of(" \t");
      if (indent != std::string_view::npos && row.substr(indent) == marker) {
        pos_ += row.size();
        return;
      }
      if (end == std::string_view::npos) break;
      pos_ = end;
    }
    error_ = at(line, col, fmt::format("heredoc `{}` never closed", marker));
  }

  void multiline_string() {
    int line = line_, col = column();
    skip(3);
    while (pos_ < text_.size() && !next_is("'''")) {
      if (text_[pos_] == '\n') newline();
      ++pos_;
    }
    if (pos_ >= text_.size()) return void(error_ = at(line, col, "multi-line string never closed"));
    skip(3);
  }

  void expression_step() {
    char c = text_[pos_];
    bool hcl = language_ == Language::kHcl;
    if (c == '\n') {
      newline();
      ++pos_;
    } else if ((hcl && c == '#') || next_is("//")) {
      line_comment();
    } else if (next_is("/*")) {
      block_comment();
    } else if (hcl && next_is("<<")) {
      heredoc();
    } else if (!hcl && next_is("'''")) {
      multiline_string();
    } else if (c == quote()) {
      push(c, 1);
    } else if (c == '{' || c == '[' || c == '(') {
      push(c, 1);
    } else if (c == '}' || c == ']' || c == ')') {
      close(c);
    } else {
      ++pos_;
    }
  }

  void escape() {
    char e = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
    if (language_ == Language::kHcl) {
      if (e == 'n' || e == 'r' || e == 't' || e == '"' || e == '\\') return skip(2);
      size_t digits = e == 'u' ? 4 : e == 'U' ? 8 : 0;
      if (digits > 0) {
        for (size_t k = 0; k < digits; ++k) {
          if (pos_ + 2 + k >= text_.size() || !is_hex(text_[pos_ + 2 + k]))
            return fail(fmt::format("`\\{}` needs {} hex digits", e, digits));
        }
        return skip(2 + digits);
      }
    } else {
      if (e == 'n' || e == 'r' || e == 't' || e == '\'' || e == '\\' || e == '$') return skip(2);
      if (e == 'u' && pos_ + 2 < text_.size() && text_[pos_ + 2] == '{') {
        size_t k = pos_ + 3;
        while (k < text_.size() && is_hex(text_[k])) ++k;
        if (k > pos_ + 3 && k < text_.size() && text_[k] == '}') return skip(k + 1 - pos_);
        return fail("`\\u{` needs hex digits and `}`");
      }
    }
    if (e == '\n' || e == '\0') return fail("string never closed");
    fail(fmt::format("invalid escape `\\{}` in a string", e));
  }

  void string_step() {
    char c = text_[pos_];
    if (c == '\n') return fail("newline in a string");
    if (c == '\\') return escape();
    if (c == quote()) {
      open_.pop_back();
      return skip(1);
    }
    if (language_ == Language::kHcl && (next_is("$${") || next_is("%%{"))) return skip(3);
    if (next_is("${") || (language_ == Language::kHcl && next_is("%{"))) return push('$', 2);
    ++pos_;
  }

  std::string_view text_;
  Language language_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  int line_ = 1;
  std::vector<Open> open_;
  std::optional<std::string> error_;
};

}  // namespace

std::optional<std::string> hcl_balance_error(std::string_view text) {
  return Scanner(text, Language::kHcl).run();
}

std::optional<std::string> bicep_balance_error(std::string_view text) {
  return Scanner(text, Language::kBicep).run();
}

}  // namespace topoc::testing
