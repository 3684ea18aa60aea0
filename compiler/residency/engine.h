// The residency engine: every placement of every estate resource, checked
// against the boundaries of the tenants whose data the resource holds.
// docs/estate.md describes the checks; services word their findings
// (wordings.h) but add no checking code of their own.
#pragma once

#include "compiler/diag/diagnostic.h"
#include "compiler/estate/estate.h"

namespace topoc::residency {

void check_placements(const estate::Estate& estate, diag::DiagnosticSink& sink);

}  // namespace topoc::residency
