#include "compiler/services/frontdoor/rate_limits.h"

namespace topoc::services::frontdoor {

RateLimitMatch rate_limit_match(const model::FrontDoorRateLimit& limit) {
  if (limit.paths.empty()) return {"RemoteAddr", "IPMatch", {"0.0.0.0/0", "::/0"}};
  RateLimitMatch match{"RequestUri", "Contains", {}};
  for (const auto& p : limit.paths) match.values.push_back(p.value);
  return match;
}

}  // namespace topoc::services::frontdoor
