// A small Bicep writer for generated files. Values are built as a tree and
// rendered in one pass the way `bicep format` lays them out: two-space
// indents, every non-empty object and array on lines of its own, `{}` and
// `[]` when empty. User text only ever enters the output through
// `Value::string` and object keys, which escape it, so a topology cannot
// inject Bicep or an `${...}` interpolation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace topoc::emit::bicep {

// The inside of a single-quoted Bicep string for `text`: `\` `'` and control
// characters escaped, `${` written `\${` so it stays literal text.
std::string escape_string(std::string_view text);
// `text` as a single-quoted Bicep string literal.
std::string quote(std::string_view text);
// Whether `name` is a Bicep identifier: ASCII letters, digits and `_`, not
// starting with a digit.
bool is_identifier(std::string_view name);
// An object key: bare when it is an identifier (the linter asks for that),
// quoted otherwise, and always quoted for `true`, `false` and `null`, which
// Bicep reads as literals.
std::string render_key(std::string_view key);
// `base['key']` or `base.key`: access to a property named by user text.
std::string member(std::string_view base, std::string_view key);

class Value;
using Property = std::pair<std::string, Value>;

class Value {
 public:
  // A trusted expression written by topoc itself: a reference, a call. One line.
  static Value raw(std::string code);
  static Value string(std::string_view text);
  static Value number(int64_t value);
  static Value boolean(bool value);
  static Value null();
  static Value array(std::vector<Value> items);
  static Value string_array(const std::vector<std::string>& items);
  // `condition ? when_true : when_false`, three trusted expressions: on one
  // line where it fits in `bicep format`'s 120 columns, else with `?` and `:`
  // each on a line of their own, one level in, as `bicep format` breaks it.
  static Value conditional(std::string condition, std::string when_true, std::string when_false);
  // Properties in the order given; keys are user text.
  static Value object(std::vector<Property> properties);

  // Appends the rendering; lines after the first are indented by `indent` levels.
  void render(std::string& out, int indent) const;
  std::string render() const;

 private:
  enum class Kind { kAtom, kArray, kObject, kConditional };
  void render_conditional(std::string& out, int indent) const;
  Kind kind_ = Kind::kAtom;
  std::string atom_;
  std::vector<Value> items_;
  std::vector<Property> properties_;
};

}  // namespace topoc::emit::bicep

namespace topoc::emit::bicep {

// A file's top-level lines. Blank lines collapse to one and never start or
// end the file, which ends in one newline, as `bicep format` leaves it.
class File {
 public:
  // `// text`, a line each; the text is topoc's own, never user text.
  File& comment(std::string_view text);
  File& line(std::string_view text);
  // `head` followed by the rendered value: `param x = {...}`.
  File& line(std::string_view head, const Value& value);
  // The same with the value's lines after the first indented by `indent`
  // levels, for a value inside a loop: `[\n  for x in xs: {...}`.
  File& line(std::string_view head, const Value& value, int indent);
  File& blank();
  std::string render() const;

 private:
  std::string text_;
  bool pending_blank_ = false;
};

}  // namespace topoc::emit::bicep
