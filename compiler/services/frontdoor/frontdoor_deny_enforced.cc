// F008, F009: `unrouted = deny` is a WAF custom rule that blocks every
// request whose client address (RemoteAddr) geo-matches none of the listed
// countries. It refuses nothing without a WAF in prevention mode (F008), and
// one rule holds at most 10 negated GeoMatch conditions of 10 codes each, so
// it can admit 1 to 100 countries (F009; with none it would refuse all).
#include <fmt/format.h>

#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"
#include "compiler/services/frontdoor/unrouted.h"

namespace topoc::rules {

void frontdoor_deny_enforced(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor || !t.frontdoor->denies_unrouted()) return;
  const model::FrontDoor& fd = *t.frontdoor;
  if (!fd.waf.value) {
    auto& d = sink.report(diag::Kind::DenyNotEnforced, fd.unrouted.location,
                          "`unrouted = deny` refuses requests with a WAF custom rule, but this "
                          "Front Door has `waf = false`");
    d.notes.push_back({fd.waf.location, "WAF turned off here"});
    d.help = "remove `waf = false`, or route unlisted countries with `unrouted = <boundary>`";
  } else if (fd.waf_mode.value == "Detection") {
    auto& d = sink.report(diag::Kind::DenyNotEnforced, fd.unrouted.location,
                          "`unrouted = deny` refuses requests with a WAF custom rule, but "
                          "`waf_mode = detection` only logs what the rule matches");
    d.notes.push_back({fd.waf_mode.location, "detection mode set here"});
    d.help = "write `waf_mode = prevention`";
  }
  size_t admitted = services::frontdoor::admitted_countries(fd).size();
  if (admitted == 0) {
    auto& d = sink.report(diag::Kind::DenyAdmitsWrongCount, fd.unrouted.location,
                          "`unrouted = deny` with no geo route refuses every request");
    d.help = "list the countries to serve in `geo \"<boundary>\" = [...]` routes";
  } else if (admitted > services::frontdoor::kMaxAdmittedCountries) {
    auto& d = sink.report(
        diag::Kind::DenyAdmitsWrongCount, fd.unrouted.location,
        fmt::format("`unrouted = deny` admits the {} countries the geo routes list, but one WAF "
                    "custom rule matches at most {} ({} conditions of {} codes)",
                    admitted, services::frontdoor::kMaxAdmittedCountries,
                    services::frontdoor::kConditionsPerRule,
                    services::frontdoor::kGeoValuesPerCondition));
    d.help = "route the remaining countries with `unrouted = <boundary>` instead";
  }
}

}  // namespace topoc::rules
