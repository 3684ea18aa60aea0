#include "compiler/emit/terraform/hcl_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>

namespace topoc::emit::hcl {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Words that would change the meaning of a bare object key (`{ for = 1 }`
// starts a for-expression).
bool is_reserved(std::string_view name) {
  return name == "for" || name == "in" || name == "if" || name == "true" || name == "false" ||
         name == "null";
}

// Lists wider than this are written one item a line.
constexpr size_t kMaxLineWidth = 100;

}  // namespace

namespace {

// Appends `text` escaped for an HCL string literal. Runs of characters that
// need no escape, nearly all of a generated estate's text, are appended whole.
void append_escaped(std::string& out, std::string_view text) {
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    unsigned char u = static_cast<unsigned char>(c);
    bool sigil = (c == '$' || c == '%') && i + 1 < text.size() && text[i + 1] == '{';
    if (u >= 0x20 && u != 0x7f && c != '"' && c != '\\' && !sigil) continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '$':
      case '%':
        // `${` and `%{` open template sequences; doubling the sigil keeps them literal.
        out += c;
        out += c;
        break;
      default:
        out += fmt::format("\\u{:04X}", u);
    }
  }
  out.append(text, plain);
}

}  // namespace

std::string escape_string(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

std::string quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  append_escaped(out, text);
  out += '"';
  return out;
}

bool is_identifier(std::string_view name) {
  if (name.empty() || !(is_ascii_letter(name[0]) || name[0] == '_')) return false;
  for (char c : name) {
    if (!(is_ascii_letter(c) || is_digit(c) || c == '_' || c == '-')) return false;
  }
  return !is_reserved(name);
}

std::string render_key(std::string_view key) {
  if (is_identifier(key)) return std::string(key);
  std::string escaped = escape_string(key);
  std::string out = "\"";
  // Decode UTF-8 so each code point becomes one \u or \U escape.
  for (size_t i = 0; i < escaped.size();) {
    unsigned char u = static_cast<unsigned char>(escaped[i]);
    if (u < 0x80) {
      out += escaped[i++];
      continue;
    }
    int extra = u >= 0xF0 ? 3 : u >= 0xE0 ? 2 : 1;
    uint32_t cp = u & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < escaped.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(escaped[i + k]) & 0x3F);
    }
    i += 1 + extra;
    out += cp > 0xFFFF ? fmt::format("\\U{:08X}", cp) : fmt::format("\\u{:04X}", cp);
  }
  return out + "\"";
}

namespace {

// render_key(key) appended to `out`; a bare key, nearly every key, is
// copied without a string of its own.
void append_key(std::string& out, std::string_view key) {
  if (is_identifier(key)) {
    out += key;
  } else {
    out += render_key(key);
  }
}

}  // namespace

struct Expr::Node {
  Kind kind = Kind::kAtom;
  std::string atom;
  std::vector<Expr> items;
  std::vector<Entry> entries;
};

const Expr::Node& Expr::node() const {
  static const Node kEmpty;  // a moved-from Expr renders nothing
  return node_ ? *node_ : kEmpty;
}

Expr Expr::raw(std::string code) {
  assert(code.find('\n') == std::string::npos);
  return Expr(std::make_shared<const Node>(Node{Kind::kAtom, std::move(code), {}, {}}));
}

Expr Expr::string(std::string_view value) { return raw(quote(value)); }
Expr Expr::number(int64_t value) { return raw(fmt::format("{}", value)); }
Expr Expr::number(double value) { return raw(fmt::format("{}", value)); }
Expr Expr::boolean(bool value) { return raw(value ? "true" : "false"); }
Expr Expr::null() { return raw("null"); }

Expr Expr::list(std::vector<Expr> items) {
  return Expr(std::make_shared<const Node>(Node{Kind::kList, {}, std::move(items), {}}));
}

Expr Expr::string_list(const std::vector<std::string>& values) {
  std::vector<Expr> items;
  items.reserve(values.size());
  for (const std::string& v : values) items.push_back(string(v));
  return list(std::move(items));
}

Expr Expr::object(std::vector<Entry> entries) {
  return Expr(std::make_shared<const Node>(Node{Kind::kObject, {}, {}, std::move(entries)}));
}

Expr Expr::inline_object(std::vector<Entry> entries) {
  return Expr(std::make_shared<const Node>(Node{Kind::kInlineObject, {}, {}, std::move(entries)}));
}

bool Expr::multiline() const {
  const Node& n = node();
  switch (n.kind) {
    case Kind::kAtom:
    case Kind::kInlineObject: return false;
    case Kind::kObject:
      return !n.entries.empty();
    case Kind::kList:
      return std::any_of(n.items.begin(), n.items.end(),
                         [](const Expr& i) { return i.multiline(); });
  }
  return false;
}

// Lays out bodies and values as lines, then aligns them; a friend of Body
// and Expr so both stay plain values.
struct Renderer {
  // One output line before alignment: its text is `text`'s bytes from
  // `lead` to `end`, of which those before `value` are what comes before `=`
  // on an attribute line. hclwrite aligns the `=` of consecutive attribute
  // lines whose value does not open a multi-line bracket. Every line's text
  // lives in the one string, not a string of its own: main.tf at scale has
  // tens of thousands of lines.
  struct Line {
    int indent = 0;
    size_t lead = 0;
    size_t value = 0;
    size_t end = 0;
    bool assign = false;
    bool aligned = false;
  };

  std::string text;
  std::vector<Line> lines;

  // A line without `=`: what `text` holds from `begin` on.
  void line(int indent, size_t begin) {
    lines.push_back({indent, begin, begin, text.size(), false, false});
  }
  void line(int indent, std::string_view s) {
    size_t begin = text.size();
    text += s;
    line(indent, begin);
  }

  // `lead` is where the name before `=` starts in `text`; it ends there now.
  void assignment(int indent, size_t lead, const Expr& value) {
    size_t name_end = text.size();
    if (!value.multiline()) {
      value.render(text, 0);
      // A list too wide for one line goes one item a line, as people write it.
      bool wide =
          static_cast<size_t>(indent) * 2 + (name_end - lead) + 3 + (text.size() - name_end) >
          kMaxLineWidth;
      if (!wide || value.node().kind != Expr::Kind::kList || value.node().items.size() < 2) {
        lines.push_back({indent, lead, name_end, text.size(), true, true});
        return;
      }
      text.resize(name_end);
      text += '[';
      lines.push_back({indent, lead, name_end, text.size(), true, false});
      for (const Expr& item : value.node().items) {
        size_t begin = text.size();
        item.render(text, 0);
        text += ',';
        line(indent + 1, begin);
      }
      line(indent, "]");
      return;
    }
    bool is_list = value.node().kind == Expr::Kind::kList;
    text += is_list ? '[' : '{';
    lines.push_back({indent, lead, name_end, text.size(), true, false});
    contents(indent + 1, value);
    line(indent, is_list ? "]" : "}");
  }

  // The inside of a multi-line list or object.
  void contents(int indent, const Expr& value) {
    if (value.node().kind == Expr::Kind::kList) {
      for (const Expr& item : value.node().items) {
        if (!item.multiline()) {
          size_t begin = text.size();
          item.render(text, 0);
          text += ',';
          line(indent, begin);
          continue;
        }
        bool is_list = item.node().kind == Expr::Kind::kList;
        line(indent, is_list ? "[" : "{");
        contents(indent + 1, item);
        line(indent, is_list ? "]," : "},");
      }
      return;
    }
    for (const Entry& entry : value.node().entries) {
      size_t lead = text.size();
      append_key(text, entry.first);
      assignment(indent, lead, entry.second);
    }
  }

  void body(int indent, const Body& b) {
    // Blank lines: never two in a row, never first or last in a body.
    bool pending_blank = false;
    bool any = false;
    for (const Body::Item& item : b.items_) {
      if (item.kind == Body::Item::Kind::kBlank) {
        pending_blank = any;
        continue;
      }
      if (pending_blank) line(0, text.size());
      pending_blank = false;
      any = true;
      switch (item.kind) {
        case Body::Item::Kind::kAttribute: {
          size_t lead = text.size();
          text += item.name;
          assignment(indent, lead, *item.value);
          break;
        }
        case Body::Item::Kind::kComment: {
          size_t begin = text.size();
          text += item.name.empty() ? "#" : "# ";
          text += item.name;
          line(indent, begin);
          break;
        }
        case Body::Item::Kind::kBlock: {
          size_t begin = text.size();
          text += item.name;
          for (const std::string& label : item.labels) {
            text += ' ';
            text += quote(label);
          }
          text += item.body->empty() ? " {}" : " {";
          line(indent, begin);
          if (!item.body->empty()) {
            body(indent + 1, *item.body);
            line(indent, "}");
          }
          break;
        }
        case Body::Item::Kind::kBlank: break;
      }
    }
  }

  // hclwrite's rule: consecutive aligned lines share the column of `=`.
  std::string finish() const {
    std::string out;
    out.reserve(text.size() + text.size() / 2);
    size_t i = 0;
    while (i < lines.size()) {
      size_t end = i;
      size_t width = 0;
      while (end < lines.size() && lines[end].aligned) {
        width = std::max(width, lines[end].value - lines[end].lead);
        ++end;
      }
      if (end == i) {
        write(out, lines[i], lines[i].value - lines[i].lead);
        ++i;
        continue;
      }
      for (; i < end; ++i) write(out, lines[i], width);
    }
    return out;
  }

  void write(std::string& out, const Line& line, size_t width) const {
    if (line.end == line.lead) {
      out += '\n';
      return;
    }
    out.append(static_cast<size_t>(line.indent) * 2, ' ');
    if (line.assign) {
      out.append(text, line.lead, line.value - line.lead);
      out.append(width - (line.value - line.lead), ' ');
      out += " = ";
    }
    out.append(text, line.value, line.end - line.value);
    out += '\n';
  }
};

void Expr::render(std::string& out, int indent) const {
  const Node& n = node();
  switch (n.kind) {
    case Kind::kAtom:
      out += n.atom;
      return;
    case Kind::kList:
      if (!multiline()) {
        out += '[';
        for (size_t i = 0; i < n.items.size(); ++i) {
          if (i > 0) out += ", ";
          n.items[i].render(out, indent);
        }
        out += ']';
        return;
      }
      break;
    case Kind::kInlineObject:
      if (n.entries.empty()) {
        out += "{}";
        return;
      }
      out += "{ ";
      for (size_t i = 0; i < n.entries.size(); ++i) {
        if (i > 0) out += ", ";
        append_key(out, n.entries[i].first);
        out += " = ";
        n.entries[i].second.render(out, indent);
      }
      out += " }";
      return;
    case Kind::kObject:
      if (n.entries.empty()) {
        out += "{}";
        return;
      }
      break;
  }
  // Multi-line: lay out with the renderer, then strip the outer indent of
  // the first line since it follows `name = ` on the caller's line.
  Renderer r;
  r.assignment(indent, 0, *this);
  std::string text = r.finish();
  text.pop_back();  // the final newline belongs to the caller's line
  size_t skip = static_cast<size_t>(indent) * 2 + 3;  // indent + " = "
  out.append(text, skip);
}

Body& Body::attribute(std::string name, Expr value) {
  items_.push_back({Item::Kind::kAttribute, std::move(name), {},
                    std::make_shared<Expr>(std::move(value)), nullptr});
  return *this;
}

Body& Body::block(std::string type, std::vector<std::string> labels, Body body) {
  items_.push_back({Item::Kind::kBlock, std::move(type), std::move(labels), nullptr,
                    std::make_shared<Body>(std::move(body))});
  return *this;
}

Body& Body::blank() {
  items_.push_back({Item::Kind::kBlank, "", {}, nullptr, nullptr});
  return *this;
}

Body& Body::comment(std::string_view text) {
  // One comment line per text line; control characters would end or bend
  // the comment, so they become spaces.
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    for (char& c : line) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    items_.push_back({Item::Kind::kComment, std::move(line), {}, nullptr, nullptr});
    start = end + 1;
  }
  return *this;
}

std::string Body::render_file() const {
  Renderer r;
  r.body(0, *this);
  return r.finish();
}

}  // namespace topoc::emit::hcl
