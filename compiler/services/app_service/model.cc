#include "compiler/services/app_service/model.h"

#include <algorithm>

namespace topoc::model {

bool AppService::has_sites() const {
  return std::any_of(plans.begin(), plans.end(),
                     [](const AppServicePlan& p) { return !p.sites.empty(); });
}

const char* to_string(SiteKind k) {
  return k == SiteKind::kWeb ? "web" : "function";
}

}  // namespace topoc::model
