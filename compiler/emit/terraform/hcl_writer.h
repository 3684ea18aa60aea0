// A small HCL writer for generated Terraform. Values are built as a tree and
// rendered in one pass that lays them out the way `terraform fmt` does:
// two-space indents, `=` aligned across runs of consecutive one-line
// attributes, multi-line values and comments breaking a run. User text only
// ever enters the output through `Expr::string` and `Key`, which escape it,
// so a topology cannot inject HCL or template directives.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace topoc::emit::hcl {

// The body of a quoted HCL string for `text`: `"` `\` and control characters
// escaped, `${` and `%{` doubled so they stay literal.
std::string escape_string(std::string_view text);
// `text` as a quoted HCL string literal.
std::string quote(std::string_view text);
// Whether `name` can be written bare as an object key or argument name.
bool is_identifier(std::string_view name);

class Expr;

// An object key: bare when it is a plain identifier, quoted (and escaped)
// otherwise. Non-ASCII characters in quoted keys are written as \u escapes,
// so a key's width in columns is its length in bytes and alignment is exact.
std::string render_key(std::string_view key);

using Entry = std::pair<std::string, Expr>;

class Expr {
 public:
  // Trusted HCL written by topoc itself: references, calls, for-expressions.
  // One line only.
  static Expr raw(std::string code);
  static Expr string(std::string_view value);
  static Expr number(int64_t value);
  static Expr number(double value);
  static Expr boolean(bool value);
  static Expr null();
  // A list on one line when its items are one-line values and the line stays
  // within 100 columns, else one item a line.
  static Expr list(std::vector<Expr> items);
  static Expr string_list(const std::vector<std::string>& values);
  // An object with one entry a line (`{}` when empty); keys are user text.
  static Expr object(std::vector<Entry> entries);
  // An object on one line: `{ a = 1, b = "x" }`, for short records in lists.
  static Expr inline_object(std::vector<Entry> entries);

  bool multiline() const;
  // Appends the rendering; continuation lines are indented by `indent` levels.
  void render(std::string& out, int indent) const;

 private:
  friend struct Renderer;
  enum class Kind { kAtom, kList, kObject, kInlineObject };
  struct Node;
  explicit Expr(std::shared_ptr<const Node> node) : node_(std::move(node)) {}
  const Node& node() const;

  // Never changed once made, so copies share it: a braced list of entries
  // copies each (an initializer list cannot be moved from), which was a
  // deep copy of every nested value, once per level.
  std::shared_ptr<const Node> node_;
};

// The inside of a file or block: attributes, nested blocks, blank lines and
// comments in the order they are added.
class Body {
 public:
  Body& attribute(std::string name, Expr value);
  Body& block(std::string type, std::vector<std::string> labels, Body body);
  // A blank line; repeated blanks, and blanks at the start or end of a body,
  // are dropped when rendering.
  Body& blank();
  // `# text`, one comment line per line of `text`.
  Body& comment(std::string_view text);

  bool empty() const { return items_.empty(); }
  // The body as a file: blocks and attributes at indent 0, ending in a newline.
  std::string render_file() const;

  struct Item;

 private:
  friend struct Renderer;
  std::vector<Item> items_;
};

struct Body::Item {
  enum class Kind { kAttribute, kBlock, kBlank, kComment };
  Kind kind;
  std::string name;  // attribute name, block type or comment text
  std::vector<std::string> labels;
  std::shared_ptr<Expr> value;
  std::shared_ptr<Body> body;
};

}  // namespace topoc::emit::hcl
