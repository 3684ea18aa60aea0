#include "compiler/residency/engine.h"

#include <algorithm>

#include "compiler/catalog/region_catalog.h"
#include "compiler/residency/wordings.h"

namespace topoc::residency {
namespace {

using estate::Breach;
using estate::Placement;
using estate::PlacementKind;
using estate::Resource;

void word(const Breach& breach, diag::DiagnosticSink& sink) {
  (breach.placement->wording ? breach.placement->wording : generic)(breach, sink);
}

std::vector<std::string> outside(const model::Boundary& b, const Placement& p) {
  std::vector<std::string> out;
  for (const std::string& l : p.locations) {
    if (!b.allows(l)) out.push_back(l);
  }
  return out;
}

// A copy to the Azure pair is a fact of Azure before it is one of the
// boundary: the pair must exist and share the geography.
bool pair_breach(const Placement& p, Breach& breach) {
  if (p.kind != PlacementKind::kGeoPairCopy) return false;
  if (p.absent) {
    breach.why = Breach::Why::kAbsent;
    return true;
  }
  const catalog::RegionInfo* from = catalog::find_region(p.from);
  const catalog::RegionInfo* to =
      p.locations.empty() ? nullptr : catalog::find_region(p.locations[0]);
  if (from && to && from->geography != to->geography) {
    breach.why = Breach::Why::kOtherGeography;
    return true;
  }
  return false;
}

// Processing happens where the resource is first: while its primary
// placement is outside a boundary, that finding already covers it.
bool primary_outside(const Resource& r, const model::Boundary& b) {
  return std::any_of(r.placements.begin(), r.placements.end(), [&](const Placement& p) {
    return p.kind == PlacementKind::kPrimary && !outside(b, p).empty();
  });
}

void check(const model::Topology& t, const Resource& r, const Placement& p,
           diag::DiagnosticSink& sink) {
  Breach breach;
  breach.topology = &t;
  breach.resource = &r;
  breach.placement = &p;
  // A boundary without allowed locations has a geography the catalogue
  // lacks (R008 or the model reports it): nothing to check against.
  for (size_t holder : r.holders) {
    if (!t.boundaries[holder].allowed_locations.empty()) {
      breach.boundary = &t.boundaries[holder];
      break;
    }
  }
  if (pair_breach(p, breach)) {
    word(breach, sink);
    return;
  }
  if (p.absent) {
    if (breach.boundary &&
        !(p.kind == PlacementKind::kProcessing && primary_outside(r, *breach.boundary))) {
      breach.why = Breach::Why::kAbsent;
      word(breach, sink);
    }
    return;
  }
  for (size_t holder : r.holders) {
    const model::Boundary& b = t.boundaries[holder];
    if (b.allowed_locations.empty()) continue;
    if (p.kind == PlacementKind::kProcessing && primary_outside(r, b)) continue;
    std::vector<std::string> out = outside(b, p);
    if (out.empty()) continue;
    breach.boundary = &b;
    breach.outside = std::move(out);
    breach.why = Breach::Why::kOutside;
    word(breach, sink);
    return;
  }
}

}  // namespace

void check_placements(const estate::Estate& e, diag::DiagnosticSink& sink) {
  for (const Resource& r : e.resources) {
    for (const Placement& p : r.placements) {
      if (p.checked) check(*e.topology, r, p, sink);
    }
  }
}

}  // namespace topoc::residency
