// R011 for a Key Vault: Azure copies the vault's contents to the pair of its
// location, and nothing but the location decides it, so the help names the
// locations of the boundary where the vault's copies stay inside.
#include <fmt/format.h>

#include "compiler/residency/wordings.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/services/keyvault/pair_copy.h"

namespace topoc::residency {

void keyvault_copy_outside(const estate::Breach& b, diag::DiagnosticSink& sink) {
  const estate::Resource& vault = *b.resource;
  const estate::Placement& p = *b.placement;
  const model::Region& region = *vault.region;
  const model::Boundary& boundary = *b.boundary;
  // A vault follows its region: while the region itself is outside the
  // boundary, R001 already reports the location this copy comes from.
  if (!boundary.allows(p.from)) return;
  auto& d = sink.report(
      diag::Kind::CopyOutsideBoundary, p.reasons.front().at,
      fmt::format("Key Vault `{}` of region `{}` is replicated by Azure to `{}`, the pair of "
                  "`{}`, outside boundary `{}`",
                  vault.name, region.key, p.locations.front(), p.from, boundary.name));
  for (size_t i = 1; i < p.reasons.size(); ++i)
    d.notes.push_back({p.reasons[i].at, p.reasons[i].text});
  d.notes.push_back(rules::declared_here(boundary));
  // Locations of the boundary whose vaults keep every copy inside it.
  std::vector<std::string> fitting;
  for (const std::string& l : boundary.allowed_locations) {
    std::string_view pair = services::keyvault::pair_copy_location(l);
    if (pair.empty() || boundary.allows(pair)) fitting.push_back(l);
  }
  d.help =
      fitting.empty()
          ? fmt::format("allow `{}` in boundary `{}`", p.locations.front(), boundary.name)
          : fmt::format(
                "move region `{}` to a location whose vault copies stay in boundary "
                "`{}` ({}), or allow `{}` there",
                region.key, boundary.name, rules::quoted_list(fitting, 4), p.locations.front());
}

}  // namespace topoc::residency
