// A005: a Redis size the tier does not offer. Basic and Standard come in C0
// to C6 and Premium in P1 to P5; azurerm 4.55 refuses any other combination
// at plan time (the sku/family/capacity check in
// internal/services/redis/redis_cache_resource.go), after the check passed.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

constexpr int64_t kPremiumSmallest = 1;
constexpr int64_t kPremiumLargest = 5;

}  // namespace

void redis_capacity_in_tier(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.redis || region.redis->sku.value != "Premium") continue;
    const auto& capacity = region.redis->capacity;
    if (capacity.value >= kPremiumSmallest && capacity.value <= kPremiumLargest) continue;
    int64_t nearest = capacity.value < kPremiumSmallest ? kPremiumSmallest : kPremiumLargest;
    // The DSL's capacity range is 0-6, so only a written capacity lands here.
    auto& d = sink.report(diag::Kind::RedisCapacityOutsideTier, capacity.location,
                          fmt::format("the Premium Redis cache of region `{}` has capacity {}, "
                                      "but Premium sizes are P1 to P5",
                                      region.key, capacity.value));
    d.help = fmt::format("use `capacity = {}` (P{})", nearest, nearest);
    d.fixit = diag::FixIt{capacity.location, std::to_string(nearest)};
  }
}

}  // namespace topoc::rules
