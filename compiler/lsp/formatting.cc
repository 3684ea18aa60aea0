// textDocument/formatting through `topoc fmt`'s formatter: one edit that
// replaces the whole text, or none.
#include "compiler/format/format.h"
#include "compiler/lsp/features.h"

namespace topoc::lsp {

nlohmann::json formatting(const Analysis& a) {
  nlohmann::json edits = nlohmann::json::array();
  std::optional<std::string> formatted = format::format_source(a.text);
  if (!formatted || *formatted == a.text) return edits;
  edits.push_back({{"range", range_json({0, 0}, a.lines.end())}, {"newText", *formatted}});
  return edits;
}

}  // namespace topoc::lsp
