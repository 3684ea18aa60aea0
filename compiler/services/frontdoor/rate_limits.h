// How a `rate_limit` becomes a WAF rate-limit rule, shared by the estate and
// both backends so they write the same rule.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/topology.h"

namespace topoc::services::frontdoor {

// Rate-limit rules follow the `unrouted = deny` rule (priority 1), in
// declaration order.
inline constexpr int64_t kFirstRateLimitPriority = 10;

// The one match condition that selects the requests a rule counts.
struct RateLimitMatch {
  std::string_view variable;  // match_variable
  std::string_view op;        // operator
  std::vector<std::string> values;
};

// With `paths`, the requests whose URL contains one of them (RequestUri
// Contains, as Learn's rate-limit example counts "/promo"); without, every
// request, matched as any IPv4 or IPv6 client address.
RateLimitMatch rate_limit_match(const model::FrontDoorRateLimit& limit);

}  // namespace topoc::services::frontdoor
