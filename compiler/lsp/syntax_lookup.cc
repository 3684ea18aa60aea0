#include "compiler/lsp/syntax_lookup.h"

#include <algorithm>

#include "compiler/catalog/region_catalog.h"

namespace topoc::lsp {
namespace {

bool touches(dsl::Span span, uint32_t offset) {
  return span.begin <= offset && offset <= span.end;
}

bool find_in(const dsl::Node& node, uint32_t offset, Hit& hit) {
  if (!touches(node.span, offset)) return false;
  hit.path.push_back(&node);
  if (touches(node.key_span, offset)) {
    hit.part = Hit::Part::kKey;
    hit.span = node.key_span;
    return true;
  }
  for (const dsl::Label& label : node.labels) {
    if (touches(label.span, offset)) {
      hit.part = Hit::Part::kLabel;
      hit.label = &label;
      hit.span = label.span;
      return true;
    }
  }
  if (!node.is_block) {
    const dsl::Value& v = node.value;
    if (v.kind == dsl::ValueKind::kList) {
      for (const dsl::Value& item : v.items) {
        if (touches(item.span, offset)) {
          hit.part = Hit::Part::kValue;
          hit.value = &item;
          hit.span = item.span;
          return true;
        }
      }
    } else if (touches(v.span, offset)) {
      hit.part = Hit::Part::kValue;
      hit.value = &v;
      hit.span = v.span;
      return true;
    }
  }
  for (const dsl::Node& child : node.body) {
    if (find_in(child, offset, hit)) return true;
  }
  hit.path.pop_back();
  return false;
}

bool is_name(const dsl::Value& v) {
  return v.kind == dsl::ValueKind::kIdentifier || v.kind == dsl::ValueKind::kString;
}

void collect(const dsl::Node& node, const std::string& parent,
             const std::vector<std::string>& regions, std::vector<Occurrence>& out) {
  auto add = [&](SymbolKind kind, const std::string& name, dsl::Span span, bool declaration) {
    out.push_back({{kind, name}, span, declaration});
  };
  auto value_ref = [&](SymbolKind kind) {
    if (!node.is_block && is_name(node.value)) add(kind, node.value.text, node.value.span, false);
  };
  if (parent == "topology" && node.is_block && !node.labels.empty()) {
    const dsl::Label& l = node.labels.front();
    if (node.key == "boundary") add(SymbolKind::kBoundary, l.text, l.span, true);
    if (node.key == "region") add(SymbolKind::kRegion, l.text, l.span, true);
    if (node.key == "tenant") add(SymbolKind::kTenant, l.text, l.span, true);
  }
  if (parent == "topology/region" && node.key == "boundary") value_ref(SymbolKind::kBoundary);
  if (parent == "topology/tenant" && node.key == "residency") value_ref(SymbolKind::kBoundary);
  if (((parent == "topology/tenant" || parent == "topology/registry") && node.key == "home") ||
      (parent == "topology/region/monitoring" && node.key == "logs_to") ||
      (parent == "topology/boundary" &&
       (node.key == "hub" || node.key == "application_insights"))) {
    value_ref(SymbolKind::kRegion);
  }
  if (parent == "topology/frontdoor" && node.key == "geo" && !node.labels.empty()) {
    add(SymbolKind::kBoundary, node.labels.front().text, node.labels.front().span, false);
  }
  if (parent == "topology/frontdoor/geo" && node.key == "fallback" && is_name(node.value) &&
      node.value.text != "none") {
    value_ref(SymbolKind::kBoundary);
  }
  if ((parent == "topology/region" && node.key == "failover") ||
      (parent == "topology/region/redis" && node.key == "geo_replica")) {
    if (!node.is_block && is_name(node.value) && !catalog::find_region(node.value.text) &&
        std::find(regions.begin(), regions.end(), node.value.text) != regions.end()) {
      value_ref(SymbolKind::kRegion);
    }
  }
  std::string path = parent.empty() ? node.key : parent + "/" + node.key;
  for (const dsl::Node& child : node.body) collect(child, path, regions, out);
}

}  // namespace

std::string Hit::parent_path() const {
  std::string out;
  for (size_t i = 0; i + 1 < path.size(); ++i) out += (out.empty() ? "" : "/") + path[i]->key;
  return out;
}

std::string Hit::item_path() const {
  std::string parent = parent_path();
  return parent.empty() ? node().key : parent + "/" + node().key;
}

std::optional<Hit> find_at(const dsl::Document& document, uint32_t offset) {
  for (const dsl::Node& node : document.items) {
    Hit hit;
    if (find_in(node, offset, hit)) return hit;
  }
  return std::nullopt;
}

std::vector<Occurrence> occurrences(const dsl::Document& document) {
  std::vector<std::string> regions;
  for (const dsl::Node& top : document.items) {
    if (top.key != "topology") continue;
    for (const dsl::Node& n : top.body) {
      if (n.is_block && n.key == "region" && !n.labels.empty()) regions.push_back(n.labels[0].text);
    }
  }
  std::vector<Occurrence> out;
  for (const dsl::Node& node : document.items) collect(node, "", regions, out);
  return out;
}

std::optional<Occurrence> occurrence_at(const dsl::Document& document, uint32_t offset) {
  for (const Occurrence& o : occurrences(document)) {
    if (touches(o.span, offset)) return o;
  }
  return std::nullopt;
}

const char* describe(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::kBoundary:
      return "boundary";
    case SymbolKind::kRegion:
      return "region";
    case SymbolKind::kTenant:
      return "tenant";
  }
  return "";
}

}  // namespace topoc::lsp
