// F016: a `rate_limit` is a WAF custom rule. Without a WAF nothing carries
// it, and in detection mode a rate-limit rule only logs the requests over
// the limit.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void frontdoor_rate_limits_enforced(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor || t.frontdoor->rate_limits.empty()) return;
  const model::FrontDoor& fd = *t.frontdoor;
  const model::FrontDoorRateLimit& first = fd.rate_limits.front();
  if (!fd.waf.value) {
    auto& d = sink.report(diag::Kind::RateLimitNotEnforced, first.location,
                          fmt::format("rate limit `{}` is a WAF custom rule, but this Front Door "
                                      "has `waf = false`",
                                      first.name));
    d.notes.push_back({fd.waf.location, "WAF turned off here"});
    d.help = "remove `waf = false`, or the `rate_limit` blocks";
  } else if (fd.waf_mode.value == "Detection") {
    auto& d = sink.report(diag::Kind::RateLimitNotEnforced, first.location,
                          fmt::format("rate limit `{}` blocks nothing: `waf_mode = detection` "
                                      "only logs the requests over the limit",
                                      first.name));
    d.notes.push_back({fd.waf_mode.location, "detection mode set here"});
    d.help = "write `waf_mode = prevention`";
  }
}

}  // namespace topoc::rules
