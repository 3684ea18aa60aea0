// R003: without `locations`, topoc creates one Cosmos DB account per boundary
// over that boundary's regions and failovers. An explicit `locations` list
// makes one account for every tenant, so each listed location receives the
// data of all of them: it must be allowed by every boundary that holds data.
// The engine finds the breach; this words it across every holder at once.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/residency/wordings.h"
#include "compiler/rules/residency_facts.h"

namespace topoc::residency {
namespace {

using rules::boundary_of;
using rules::declared_here;

// Whose data a boundary holds, for the message: its tenants, or its regions
// when no tenant is pinned to it.
struct Holder {
  const model::Boundary* boundary;
  std::vector<std::string> tenants;
  std::vector<std::string> regions;
};

std::vector<Holder> holders_of(const model::Topology& t) {
  std::vector<Holder> out;
  for (size_t i = 0; i < t.boundaries.size(); ++i) {
    Holder h{&t.boundaries[i], {}, {}};
    for (const model::Tenant& tenant : t.tenants) {
      if (boundary_of(t, tenant) == h.boundary) h.tenants.push_back(tenant.name);
    }
    for (const model::Region* region : t.regions_in(i)) h.regions.push_back(region->key);
    if (!h.tenants.empty() || !h.regions.empty()) out.push_back(std::move(h));
  }
  return out;
}

// "`a`, `b`": a plain list, for messages that already join clauses with "and".
std::string comma_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += fmt::format("{}`{}`", out.empty() ? "" : ", ", name);
  return out;
}

std::string describe_holder(const Holder& h) {
  if (!h.tenants.empty()) {
    return fmt::format("{} {} ({})", h.tenants.size() == 1 ? "tenant" : "tenants",
                       comma_list(h.tenants), h.boundary->name);
  }
  return fmt::format("{} {} ({})", h.regions.size() == 1 ? "region" : "regions",
                     comma_list(h.regions), h.boundary->name);
}

// "`eastus`, `westus2` (boundary `us`) and `westeurope` (boundary `eu`)":
// the listed locations grouped by the boundary that allows them.
std::string describe_locations(const model::Topology& t,
                               const std::vector<model::Sourced<std::string>>& locations) {
  std::vector<std::pair<const model::Boundary*, std::vector<std::string>>> groups;
  for (const auto& l : locations) {
    const model::Boundary* owner = nullptr;
    for (const model::Boundary& b : t.boundaries) {
      if (b.allows(l.value)) {
        owner = &b;
        break;
      }
    }
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == owner; });
    if (it == groups.end()) it = groups.insert(groups.end(), {owner, {}});
    if (std::find(it->second.begin(), it->second.end(), l.value) == it->second.end()) {
      it->second.push_back(l.value);
    }
  }
  std::vector<std::string> parts;
  for (const auto& [owner, names] : groups) {
    parts.push_back(owner ? fmt::format("{} (boundary `{}`)", comma_list(names), owner->name)
                          : fmt::format("{} (no boundary)", comma_list(names)));
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

}  // namespace

void cosmos_spans_boundaries(const estate::Breach& b, diag::DiagnosticSink& sink) {
  const model::Topology& t = *b.topology;
  if (!t.cosmos || t.cosmos->locations.empty()) return;
  const auto& locations = t.cosmos->locations;
  std::vector<Holder> holders = holders_of(t);

  // The account is the first location's (its write region): its boundary is
  // the one the account means to serve; locations outside it are the offence.
  const model::Boundary* home = nullptr;
  for (const Holder& h : holders) {
    if (h.boundary->allows(locations[0].value)) {
      home = h.boundary;
      break;
    }
  }
  for (const model::Boundary& b : t.boundaries) {
    if (!home && b.allows(locations[0].value)) home = &b;
  }

  const model::Sourced<std::string>* offending = nullptr;
  for (const auto& l : locations) {
    if (!home || !home->allows(l.value)) {
      offending = &l;
      break;
    }
  }
  // Every boundary that holds data and would see it copied elsewhere.
  std::vector<std::string> copies;
  std::vector<const model::Boundary*> involved;
  if (home) involved.push_back(home);
  for (const Holder& h : holders) {
    std::vector<std::string> foreign;
    for (const auto& l : locations) {
      if (!h.boundary->allows(l.value) &&
          std::find(foreign.begin(), foreign.end(), l.value) == foreign.end()) {
        foreign.push_back(l.value);
      }
    }
    if (foreign.empty()) continue;
    copies.push_back(fmt::format("{}{} to {}", describe_holder(h),
                                 copies.empty() ? " would be copied" : "", comma_list(foreign)));
    involved.push_back(h.boundary);
  }
  if (!offending && copies.empty()) return;

  std::string message =
      fmt::format("Cosmos DB account replicates to {}", describe_locations(t, locations));
  for (size_t i = 0; i < copies.size(); ++i) {
    message += i == 0 ? ": data of " : i + 1 == copies.size() ? " and of " : ", of ";
    message += copies[i];
  }
  auto& d = sink.report(diag::Kind::CosmosSpansBoundaries,
                        offending ? offending->location : locations[0].location, message);
  for (const model::Boundary& b : t.boundaries) {
    if (std::find(involved.begin(), involved.end(), &b) != involved.end()) {
      d.notes.push_back(declared_here(b));
    }
  }
  d.help = "remove `locations`: topoc creates one account per boundary";
}

}  // namespace topoc::residency
