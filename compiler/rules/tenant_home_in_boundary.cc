// R006: a tenant's home region holds its data first, so it must belong to
// the boundary the tenant is pinned to.
#include <fmt/format.h>

#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void tenant_home_in_boundary(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Tenant& tenant : t.tenants) {
    const model::Boundary* pinned = boundary_of(t, tenant);
    const model::Region* home = tenant.home.explicit_ ? t.find_region(tenant.home.value) : nullptr;
    if (!pinned || !home) continue;
    const model::Boundary* actual = boundary_of(t, *home);
    if (!actual || actual == pinned) continue;
    if (sink.full()) {  // counted only: no message, and no walk over the boundary's regions
      sink.report(diag::Kind::TenantHomeOutsideBoundary, tenant.home.location, "");
      continue;
    }
    auto& d = sink.report(diag::Kind::TenantHomeOutsideBoundary, tenant.home.location,
                          fmt::format("tenant `{}` is pinned to boundary `{}`, but its home region "
                                      "`{}` is in boundary `{}`",
                                      tenant.name, pinned->name, home->key, actual->name));
    d.notes.push_back(
        {tenant.residency.location, fmt::format("tenant `{}` pinned here", tenant.name)});
    d.notes.push_back(
        {home->location_of_block, fmt::format("region `{}` declared here", home->key)});
    std::vector<std::string> candidates;
    for (const model::Region* r : t.regions_in(static_cast<size_t>(pinned - t.boundaries.data()))) {
      candidates.push_back(r->key);
    }
    if (candidates.empty()) {
      d.help = fmt::format("boundary `{}` has no region yet; declare one with `boundary = {}`",
                           pinned->name, pinned->name);
    } else {
      d.help = fmt::format("choose a home region in boundary `{}`: {}", pinned->name,
                           quoted_list(candidates, 4));
      if (candidates.size() == 1) d.fixit = diag::FixIt{tenant.home.location, candidates[0]};
    }
  }
}

}  // namespace topoc::rules
