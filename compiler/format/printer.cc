#include "compiler/format/printer.h"

#include "compiler/format/comments.h"
#include "compiler/format/line_buffer.h"

namespace topoc::format {
namespace {

// Items of one-line blocks are set apart by two spaces, as `a = 1  b = 2`
// reads better than `a = 1 b = 2`.
constexpr std::string_view kItemSeparator = "  ";

class Printer {
 public:
  explicit Printer(std::string_view text) : text_(text) {}

  std::string print(const dsl::Document& document) {
    body(document.items, 0, static_cast<uint32_t>(text_.size()), 0, false);
    return out_.finish();
  }

 private:
  std::string_view raw(dsl::Span span) const {
    return text_.substr(span.begin, span.end - span.begin);
  }

  void start_line(size_t level) {
    break_pending_ = false;
    out_.start_line(level);
  }
  // The next token goes on a new line at `level`.
  void break_line(size_t level) {
    break_pending_ = true;
    continuation_level_ = level;
  }
  void put(std::string_view text, std::string_view separator) {
    if (break_pending_) start_line(continuation_level_);
    out_.put(text, separator);
  }
  void put_comment(const Comment& comment, std::string_view separator) {
    put(comment_text(text_, comment), separator);
  }

  // The items of a body at `level`, one a line. `attach`: whether a comment
  // on the line of the token before `from` stays on that line.
  void body(const std::vector<dsl::Node>& items, uint32_t from, uint32_t to, size_t level,
            bool attach) {
    bool started = false;
    uint32_t at = from;
    for (const dsl::Node& item : items) {
      if (lines_gap(at, item.key_span.begin, level, started, attach)) out_.blank_line();
      start_line(level);
      print_item(item, level, true, "");
      started = attach = true;
      at = item.span.end;
    }
    lines_gap(at, to, level, started, attach);
  }

  // Comments between the lines of a body or a list at `level`: one on the
  // line of the token before it stays at that line's end, any other gets a
  // line of its own, after one blank line if the source has blank lines
  // there (never at the start of the body). Returns whether the next token
  // follows a blank line.
  bool lines_gap(uint32_t from, uint32_t to, size_t level, bool& started, bool attach) {
    Gap gap = scan_gap(text_, from, to);
    for (const Comment& c : gap.comments) {
      if (c.newlines_before == 0 && attach) {
        put_comment(c, " ");
        continue;
      }
      if (c.newlines_before > 1 && started) out_.blank_line();
      start_line(level);
      put_comment(c, "");
      started = attach = true;
    }
    return gap.newlines_after > 1 && started;
  }

  // Comments inside an item, between its tokens: a block comment on the line
  // of the token before it stays there, between single spaces; any other
  // comment starts a line, a line comment ends one, and the item goes on at
  // `continuation`.
  void inline_gap(uint32_t from, uint32_t to, size_t continuation) {
    for (const Comment& c : scan_gap(text_, from, to).comments) {
      if (c.newlines_before > 0) break_line(continuation);
      put_comment(c, " ");
      if (c.line || c.newlines_before > 0) break_line(continuation);
    }
  }

  // `key labels = value` or `key labels { body }`. `expanded`: the item has
  // a line of its own, so its `=` aligns with its neighbours'.
  void print_item(const dsl::Node& node, size_t level, bool expanded, std::string_view separator) {
    size_t continuation = level + 1;
    put(raw(node.key_span), separator);
    size_t key_line = out_.line_count();
    uint32_t at = node.key_span.end;
    for (const dsl::Label& label : node.labels) {
      inline_gap(at, label.span.begin, continuation);
      put(raw(label.span), " ");
      at = label.span.end;
    }
    if (!node.is_block) {
      uint32_t equals = *find_punctuation(text_, at, node.value.span.begin, '=');
      inline_gap(at, equals, continuation);
      if (expanded && !break_pending_ && out_.line_count() == key_line) out_.mark_alignment();
      put("=", " ");
      inline_gap(equals + 1, node.value.span.begin, continuation);
      print_value(node.value, level);
      return;
    }
    uint32_t close = node.span.end - 1;
    uint32_t first = node.body.empty() ? close : node.body.front().key_span.begin;
    uint32_t open = *find_punctuation(text_, at, first, '{');
    inline_gap(at, open, continuation);
    put("{", " ");
    if (!spans_lines(text_, open, close)) {
      one_line_body(node.body, open + 1, close, level);
    } else if (node.body.empty() && scan_gap(text_, open + 1, close).comments.empty()) {
      put("}", "");
    } else {
      body(node.body, open + 1, close, level + 1, true);
      start_line(level);
      put("}", "");
    }
  }

  // A block written on one line stays on one line: `{ a = 1  b = 2 }`.
  void one_line_body(const std::vector<dsl::Node>& items, uint32_t from, uint32_t to,
                     size_t level) {
    std::string_view separator = " ";
    uint32_t at = from;
    bool empty = true;
    for (const dsl::Node& item : items) {
      for (const Comment& c : scan_gap(text_, at, item.key_span.begin).comments) {
        put_comment(c, " ");
        separator = " ";
      }
      print_item(item, level, false, separator);
      separator = kItemSeparator;
      at = item.span.end;
      empty = false;
    }
    for (const Comment& c : scan_gap(text_, at, to).comments) {
      put_comment(c, " ");
      empty = false;
    }
    put("}", empty ? "" : " ");
  }

  void print_value(const dsl::Value& value, size_t level) {
    if (value.kind != dsl::ValueKind::kList) {
      put(raw(value.span), " ");
    } else if (spans_lines(text_, value.span.begin, value.span.end - 1)) {
      multi_line_list(value, level);
    } else {
      one_line_list(value);
    }
  }

  // `[a, b, c]`: a comment stays on its side of the comma it follows or precedes.
  void one_line_list(const dsl::Value& list) {
    uint32_t close = list.span.end - 1;
    put("[", " ");
    std::string_view separator = "";
    uint32_t at = list.span.begin + 1;
    for (size_t i = 0; i < list.items.size(); ++i) {
      const dsl::Value& item = list.items[i];
      for (const Comment& c : scan_gap(text_, at, item.span.begin).comments) {
        put_comment(c, separator);
        separator = " ";
      }
      put(raw(item.span), separator);
      uint32_t next = i + 1 < list.items.size() ? list.items[i + 1].span.begin : close;
      std::optional<uint32_t> comma = find_punctuation(text_, item.span.end, next, ',');
      for (const Comment& c : scan_gap(text_, item.span.end, comma.value_or(next)).comments) {
        put_comment(c, " ");
      }
      if (i + 1 < list.items.size()) put(",", "");
      separator = " ";
      at = comma ? *comma + 1 : next;
    }
    for (const Comment& c : scan_gap(text_, at, close).comments) {
      put_comment(c, separator);
      separator = " ";
    }
    put("]", "");
  }

  // A list written over several lines keeps one item a line, each with a comma.
  void multi_line_list(const dsl::Value& list, size_t level) {
    uint32_t close = list.span.end - 1;
    put("[", " ");
    if (list.items.empty() && scan_gap(text_, list.span.begin + 1, close).comments.empty()) {
      put("]", "");
      return;
    }
    bool started = false;
    uint32_t at = list.span.begin + 1;
    for (const dsl::Value& item : list.items) {
      if (lines_gap(at, item.span.begin, level + 1, started, true)) out_.blank_line();
      start_line(level + 1);
      put(raw(item.span), "");
      put(",", "");
      started = true;
      at = item.span.end;
    }
    lines_gap(at, close, level + 1, started, true);
    start_line(level);
    put("]", "");
  }

  std::string_view text_;
  LineBuffer out_;
  bool break_pending_ = false;
  size_t continuation_level_ = 0;
};

}  // namespace

std::string print_document(std::string_view text, const dsl::Document& document) {
  return Printer(text).print(document);
}

}  // namespace topoc::format
