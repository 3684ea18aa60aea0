// What is under the cursor in a syntax tree, and the names a topology
// declares and refers to: boundaries, regions and tenants.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dsl/syntax_tree.h"

namespace topoc::lsp {

struct Hit {
  enum class Part { kKey, kLabel, kValue };
  std::vector<const dsl::Node*> path;  // from `topology` down to the item hit
  Part part = Part::kKey;
  const dsl::Label* label = nullptr;
  const dsl::Value* value = nullptr;  // the scalar hit (a list's item, not the list)
  dsl::Span span;                     // of the key, label or scalar

  const dsl::Node& node() const { return *path.back(); }
  // The keys of the blocks that hold the item: "topology/region".
  std::string parent_path() const;
  // The block path of the item itself: "topology/region/aks".
  std::string item_path() const;
};

// The key, label or value at a byte offset; a cursor just after a word still
// touches it.
std::optional<Hit> find_at(const dsl::Document& document, uint32_t offset);

enum class SymbolKind { kBoundary, kRegion, kTenant };
struct Symbol {
  SymbolKind kind;
  std::string name;
  bool operator==(const Symbol&) const = default;
};
struct Occurrence {
  Symbol symbol;
  dsl::Span span;
  bool declaration = false;
};

// Every declaration of and reference to a boundary, region or tenant, in
// source order. A region's `failover` (or a Redis `geo_replica`) names a
// location; where it names a region key instead, it counts as a reference
// to that region so that the mistake can be followed.
std::vector<Occurrence> occurrences(const dsl::Document& document);
std::optional<Occurrence> occurrence_at(const dsl::Document& document, uint32_t offset);
const char* describe(SymbolKind kind);

}  // namespace topoc::lsp
