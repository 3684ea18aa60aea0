// F005: without `unrouted`, requests from countries no geo route lists go to
// the first boundary with origins, which is a residency decision nobody
// wrote down; the warning asks for it to be written.
#include <fmt/format.h>

#include "compiler/rules/rules.h"
#include "compiler/services/frontdoor/unrouted.h"

namespace topoc::rules {

void frontdoor_unrouted_written(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor || !t.frontdoor->unrouted.value.empty()) return;
  // Without a boundary Front Door reaches (an AKS region) nothing is routed.
  const model::Boundary* target = services::frontdoor::unrouted_boundary(t);
  if (!target) return;
  auto& d = sink.report(diag::Kind::UnroutedNotWritten, t.frontdoor->location,
                        fmt::format("Front Door does not say where requests from countries no "
                                    "geo route lists go, so boundary `{}`, the first with "
                                    "origins, serves them",
                                    target->name));
  d.help = fmt::format(
      "write `unrouted = {}` to keep this, or `unrouted = deny` to refuse those requests",
      target->name);
}

}  // namespace topoc::rules
