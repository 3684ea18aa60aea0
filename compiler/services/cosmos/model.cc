#include "compiler/services/cosmos/model.h"

#include <algorithm>

namespace topoc::model {

const char* to_string(Consistency c) {
  switch (c) {
    case Consistency::kStrong:
      return "Strong";
    case Consistency::kBoundedStaleness:
      return "BoundedStaleness";
    case Consistency::kSession:
      return "Session";
    case Consistency::kConsistentPrefix:
      return "ConsistentPrefix";
    case Consistency::kEventual:
      return "Eventual";
  }
  return "";
}

const char* to_string(ConflictPolicy p) {
  switch (p) {
    case ConflictPolicy::kLastWriterWins:
      return "last-writer-wins";
    case ConflictPolicy::kCustom:
      return "custom";
    case ConflictPolicy::kRegionScoped:
      return "region-scoped";
  }
  return "";
}

Container::IndexPaths Container::index_paths() const {
  IndexPaths out;
  for (const auto& p : index_include) out.included.push_back(p.value);
  for (const auto& p : index_exclude) out.excluded.push_back(p.value);
  auto has_root = [](const std::vector<std::string>& v) {
    return std::find(v.begin(), v.end(), "/*") != v.end();
  };
  if (has_root(out.included) || has_root(out.excluded)) return out;
  (out.included.empty() ? out.included : out.excluded).push_back("/*");
  return out;
}

}  // namespace topoc::model
