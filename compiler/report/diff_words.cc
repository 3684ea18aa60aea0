#include "compiler/report/diff_words.h"

#include <fmt/format.h>

#include <unordered_map>

#include "compiler/text/visible.h"

namespace topoc::report {

std::string value_text(const nlohmann::json& value) {
  if (value.is_null()) return "(none)";
  if (value.is_string()) return truncated(value.get<std::string>());
  return truncated(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string boundary_text(const TenantDiff& t) {
  if (t.added()) return t.new_boundary;
  if (t.removed()) return t.old_boundary;
  if (t.moved()) return t.old_boundary + " -> " + t.new_boundary;
  return t.new_boundary;
}

std::vector<PlacementRow> placement_rows(const TenantDiff& t) {
  std::vector<PlacementRow> rows;
  std::unordered_map<std::string, size_t> index;
  for (const NewPlacement& p : t.new_placements) {
    for (const PlacementSource& s : p.sources) {
      std::string key = p.kind + '\n' + s.resource + '\n' + s.from;
      for (const DiffReason& r : s.reasons) key += fmt::format("\n{}:{}", r.line, r.text);
      auto [it, inserted] = index.emplace(std::move(key), rows.size());
      if (inserted) rows.push_back({p.kind, {}, &s});
      rows[it->second].locations.push_back(p.location);
    }
  }
  return rows;
}

std::string estate_summary(const EstateDiff& e) {
  std::string out =
      fmt::format("{} added, {} removed, {} changed", e.count(ResourceChangeKind::kAdded),
                  e.count(ResourceChangeKind::kRemoved), e.count(ResourceChangeKind::kChanged));
  if (size_t moved = e.count(ResourceChangeKind::kMoved)) out += fmt::format(", {} moved", moved);
  out += fmt::format(" ({} destructive)", e.destructive());
  return out;
}

}  // namespace topoc::report
