// Where a Cosmos DB account's diagnostic logs go. A per-boundary account
// sends them to the workspace of its boundary's first region (topology
// order) that runs `monitoring` with diagnostics on, as the account's write
// location is its boundary's first region. The shared account (every
// boundary's data) and the global account of non-personal containers get no
// setting: one workspace is in one boundary.
#pragma once

#include "compiler/estate/estate.h"
#include "compiler/rules/residency_facts.h"

namespace topoc::services::cosmos {

inline const model::Region* log_region(const model::Topology& t, const estate::CosmosAccount& a) {
  if (!a.boundary || a.non_personal) return nullptr;
  for (const model::Region& r : t.regions) {
    if (r.monitoring && r.monitoring->diagnostics.value && rules::boundary_of(t, r) == a.boundary) {
      return &r;
    }
  }
  return nullptr;
}

}  // namespace topoc::services::cosmos
