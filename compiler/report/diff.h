// `topoc diff`: what going from one topology to another does to the estate
// (resources added, removed, changed, replaced) and to residency (where each
// tenant's data may be). Both sides are estates (compiler/estate/); the
// result holds plain values, so the renderings need neither estate.
// docs/diff.md describes the comparison and every format.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "compiler/estate/estate.h"
#include "dsl/source.h"

namespace topoc::report {

// One side of the comparison: its estate and the file its reasons point into.
struct DiffSide {
  const estate::Estate* estate = nullptr;
  const dsl::SourceFile* file = nullptr;
  std::string label;  // as shown: a path, or `REF:path` for a git revision
};

// One azurerm attribute (or `name`, `location`, `resource_group`) that
// differs; a side without it holds null.
struct PropertyChange {
  std::string name;
  nlohmann::json before;
  nlohmann::json after;
};

enum class ResourceChangeKind { kAdded, kRemoved, kChanged, kMoved };
std::string_view to_string(ResourceChangeKind kind);  // added, removed, changed, moved

struct ResourceDiff {
  ResourceChangeKind change = ResourceChangeKind::kChanged;
  std::string key;      // the new side's key; the old one for a removed resource
  std::string old_key;  // a moved resource's former key, else ""
  std::string type;     // azurerm type
  std::string name;
  std::string location;
  std::vector<PropertyChange> properties;  // changed and moved resources
  // A stateful resource Terraform would destroy or replace, losing its data;
  // `destruction` says why ("partition key changes: fixed at creation").
  bool destructive = false;
  std::string destruction;
};

struct EstateDiff {
  std::vector<ResourceDiff> resources;  // sorted by key
  std::vector<PropertyChange> estate;   // environment, tags on every tagged resource
  size_t count(ResourceChangeKind kind) const;
  size_t destructive() const;
};

// Compares by resource key, with a hash of the old side's keys: linear in
// the number of resources (then sorted for the output). A resource whose
// key changed but whose type and Azure name did not (a region renamed with
// `renamed_from`) is moved, not removed and added.
EstateDiff diff_estates(const estate::Estate& before, const estate::Estate& after);

// One step of a placement's reason chain, with the line it points at (0 for
// a default nobody wrote) in the new side's file.
struct DiffReason {
  uint32_t line = 0;
  std::string text;
};

// A place a tenant's data may newly be, and the resources that put it there.
struct PlacementSource {
  std::string resource;  // key
  std::string from;      // a copy's source location, else ""
  std::vector<DiffReason> reasons;
};
struct NewPlacement {
  std::string kind;  // estate::to_string(PlacementKind)
  std::string location;
  std::vector<PlacementSource> sources;
};

struct TenantDiff {
  std::string name;
  std::string old_boundary;                    // "" when the tenant is new
  std::string new_boundary;                    // "" when it was removed
  std::vector<std::string> new_locations;      // sorted
  std::vector<std::string> removed_locations;  // sorted
  std::vector<NewPlacement> new_placements;    // by kind, then location
  bool added() const { return old_boundary.empty(); }
  bool removed() const { return new_boundary.empty(); }
  bool moved() const { return !added() && !removed() && old_boundary != new_boundary; }
  // Data that exists may now reach a location it could not before.
  bool widens() const { return !added() && !removed() && !new_locations.empty(); }
};

// A boundary whose generated Azure Policy (allowed-locations definition and
// its assignments, the deny-geo-redundant-storage and tag assignments) changes.
struct BoundaryPolicyDiff {
  std::string name;
  bool added = false;
  bool removed = false;
  std::vector<std::string> allowed_added;    // locations the policy newly allows
  std::vector<std::string> allowed_removed;  // locations it no longer allows
  std::vector<ResourceDiff> resources;       // the policy resources that change
};

struct ResidencyDiff {
  std::vector<TenantDiff> tenants;             // only tenants with a change, by name
  std::vector<BoundaryPolicyDiff> boundaries;  // only changed ones, by name
  size_t widening_tenants() const;
};

ResidencyDiff diff_residency(const DiffSide& before, const DiffSide& after,
                             const EstateDiff& estate);

struct Diff {
  std::string old_label;
  std::string new_label;
  std::string environment;
  EstateDiff estate;
  ResidencyDiff residency;
  bool empty() const {
    return estate.resources.empty() && estate.estate.empty() && residency.tenants.empty() &&
           residency.boundaries.empty();
  }
};

Diff diff_sides(const DiffSide& before, const DiffSide& after);

// The renderings (diff_markdown.cc, diff_json.cc, diff_text.cc).
// Markdown for a pull-request comment: always under kMarkdownLimit
// characters, the least important sections cut first with "N more not shown".
inline constexpr size_t kMarkdownLimit = 65536;
std::string render_markdown(const Diff& diff, size_t limit = kMarkdownLimit);
std::string render_json(const Diff& diff);
std::string render_text(const Diff& diff);

inline constexpr int kDiffSchemaVersion = 1;

}  // namespace topoc::report
