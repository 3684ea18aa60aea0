#include "compiler/emit/bicep/bicep_writer.h"

#include <fmt/format.h>

namespace topoc::emit::bicep {
namespace {

void indent_to(std::string& out, int levels) {
  out.append(static_cast<size_t>(levels) * 2, ' ');
}

}  // namespace

std::string escape_string(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '$':
        out += i + 1 < text.size() && text[i + 1] == '{' ? "\\$" : "$";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{{{:X}}}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string quote(std::string_view text) {
  return "'" + escape_string(text) + "'";
}

bool is_identifier(std::string_view name) {
  if (name.empty()) return false;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!letter(name[0])) return false;
  for (char c : name) {
    if (!letter(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

std::string render_key(std::string_view key) {
  bool literal = key == "true" || key == "false" || key == "null";
  return is_identifier(key) && !literal ? std::string(key) : quote(key);
}

std::string member(std::string_view base, std::string_view key) {
  bool literal = key == "true" || key == "false" || key == "null";
  if (is_identifier(key) && !literal) return fmt::format("{}.{}", base, key);
  return fmt::format("{}[{}]", base, quote(key));
}

Value Value::raw(std::string code) {
  Value v;
  v.atom_ = std::move(code);
  return v;
}

Value Value::string(std::string_view text) {
  return raw(quote(text));
}
Value Value::number(int64_t value) {
  return raw(fmt::format("{}", value));
}
Value Value::boolean(bool value) {
  return raw(value ? "true" : "false");
}
Value Value::null() {
  return raw("null");
}

Value Value::array(std::vector<Value> items) {
  Value v;
  v.kind_ = Kind::kArray;
  v.items_ = std::move(items);
  return v;
}

Value Value::string_array(const std::vector<std::string>& items) {
  std::vector<Value> values;
  for (const std::string& s : items) values.push_back(string(s));
  return array(std::move(values));
}

Value Value::conditional(std::string condition, std::string when_true, std::string when_false) {
  Value v;
  v.kind_ = Kind::kConditional;
  v.items_ = {raw(std::move(condition)), raw(std::move(when_true)), raw(std::move(when_false))};
  return v;
}

Value Value::object(std::vector<Property> properties) {
  Value v;
  v.kind_ = Kind::kObject;
  v.properties_ = std::move(properties);
  return v;
}

void Value::render(std::string& out, int indent) const {
  switch (kind_) {
    case Kind::kAtom:
      out += atom_;
      return;
    case Kind::kConditional:
      render_conditional(out, indent);
      return;
    case Kind::kArray:
      if (items_.empty()) {
        out += "[]";
        return;
      }
      out += "[\n";
      for (const Value& item : items_) {
        indent_to(out, indent + 1);
        item.render(out, indent + 1);
        out += '\n';
      }
      indent_to(out, indent);
      out += ']';
      return;
    case Kind::kObject:
      if (properties_.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      for (const auto& [key, value] : properties_) {
        indent_to(out, indent + 1);
        out += render_key(key);
        out += ": ";
        value.render(out, indent + 1);
        out += '\n';
      }
      indent_to(out, indent);
      out += '}';
      return;
  }
}

void Value::render_conditional(std::string& out, int indent) const {
  // `bicep format`'s line width (bicep 0.49.2: a 120-character line stays,
  // a 121-character one is broken).
  constexpr size_t kWidth = 120;
  const std::string& condition = items_[0].atom_;
  const std::string& when_true = items_[1].atom_;
  const std::string& when_false = items_[2].atom_;
  const size_t line_start = out.rfind('\n') == std::string::npos ? 0 : out.rfind('\n') + 1;
  const size_t column = out.size() - line_start;
  const size_t width = condition.size() + 3 + when_true.size() + 3 + when_false.size();
  if (column + width <= kWidth) {
    out += condition + " ? " + when_true + " : " + when_false;
    return;
  }
  out += condition;
  out += '\n';
  indent_to(out, indent + 1);
  out += "? " + when_true;
  out += '\n';
  indent_to(out, indent + 1);
  out += ": " + when_false;
}

std::string Value::render() const {
  std::string out;
  render(out, 0);
  return out;
}

}  // namespace topoc::emit::bicep

namespace topoc::emit::bicep {

File& File::comment(std::string_view text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(start, end - start);
    line(part.empty() ? std::string("//") : "// " + std::string(part));
    start = end + 1;
  }
  return *this;
}

File& File::line(std::string_view text) {
  if (pending_blank_ && !text_.empty()) text_ += '\n';
  pending_blank_ = false;
  text_ += text;
  text_ += '\n';
  return *this;
}

File& File::line(std::string_view head, const Value& value) {
  return line(head, value, 0);
}

File& File::line(std::string_view head, const Value& value, int indent) {
  std::string text(head);
  value.render(text, indent);
  return line(text);
}

File& File::blank() {
  pending_blank_ = true;
  return *this;
}

std::string File::render() const {
  return text_;
}

}  // namespace topoc::emit::bicep
