// F020: Front Door probes every origin with the profile's one health probe.
// With gateways among the origins and no `probe { path }` written, topoc
// probes API Management's own health endpoint, which an AKS or Container App
// ingress does not serve: those origins would be marked down and never
// receive traffic.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void frontdoor_probe_fits_origins(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor || t.frontdoor->probe_path.explicit_) return;
  const model::FrontDoor& fd = *t.frontdoor;
  const model::FrontDoorOrigin* gateway = nullptr;
  // A gateway origin in a region without a gateway is F019's.
  for (const model::FrontDoorOrigin& o : fd.origins) {
    const model::Region* r = t.find_region(o.region);
    if (o.api_management() && r && t.serves_frontdoor(*r)) {
      gateway = &o;
      break;
    }
  }
  if (!gateway) return;
  for (const model::Region& r : t.regions) {
    const model::FrontDoorOrigin* o = fd.find_origin(r.key);
    if ((o && o->api_management()) || !t.serves_frontdoor(r)) continue;
    auto& d = sink.report(
        diag::Kind::ProbePathUnfit, o ? o->location : r.location_of_block,
        fmt::format("Front Door reaches region `{}` through its ingress, which does not answer "
                    "the API Management health path `{}` the probe uses",
                    r.key, model::FrontDoor::kApiManagementProbePath));
    d.notes.push_back(
        {gateway->target.location,
         fmt::format("region `{}` is reached through API Management here", gateway->region)});
    d.help = fmt::format(
        "write `target = api_management` in an `origin \"{}\"` block, or set `probe {{ path = "
        "... }}` to a path every origin answers",
        r.key);
  }
}

}  // namespace topoc::rules
