// The residency engine: every placement of every estate resource, checked
// against the boundaries of the tenants whose data the resource holds.
// docs/estate.md describes the checks; services word their findings
// (wordings.h) but add no checking code of their own.
#pragma once

#include "compiler/diag/diagnostic.h"
#include "compiler/estate/estate.h"

namespace topoc::residency {

// Reports every placement outside a holder boundary, and each exemption
// (below) as a note (R015), so `topoc check` shows what it let through.
void check_placements(const estate::Estate& estate, diag::DiagnosticSink& sink);

// A resource whose placements declared non-personal reach locations some of
// its holder boundaries do not allow: no breach, but an exemption recorded
// with the reasons of its first such placement.
struct Exemption {
  const estate::Resource* resource = nullptr;
  const estate::Placement* placement = nullptr;    // the first exempted placement
  std::vector<const model::Boundary*> boundaries;  // those left, declaration order
  std::vector<std::string> outside;                // locations some of them refuse, sorted
};

// In estate resource order. Work is linear in placements x holders.
std::vector<Exemption> find_exemptions(const estate::Estate& estate);

}  // namespace topoc::residency
