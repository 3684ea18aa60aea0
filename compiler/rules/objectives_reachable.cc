// O001 (warning): the stated RTO or RPO is shorter than the deployment mode
// can deliver. What each mode achieves, from the architecture documents
// topoc was designed from and the Cosmos DB durability table (cosmosdb.md §1):
//
//   mode            shortest RTO  typical    shortest RPO
//   active-active   0             ~0         0 with multi-region writes or strong
//                                            consistency, else as active-passive
//   active-passive  2m            2-10m      1m (typical 1-5m), 0 with strong consistency
//   warm-standby    15m           15m-1h     as active-passive
//   cold-standby    1h            1-4h       as active-passive
//
// RTO: active-passive must detect the outage and promote the passive region;
// a warm standby must also scale out to full capacity; a cold standby must
// rebuild its compute. Whatever the mode, the traffic of a boundary can only
// move to another region of that boundary that serves it (runs AKS, the
// compute Front Door sends requests to): a failover location holds Cosmos DB
// replicas, not compute, and Front Door must not route the boundary's users
// to another boundary. A boundary with one serving region therefore recovers
// as from cold, whatever the mode says.
//
// RPO: in every mode topoc replicates Cosmos DB to the failover regions,
// asynchronously unless consistency is strong, so only writes accepted in
// several regions (or committed synchronously) promise 0.
#include <fmt/format.h>

#include <utility>
#include <vector>

#include "compiler/rules/duration_text.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

using model::DeploymentMode;

struct Recovery {
  DeploymentMode mode;
  int64_t shortest_rto;
  const char* why;  // completes "`mode` cannot meet RTO 5m: ..."
};

// Cheapest first, so the help can name the cheapest mode that would do.
constexpr Recovery kRecovery[] = {
    {DeploymentMode::kColdStandby, 3600,
     "rebuilding a region from cold takes hours (typical RTO 1-4h)"},
    {DeploymentMode::kWarmStandby, 900,
     "the standby region must first scale out to full capacity (typical RTO 15m-1h)"},
    {DeploymentMode::kActivePassive, 120,
     "failing over means detecting the outage and promoting the passive region (typical RTO "
     "2-10m)"},
    {DeploymentMode::kActiveActive, 0, ""},
};

// Rebuilding compute in a failover location, as a cold standby does.
constexpr int64_t kRebuildRto = 3600;

// Asynchronous replication of the data tier to the failover regions.
constexpr int64_t kAsyncRpo = 60;

const Recovery& recovery_of(DeploymentMode mode) {
  for (const Recovery& r : kRecovery) {
    if (r.mode == mode) return r;
  }
  return kRecovery[0];
}

diag::Note mode_note(const model::Topology& t) {
  if (t.mode.explicit_) return {t.mode.location, "deployment mode chosen here"};
  return {t.location, "`mode` defaults to `active-passive`"};
}

// Boundaries whose regions run AKS in exactly one region, with that region.
std::vector<std::pair<const model::Boundary*, const model::Region*>> single_serving(
    const model::Topology& t) {
  std::vector<std::pair<const model::Boundary*, const model::Region*>> out;
  if (any_region_unresolved(t)) return out;
  for (size_t b = 0; b < t.boundaries.size(); ++b) {
    const model::Region* serving = nullptr;
    size_t count = 0;
    for (const model::Region* region : t.regions_in(b)) {
      if (region->aks) ++count, serving = region;
    }
    if (count == 1) out.emplace_back(&t.boundaries[b], serving);
  }
  return out;
}

// O001 for boundaries that have one serving region: reported instead of the
// mode's limit, which is lower.
bool check_serving_regions(const model::Topology& t, diag::DiagnosticSink& sink) {
  const auto& rto = t.objectives.rto_seconds;
  if (recovery_of(t.mode.value).shortest_rto >= kRebuildRto || rto.value >= kRebuildRto) {
    return false;
  }
  auto single = single_serving(t);
  if (single.empty()) return false;
  std::vector<std::string> boundaries, regions;
  for (const auto& [boundary, region] : single) {
    boundaries.push_back(boundary->name);
    regions.push_back(region->key);
  }
  bool one = single.size() == 1;
  auto& d = sink.report(
      diag::Kind::ObjectiveUnreachable, rto.location,
      fmt::format("`{}` cannot meet RTO {}: {} {} {} one serving region ({}, the only {} running "
                  "AKS); when it fails no region inside the boundary can take its traffic, and "
                  "compute must be rebuilt in the failover location (typical RTO 1-4h)",
                  model::to_string(t.mode.value), duration_text(rto.value),
                  one ? "boundary" : "boundaries", quoted_list(boundaries),
                  one ? "has" : "each have", quoted_list(regions), one ? "region" : "regions"));
  for (const auto& [boundary, region] : single) {
    d.notes.push_back(
        {region->location_of_block,
         fmt::format("the only region of boundary `{}` running AKS", boundary->name)});
  }
  const model::Region& first = *single.front().second;
  const model::Boundary& boundary = *single.front().first;
  std::string example =
      one && !first.failover.value.empty() && boundary.allows(first.failover.value)
          ? fmt::format(", for example in `{}`, its failover location", first.failover.value)
          : "";
  d.help = fmt::format("add a second region running AKS to {}{}{}; or relax `rto` to {}",
                       one ? "boundary " : "each of boundaries ", quoted_list(boundaries), example,
                       duration_text(kRebuildRto));
  return true;
}

void check_rto(const model::Topology& t, diag::DiagnosticSink& sink) {
  const auto& rto = t.objectives.rto_seconds;
  const Recovery& r = recovery_of(t.mode.value);
  if (!rto.explicit_) return;
  if (check_serving_regions(t, sink)) return;
  if (rto.value >= r.shortest_rto) return;
  auto& d = sink.report(diag::Kind::ObjectiveUnreachable, rto.location,
                        fmt::format("`{}` cannot meet RTO {}: {}", model::to_string(r.mode),
                                    duration_text(rto.value), r.why));
  d.notes.push_back(mode_note(t));
  for (const Recovery& faster : kRecovery) {
    if (faster.shortest_rto <= rto.value) {
      d.help = fmt::format("`mode = {}` can meet it; or relax `rto` to {}",
                           model::to_string(faster.mode), duration_text(r.shortest_rto));
      break;
    }
  }
}

void check_rpo(const model::Topology& t, diag::DiagnosticSink& sink) {
  const auto& rpo = t.objectives.rpo_seconds;
  if (!rpo.explicit_ || rpo.value >= kAsyncRpo) return;
  const model::Cosmos* cosmos = t.cosmos ? &*t.cosmos : nullptr;
  bool synchronous = cosmos && cosmos->consistency.value == model::Consistency::kStrong;
  bool multi_write = cosmos && cosmos->multi_write.value;
  bool active_active = t.mode.value == DeploymentMode::kActiveActive;
  if (synchronous || (active_active && (multi_write || !cosmos))) return;
  std::string mode = model::to_string(t.mode.value);
  std::string message =
      active_active
          ? fmt::format(
                "`active-active` without multi-region writes cannot meet RPO {}: writes go "
                "to one Cosmos DB region and reach the others asynchronously (typical RPO "
                "1-5m)",
                duration_text(rpo.value))
          : fmt::format(
                "`{}` cannot meet RPO {}: the failover regions receive data by asynchronous "
                "replication (typical RPO 1-5m)",
                mode, duration_text(rpo.value));
  auto& d = sink.report(diag::Kind::ObjectiveUnreachable, rpo.location, message);
  if (active_active && cosmos->multi_write.explicit_) {
    d.notes.push_back({cosmos->multi_write.location, "multi-region writes turned off here"});
  } else {
    d.notes.push_back(mode_note(t));
  }
  d.help = active_active ? fmt::format(
                               "set `multi_write = true` in the `cosmos` block, or relax "
                               "`rpo` to {}",
                               duration_text(kAsyncRpo))
                         : fmt::format(
                               "`mode = active-active` with multi-region writes can meet "
                               "it; or relax `rpo` to {}",
                               duration_text(kAsyncRpo));
}

}  // namespace

void objectives_reachable(const model::Topology& t, diag::DiagnosticSink& sink) {
  check_rto(t, sink);
  check_rpo(t, sink);
}

}  // namespace topoc::rules
