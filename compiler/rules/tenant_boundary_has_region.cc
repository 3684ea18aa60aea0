// R009: a tenant's data must live in a region of its boundary; with none
// declared, topoc would have nowhere to put it.
#include <fmt/format.h>

#include <vector>

#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void tenant_boundary_has_region(const model::Topology& t, diag::DiagnosticSink& sink) {
  // A region whose boundary did not resolve may be the one meant for it.
  if (any_region_unresolved(t)) return;
  // Told per boundary, not per tenant.
  std::vector<bool> has_region(t.boundaries.size());
  for (size_t b = 0; b < t.boundaries.size(); ++b) has_region[b] = !t.regions_in(b).empty();
  for (const model::Tenant& tenant : t.tenants) {
    const model::Boundary* boundary = boundary_of(t, tenant);
    if (!boundary || has_region[static_cast<size_t>(boundary - t.boundaries.data())]) continue;
    auto& d = sink.report(diag::Kind::TenantWithoutRegion, tenant.residency.location,
                          fmt::format("tenant `{}` is pinned to boundary `{}`, which has no region "
                                      "to hold its data",
                                      tenant.name, boundary->name));
    d.notes.push_back(declared_here(*boundary));
    d.help = fmt::format("declare a region with `boundary = {}`", boundary->name);
  }
}

}  // namespace topoc::rules
