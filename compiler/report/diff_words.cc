#include "compiler/report/diff_words.h"

#include <fmt/format.h>

#include "compiler/text/visible.h"

namespace topoc::report {

std::string value_text(const nlohmann::json& value) {
  if (value.is_null()) return "(none)";
  if (value.is_string()) return truncated(value.get<std::string>());
  return truncated(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string boundary_text(const TenantDiff& t, std::string_view arrow) {
  if (t.added()) return t.new_boundary;
  if (t.removed()) return t.old_boundary;
  if (t.moved()) return t.old_boundary + std::string(arrow) + t.new_boundary;
  return t.new_boundary;
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
