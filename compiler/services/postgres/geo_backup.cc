#include "compiler/services/postgres/geo_backup.h"

#include <algorithm>
#include <array>

namespace topoc::services::postgres {

bool geo_backup_withheld(std::string_view location) {
  // Every location marked unavailable, paired or not.
  static constexpr std::array<std::string_view, 20> kWithheld = {
      "australiacentral2", "austriaeast",  "belgiumcentral", "brazilsouth",      "brazilsoutheast",
      "chilecentral",      "chinaeast2",   "chinanorth2",    "indonesiacentral", "israelcentral",
      "italynorth",        "malaysiawest", "mexicocentral",  "newzealandnorth",  "polandcentral",
      "qatarcentral",      "spaincentral", "usgovarizona",   "usgovtexas",       "westus3"};
  return std::find(kWithheld.begin(), kWithheld.end(), location) != kWithheld.end();
}

}  // namespace topoc::services::postgres
