// X001 and X002 on the names the build will create, and R001-R005, R007,
// A001, A002 on every data placement of the estate the topology deploys:
// one generation of the names serves both, since the estate is named by
// them. The placement checks are the residency engine's
// (compiler/residency/); the placements are declared by the services'
// planners (compiler/services/<service>/plan.cc).
#include "compiler/estate/estate.h"
#include "compiler/residency/engine.h"
#include "compiler/rules/generated_names.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

estate::Estate check_estate(const model::Topology& t, const estate::EstateOptions& options,
                            diag::DiagnosticSink& sink) {
  estate::ResourceNames names(naming::generate_names(t));
  report_invalid_names(names.all(), sink);
  report_duplicate_names(names.all(), sink);
  estate::Estate estate = estate::build_estate(t, options, std::move(names));
  residency::check_placements(estate, sink);
  return estate;
}

void names_and_placements(const model::Topology& t, diag::DiagnosticSink& sink) {
  check_estate(t, {.placements_only = true}, sink);
}

}  // namespace topoc::rules
