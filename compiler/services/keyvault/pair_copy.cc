#include "compiler/services/keyvault/pair_copy.h"

#include "compiler/catalog/region_catalog.h"

namespace topoc::services::keyvault {

std::string_view pair_copy_location(std::string_view location) {
  const catalog::RegionInfo* info = catalog::find_region(location);
  if (!info || info->paired.empty()) return {};
  // West US 3 is paired with East US, yet Azure keeps its vaults in region.
  if (info->name == "westus3") return {};
  const catalog::RegionInfo* pair = catalog::find_region(info->paired);
  if (!pair || pair->geography != info->geography) return {};
  return pair->name;
}

}  // namespace topoc::services::keyvault
