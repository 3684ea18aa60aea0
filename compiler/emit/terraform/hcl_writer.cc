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

std::string inline_text(const Expr& e);

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

Expr Expr::raw(std::string code) {
  assert(code.find('\n') == std::string::npos);
  Expr e;
  e.atom_ = std::move(code);
  return e;
}

Expr Expr::string(std::string_view value) { return raw(quote(value)); }
Expr Expr::number(int64_t value) { return raw(fmt::format("{}", value)); }
Expr Expr::number(double value) { return raw(fmt::format("{}", value)); }
Expr Expr::boolean(bool value) { return raw(value ? "true" : "false"); }
Expr Expr::null() { return raw("null"); }

Expr Expr::list(std::vector<Expr> items) {
  Expr e;
  e.kind_ = Kind::kList;
  e.items_ = std::move(items);
  return e;
}

Expr Expr::string_list(const std::vector<std::string>& values) {
  std::vector<Expr> items;
  for (const std::string& v : values) items.push_back(string(v));
  return list(std::move(items));
}

Expr Expr::object(std::vector<Entry> entries) {
  Expr e;
  e.kind_ = Kind::kObject;
  e.entries_ = std::move(entries);
  return e;
}

Expr Expr::inline_object(std::vector<Entry> entries) {
  Expr e = object(std::move(entries));
  e.kind_ = Kind::kInlineObject;
  return e;
}

bool Expr::multiline() const {
  switch (kind_) {
    case Kind::kAtom:
    case Kind::kInlineObject: return false;
    case Kind::kObject: return !entries_.empty();
    case Kind::kList:
      return std::any_of(items_.begin(), items_.end(), [](const Expr& i) { return i.multiline(); });
  }
  return false;
}

namespace {

std::string inline_text(const Expr& e);

}  // namespace

// Lays out bodies and values as lines, then aligns them; a friend of Body
// and Expr so both stay plain values.
struct Renderer {
  // One output line before alignment. `lead` is what comes before `=` on an
  // attribute line; hclwrite aligns the `=` of consecutive attribute lines
  // whose value does not open a multi-line bracket.
  struct Line {
    int indent = 0;
    std::string lead;
    std::string value;  // after "= " when `assign`, else the whole text
    bool assign = false;
    bool aligned = false;
  };

  std::vector<Line> lines;

  void assignment(int indent, std::string lead, const Expr& value) {
    if (!value.multiline()) {
      std::string text = inline_text(value);
      // A list too wide for one line goes one item a line, as people write it.
      bool wide = static_cast<size_t>(indent) * 2 + lead.size() + 3 + text.size() > kMaxLineWidth;
      if (!wide || value.kind_ != Expr::Kind::kList || value.items_.size() < 2) {
        lines.push_back({indent, std::move(lead), std::move(text), true, true});
        return;
      }
      lines.push_back({indent, std::move(lead), "[", true, false});
      for (const Expr& item : value.items_) {
        lines.push_back({indent + 1, "", inline_text(item) + ",", false, false});
      }
      lines.push_back({indent, "", "]", false, false});
      return;
    }
    bool is_list = value.kind_ == Expr::Kind::kList;
    lines.push_back({indent, std::move(lead), is_list ? "[" : "{", true, false});
    contents(indent + 1, value);
    lines.push_back({indent, "", is_list ? "]" : "}", false, false});
  }

  // The inside of a multi-line list or object.
  void contents(int indent, const Expr& value) {
    if (value.kind_ == Expr::Kind::kList) {
      for (const Expr& item : value.items_) {
        if (!item.multiline()) {
          lines.push_back({indent, "", inline_text(item) + ",", false, false});
          continue;
        }
        bool is_list = item.kind_ == Expr::Kind::kList;
        lines.push_back({indent, "", is_list ? "[" : "{", false, false});
        contents(indent + 1, item);
        lines.push_back({indent, "", is_list ? "]," : "},", false, false});
      }
      return;
    }
    for (const Entry& entry : value.entries_) assignment(indent, render_key(entry.first), entry.second);
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
      if (pending_blank) lines.push_back({0, "", "", false, false});
      pending_blank = false;
      any = true;
      switch (item.kind) {
        case Body::Item::Kind::kAttribute: assignment(indent, item.name, *item.value); break;
        case Body::Item::Kind::kComment:
          lines.push_back({indent, "", item.name.empty() ? "#" : "# " + item.name, false, false});
          break;
        case Body::Item::Kind::kBlock: {
          std::string head = item.name;
          for (const std::string& label : item.labels) head += " " + quote(label);
          if (item.body->empty()) {
            lines.push_back({indent, "", head + " {}", false, false});
          } else {
            lines.push_back({indent, "", head + " {", false, false});
            body(indent + 1, *item.body);
            lines.push_back({indent, "", "}", false, false});
          }
          break;
        }
        case Body::Item::Kind::kBlank: break;
      }
    }
  }

  // hclwrite's rule: consecutive aligned lines share the column of `=`.
  std::string finish() {
    std::string out;
    size_t i = 0;
    while (i < lines.size()) {
      size_t end = i;
      size_t width = 0;
      while (end < lines.size() && lines[end].aligned) {
        width = std::max(width, lines[end].lead.size());
        ++end;
      }
      if (end == i) {
        write(out, lines[i], lines[i].lead.size());
        ++i;
        continue;
      }
      for (; i < end; ++i) write(out, lines[i], width);
    }
    return out;
  }

  static void write(std::string& out, const Line& line, size_t width) {
    if (line.value.empty() && line.lead.empty()) {
      out += '\n';
      return;
    }
    out.append(static_cast<size_t>(line.indent) * 2, ' ');
    if (line.assign) {
      out += line.lead;
      out.append(width - line.lead.size(), ' ');
      out += " = ";
    }
    out += line.value;
    out += '\n';
  }
};

namespace {

std::string inline_text(const Expr& e) {
  std::string out;
  e.render(out, 0);
  return out;
}

}  // namespace

void Expr::render(std::string& out, int indent) const {
  switch (kind_) {
    case Kind::kAtom: out += atom_; return;
    case Kind::kList:
      if (!multiline()) {
        out += '[';
        for (size_t i = 0; i < items_.size(); ++i) {
          if (i > 0) out += ", ";
          items_[i].render(out, indent);
        }
        out += ']';
        return;
      }
      break;
    case Kind::kInlineObject:
      if (entries_.empty()) {
        out += "{}";
        return;
      }
      out += "{ ";
      for (size_t i = 0; i < entries_.size(); ++i) {
        if (i > 0) out += ", ";
        out += render_key(entries_[i].first) + " = ";
        entries_[i].second.render(out, indent);
      }
      out += " }";
      return;
    case Kind::kObject:
      if (entries_.empty()) {
        out += "{}";
        return;
      }
      break;
  }
  // Multi-line: lay out with the renderer, then strip the outer indent of
  // the first line since it follows `name = ` on the caller's line.
  Renderer r;
  r.assignment(indent, "", *this);
  std::string text = r.finish();
  text.pop_back();  // the final newline belongs to the caller's line
  size_t skip = static_cast<size_t>(indent) * 2 + 3;  // indent + " = "
  out += text.substr(skip);
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
