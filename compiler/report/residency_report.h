// The residency report (`topoc residency`): for each boundary, every Azure
// location its tenants' data may reach, grouped by placement kind, with the
// resources and the reasons back to the topology's lines; the Azure Policy
// assignments that guard it at deploy time; and what topoc cannot see.
// Built once from the estate; the Markdown, JSON and HTML renderings
// (residency_render.h) only format it. docs/residency.md describes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/estate/estate.h"
#include "dsl/source.h"

namespace topoc::report {

// A line of the topology: where a reason or a declaration comes from.
// `line` 0 means a default nobody wrote.
struct SourceLine {
  std::string file;
  uint32_t line = 0;
};

struct Reason {
  SourceLine at;
  std::string text;  // topoc's prose with `quoted` names
};

// One resource that puts data in one location, for one placement kind.
struct PlacedResource {
  std::string name;  // the Azure name; the key when Azure names it
  std::string azurerm_type;
  std::string key;              // the Terraform address
  std::string from;             // for a copy: the location copied from
  std::vector<Reason> reasons;  // outermost cause first
};

struct PlacedLocation {
  std::string location;                   // catalogue name
  std::string display;                    // West Europe; the name itself when unknown
  std::string country;                    // ISO 3166-1 alpha-2; "" when unknown
  bool allowed = false;                   // the boundary allows data here
  std::vector<PlacedResource> resources;  // sorted by name, then key
};

struct KindGroup {
  estate::PlacementKind kind = estate::PlacementKind::kPrimary;
  std::vector<PlacedLocation> locations;  // sorted by location
};

// A placement Azure cannot make at all (no pair, no data zone): listed so a
// reader sees why a copy the topology asks for has no location.
struct AbsentPlacement {
  estate::PlacementKind kind = estate::PlacementKind::kPrimary;
  PlacedResource resource;
};

// One Azure Policy assignment of the boundary on one resource group.
struct PolicyGuard {
  std::string assignment;  // the assignment's name
  std::string resource_group;
  std::string definition;  // the policy definition's name
  std::string effect;      // what it does, in a sentence
};

struct TenantEntry {
  std::string name;
  SourceLine declared;
  std::string home;  // region key; "" = any region of the boundary
};

struct BoundaryResidency {
  std::string name;
  SourceLine declared;
  std::string geography;                       // catalogue slug
  std::vector<std::string> allowed_locations;  // sorted
  std::vector<std::string> region_keys;        // the boundary's regions, declaration order
  std::vector<TenantEntry> tenants;            // declaration order
  std::vector<KindGroup> kinds;                // kinds with placements, in PlacementKind order
  std::vector<AbsentPlacement> absent;
  std::vector<std::string> reached;  // every location of `kinds`, sorted
  std::vector<std::string> outside;  // `reached` locations the boundary does not allow
  std::vector<PolicyGuard> guards;
};

// A resource whose data the topology declares non-personal (`data =
// non-personal`): where it is, which boundaries' locations it leaves
// (exempt from their residency), and why.
struct Exemption {
  std::string name;  // the Azure name; the key when Azure names it
  std::string azurerm_type;
  std::string key;                     // the Terraform address
  std::string data_class;              // "non-personal"
  std::vector<std::string> locations;  // every location it places data in, sorted
  std::vector<std::string>
      left_boundaries;          // boundaries it would otherwise breach, declaration order
  std::vector<Reason> reasons;  // outermost cause first: the `data` line
};

struct ResidencyReport {
  std::string topology;     // the topology's name
  std::string file;         // as given on the command line
  std::string environment;  // the environment the estate is planned for
  // What was asked: every boundary, one boundary, or one tenant's boundary.
  enum class Scope { kAll, kBoundary, kTenant };
  Scope scope = Scope::kAll;
  std::string selected;  // the boundary or tenant name
  std::vector<BoundaryResidency> boundaries;
  // Resources declared to hold only non-personal data: listed here, not
  // under the boundaries, whose sections show where personal data goes.
  std::vector<Exemption> exemptions;     // sorted by name, then key
  std::vector<std::string> assumptions;  // what topoc cannot see, in prose
};

struct ReportScope {
  ResidencyReport::Scope scope = ResidencyReport::Scope::kAll;
  std::string name;  // boundary or tenant; must exist (see find_scope_error)
};

// The one-line error for a --tenant or --boundary name the topology does
// not declare, with the closest name; "" when it exists.
std::string find_scope_error(const model::Topology& topology, const ReportScope& scope);

// `files` are the sources the estate's locations index (CheckResult::files).
// Work is linear in resources x placements plus tenants.
ResidencyReport build_residency_report(const estate::Estate& estate,
                                       const std::vector<dsl::SourceFile>& files,
                                       const std::string& file, const ReportScope& scope);

// The group's locations, those with the same resources (and reasons) and the
// same standing in the boundary together, in order of first appearance: a
// data zone of nine regions reads as one entry, not nine.
std::vector<std::vector<const PlacedLocation*>> locations_with_same_resources(
    const KindGroup& group);

// How a placement's `from` reads: "copied from" for copies, "from" otherwise.
std::string_view from_phrase(estate::PlacementKind kind);

// "primary": the stable key JSON and HTML attributes use.
std::string_view kind_key(estate::PlacementKind kind);
// "Stored (primary)": the heading a privacy officer reads.
std::string_view kind_title(estate::PlacementKind kind);
// One sentence: what a placement of this kind means for the data.
std::string_view kind_meaning(estate::PlacementKind kind);
inline constexpr int kPlacementKinds = 8;

}  // namespace topoc::report
