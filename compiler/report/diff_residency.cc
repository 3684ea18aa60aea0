// The residency half of `topoc diff`: where each tenant's data may be on
// either side, from the placements of the resources holding its boundary's
// data, and what changes in each boundary's generated Azure Policy.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "compiler/estate/add_resource.h"
#include "compiler/report/diff.h"

namespace topoc::report {
namespace {

using PairKey = std::pair<estate::PlacementKind, std::string>;  // kind, location

struct Held {
  const estate::Resource* resource = nullptr;
  const estate::Placement* placement = nullptr;
};

// Per boundary name: every (kind, location) its tenants' data may reach,
// with the placements that put it there.
struct Reach {
  std::map<PairKey, std::vector<Held>> pairs;
  std::set<std::string> locations;
};

std::unordered_map<std::string, Reach> reach_of(const estate::Estate& e) {
  std::unordered_map<std::string, Reach> out;
  const auto& boundaries = e.topology->boundaries;
  for (const estate::Resource& r : e.resources) {
    for (size_t holder : r.holders) {
      if (holder >= boundaries.size()) continue;
      Reach& reach = out[boundaries[holder].name];
      for (const estate::Placement& p : r.placements) {
        // Where a tenant's personal data may be: data declared non-personal
        // widens no tenant's reach.
        if (p.data_class != model::DataClass::kPersonal) continue;
        for (const std::string& location : p.locations) {
          reach.pairs[{p.kind, location}].push_back({&r, &p});
          reach.locations.insert(location);
        }
      }
    }
  }
  return out;
}

std::map<std::string, std::string> tenant_boundaries(const model::Topology& t) {
  std::map<std::string, std::string> out;
  for (const model::Tenant& tenant : t.tenants) {
    out[tenant.name] = tenant.boundary < t.boundaries.size() ? t.boundaries[tenant.boundary].name
                                                             : tenant.residency.value;
  }
  return out;
}

std::vector<std::string> minus(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

class Residency {
 public:
  Residency(const DiffSide& before, const DiffSide& after)
      : after_(after), old_reach_(reach_of(*before.estate)), new_reach_(reach_of(*after.estate)) {}

  TenantDiff tenant(const std::string& name, const std::string& old_boundary,
                    const std::string& new_boundary) const {
    TenantDiff d{name, old_boundary, new_boundary, {}, {}, {}};
    const Reach& was = find(old_reach_, old_boundary);
    const Reach& now = find(new_reach_, new_boundary);
    d.new_locations = minus(now.locations, was.locations);
    d.removed_locations = minus(was.locations, now.locations);
    for (const auto& [pair, held] : now.pairs) {
      if (was.pairs.count(pair)) continue;
      d.new_placements.push_back(placement(pair, held));
    }
    return d;
  }

 private:
  static const Reach& find(const std::unordered_map<std::string, Reach>& reach,
                           const std::string& boundary) {
    static const Reach kNone;
    auto it = boundary.empty() ? reach.end() : reach.find(boundary);
    return it == reach.end() ? kNone : it->second;
  }

  // The sources of a new place: the checked placements, which carry the
  // reason a finding would cite; the listed-only ones when nothing else
  // puts data there.
  NewPlacement placement(const PairKey& pair, const std::vector<Held>& held) const {
    NewPlacement out{std::string(estate::to_string(pair.first)), pair.second, {}};
    bool any_checked =
        std::any_of(held.begin(), held.end(), [](const Held& h) { return h.placement->checked; });
    for (const Held& h : held) {
      if (any_checked && !h.placement->checked) continue;
      PlacementSource s{h.resource->key, h.placement->from, {}};
      for (const estate::ReasonStep& step : h.placement->reasons) {
        s.reasons.push_back({line_of(step.at), step.text});
      }
      out.sources.push_back(std::move(s));
    }
    return out;
  }

  uint32_t line_of(const diag::Location& at) const {
    if (!after_.file || at.span.begin == at.span.end) return 0;
    return after_.file->line_col(at.span.begin).line;
  }

  const DiffSide& after_;
  std::unordered_map<std::string, Reach> old_reach_;
  std::unordered_map<std::string, Reach> new_reach_;
};

const model::Boundary* boundary_named(const model::Topology& t, const std::string& name) {
  for (const model::Boundary& b : t.boundaries) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

std::vector<BoundaryPolicyDiff> policies(const estate::Estate& before, const estate::Estate& after,
                                         const EstateDiff& estate) {
  std::set<std::string> names;
  for (const model::Boundary& b : before.topology->boundaries) names.insert(b.name);
  for (const model::Boundary& b : after.topology->boundaries) names.insert(b.name);
  std::vector<BoundaryPolicyDiff> out;
  for (const std::string& name : names) {
    const model::Boundary* a = boundary_named(*before.topology, name);
    const model::Boundary* b = boundary_named(*after.topology, name);
    BoundaryPolicyDiff d;
    d.name = name;
    d.added = !a;
    d.removed = !b;
    std::set<std::string> was, now;
    if (a) was.insert(a->allowed_locations.begin(), a->allowed_locations.end());
    if (b) now.insert(b->allowed_locations.begin(), b->allowed_locations.end());
    d.allowed_added = minus(now, was);
    d.allowed_removed = minus(was, now);
    // The module instance of the boundary's policy (compiler/services/policy).
    const std::string prefix = "module.residency_policy" + estate::instance(name) + ".";
    for (const ResourceDiff& r : estate.resources) {
      if (r.key.starts_with(prefix) || r.old_key.starts_with(prefix)) d.resources.push_back(r);
    }
    if (d.added || d.removed || !d.allowed_added.empty() || !d.allowed_removed.empty() ||
        !d.resources.empty()) {
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace

size_t ResidencyDiff::widening_tenants() const {
  return static_cast<size_t>(std::count_if(tenants.begin(), tenants.end(),
                                           [](const TenantDiff& t) { return t.widens(); }));
}

ResidencyDiff diff_residency(const DiffSide& before, const DiffSide& after,
                             const EstateDiff& estate) {
  ResidencyDiff diff;
  std::map<std::string, std::string> was = tenant_boundaries(*before.estate->topology);
  std::map<std::string, std::string> now = tenant_boundaries(*after.estate->topology);
  std::set<std::string> names;
  for (const auto& [name, _] : was) names.insert(name);
  for (const auto& [name, _] : now) names.insert(name);
  Residency residency(before, after);
  for (const std::string& name : names) {
    auto a = was.find(name), b = now.find(name);
    TenantDiff d =
        residency.tenant(name, a == was.end() ? "" : a->second, b == now.end() ? "" : b->second);
    if (d.added() || d.removed() || d.moved() || !d.new_locations.empty() ||
        !d.removed_locations.empty() || !d.new_placements.empty()) {
      diff.tenants.push_back(std::move(d));
    }
  }
  diff.boundaries = policies(*before.estate, *after.estate, estate);
  return diff;
}

Diff diff_sides(const DiffSide& before, const DiffSide& after) {
  Diff diff;
  diff.old_label = before.label;
  diff.new_label = after.label;
  diff.environment = after.estate->environment;
  diff.estate = diff_estates(*before.estate, *after.estate);
  diff.residency = diff_residency(before, after, diff.estate);
  return diff;
}

}  // namespace topoc::report
