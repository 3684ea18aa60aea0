// textDocument/definition and textDocument/references for boundaries,
// regions and tenants.
#include "compiler/lsp/features.h"
#include "compiler/lsp/syntax_lookup.h"

namespace topoc::lsp {
namespace {

nlohmann::json location_json(const Analysis& a, const std::string& uri, dsl::Span span) {
  return {{"uri", uri}, {"range", a.range(span)}};
}

}  // namespace

nlohmann::json definition(const Analysis& a, const std::string& uri, Position at) {
  if (!a.tree) return nullptr;
  auto here = occurrence_at(*a.tree, a.offset(at));
  if (!here) return nullptr;
  nlohmann::json out = nlohmann::json::array();
  for (const Occurrence& o : occurrences(*a.tree)) {
    if (o.declaration && o.symbol == here->symbol) out.push_back(location_json(a, uri, o.span));
  }
  return out.empty() ? nlohmann::json(nullptr) : out;
}

nlohmann::json references(const Analysis& a, const std::string& uri, Position at,
                          bool include_declaration) {
  if (!a.tree) return nullptr;
  auto here = occurrence_at(*a.tree, a.offset(at));
  if (!here) return nullptr;
  nlohmann::json out = nlohmann::json::array();
  for (const Occurrence& o : occurrences(*a.tree)) {
    if (o.symbol != here->symbol || (o.declaration && !include_declaration)) continue;
    out.push_back(location_json(a, uri, o.span));
  }
  return out;
}

}  // namespace topoc::lsp
