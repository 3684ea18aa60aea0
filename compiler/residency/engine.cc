#include "compiler/residency/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "compiler/catalog/region_catalog.h"
#include "compiler/estate/edge_location.h"
#include "compiler/residency/wordings.h"
#include "compiler/rules/residency_facts.h"

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

bool non_personal(const Placement& p) {
  return p.data_class == model::DataClass::kNonPersonal;
}

// R015: what the exemption lets through, at the `data = non-personal` line,
// with the rest of the reason chain and the boundaries left as notes.
void report_exemption(const Exemption& x, diag::DiagnosticSink& sink) {
  const Resource& r = *x.resource;
  const Placement& p = *x.placement;
  std::vector<std::string> boundaries;
  for (const model::Boundary* b : x.boundaries) boundaries.push_back(b->name);
  std::string where;
  for (size_t i = 0; i < x.outside.size(); ++i) {
    if (i > 0) where += i + 1 == x.outside.size() ? " and " : ", ";
    where += estate::location_in_words(x.outside[i]);
  }
  auto& d = sink.report(
      diag::Kind::NonPersonalExempt, p.reasons.empty() ? r.source : p.reasons.front().at,
      fmt::format("non-personal data of `{}` is kept in {}, outside {} {}: exempt from "
                  "residency, as declared here",
                  r.name.empty() ? r.key : r.name, where,
                  boundaries.size() == 1 ? "boundary" : "boundaries",
                  rules::quoted_list(boundaries)));
  for (size_t i = 1; i < p.reasons.size(); ++i) {
    d.notes.push_back({p.reasons[i].at, p.reasons[i].text});
  }
  for (const model::Boundary* b : x.boundaries) d.notes.push_back(rules::declared_here(*b));
  if (p.kind == PlacementKind::kCacheEdge) {
    d.help = "remove `data = non-personal` if the route can serve tenant data, and its `cache` "
             "block with it";
  } else if (r.azurerm_type == "azurerm_monitor_activity_log_alert") {
    d.help = "remove `data = non-personal` if the events the alert watches can carry tenant "
             "data: where Azure processes it then falls under the boundary's residency";
  } else {
    d.help = "remove `data = non-personal` if the container can hold tenant data: its copies "
             "then fall under the boundary's residency";
  }
}

}  // namespace

std::vector<Exemption> find_exemptions(const estate::Estate& e) {
  const model::Topology& t = *e.topology;
  std::vector<Exemption> out;
  for (const Resource& r : e.resources) {
    Exemption x{&r, nullptr, {}, {}};
    std::set<std::string> refused;
    for (const Placement& p : r.placements) {
      if (!non_personal(p)) continue;
      for (size_t holder : r.holders) {
        const model::Boundary& b = t.boundaries[holder];
        if (b.allowed_locations.empty()) continue;
        std::vector<std::string> out_of_b = outside(b, p);
        if (out_of_b.empty()) continue;
        if (!x.placement) x.placement = &p;
        if (std::find(x.boundaries.begin(), x.boundaries.end(), &b) == x.boundaries.end()) {
          x.boundaries.push_back(&b);
        }
        refused.insert(out_of_b.begin(), out_of_b.end());
      }
    }
    if (!x.placement) continue;
    std::sort(x.boundaries.begin(), x.boundaries.end());  // declaration order: one array
    x.outside.assign(refused.begin(), refused.end());
    out.push_back(std::move(x));
  }
  return out;
}

void check_placements(const estate::Estate& e, diag::DiagnosticSink& sink) {
  for (const Resource& r : e.resources) {
    for (const Placement& p : r.placements) {
      if (p.checked && !non_personal(p)) check(*e.topology, r, p, sink);
    }
  }
  for (const Exemption& x : find_exemptions(e)) report_exemption(x, sink);
}

}  // namespace topoc::residency
