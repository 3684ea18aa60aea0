// R001-R005, R007, A001, A002: every data placement of the estate the
// topology deploys stays where its holders' boundaries allow. The checks are
// the residency engine's (compiler/residency/); the placements are declared
// by the services' planners (compiler/services/<service>/plan.cc).
#include "compiler/estate/estate.h"
#include "compiler/residency/engine.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void placements_in_boundary(const model::Topology& t, diag::DiagnosticSink& sink) {
  residency::check_placements(estate::build_estate(t, {.placements_only = true}), sink);
}

}  // namespace topoc::rules
