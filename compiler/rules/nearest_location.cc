#include "compiler/rules/nearest_location.h"

#include <tuple>

#include "compiler/catalog/region_catalog.h"
#include "compiler/diag/suggest.h"

namespace topoc::rules {

std::optional<std::string> nearest_location(const model::Boundary& boundary, std::string_view from,
                                            const std::function<bool(std::string_view)>& offers) {
  const catalog::RegionInfo* origin = catalog::find_region(from);
  std::optional<std::string> best;
  std::tuple<bool, bool, size_t, std::string_view> best_key;
  for (const std::string& location : boundary.allowed_locations) {
    const catalog::RegionInfo* info = catalog::find_region(location);
    if (!info || info->name == from || !offers(info->name)) continue;
    auto key = std::make_tuple(info->restricted, !origin || info->country != origin->country,
                               diag::edit_distance(from, info->name), info->name);
    if (!best || key < best_key) {
      best = std::string(info->name);
      best_key = key;
    }
  }
  return best;
}

}  // namespace topoc::rules
