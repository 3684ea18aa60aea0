// The syntax tree of a topology file: blocks, attributes and values, exactly
// as written. It knows nothing of Azure; compiler/model gives it meaning.
#pragma once

#include <string>
#include <vector>

#include "dsl/source.h"

namespace topoc::dsl {

enum class ValueKind {
  kString,      // "text" (escapes decoded)
  kNumber,      // 42, 0.5, -1
  kQuantity,    // a number with a unit: 30s, 5m, 90d, 99.9%, 128GB
  kCidr,        // 10.1.0.0/16
  kIdentifier,  // eastus, active-active, true, DE
  kList,        // [a, b, c]
};

struct Value {
  ValueKind kind = ValueKind::kIdentifier;
  std::string text;  // decoded string, identifier, unit of a quantity, or CIDR text
  double number = 0;
  std::vector<Value> items;  // list elements (never lists themselves)
  Span span;
};

struct Label {
  std::string text;
  bool quoted = false;
  Span span;
};

// One item of a body: `key labels* = value` or `key labels* { body }`.
struct Node {
  bool is_block = false;
  std::string key;
  Span key_span;
  std::vector<Label> labels;
  Value value;              // attributes only
  std::vector<Node> body;   // blocks only
  Span span;                // the whole item
};

struct Document {
  std::vector<Node> items;
};

const char* describe(ValueKind kind);

}  // namespace topoc::dsl
