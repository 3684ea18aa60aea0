// O001 (warning): the stated RTO or RPO is shorter than the deployment mode
// can deliver. What each mode achieves, from the architecture documents
// topoc was designed from and the Cosmos DB durability table (cosmosdb.md §1):
//
//   mode            shortest RTO  typical
//   active-active   0             ~0
//   active-passive  2m            2-10m
//   warm-standby    15m           15m-1h
//   cold-standby    1h            1-4h
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
// RPO does not depend on the mode: in every mode topoc replicates Cosmos DB
// to the other regions, and what a region outage loses is what replication
// had not carried yet. Azure's figures for a region outage (Learn,
// "Consistency levels in Azure Cosmos DB", and cosmosdb.md §1): 0 with strong
// consistency (one write region), at most the staleness window with bounded
// staleness, under 15 minutes with session, consistent prefix or eventual,
// multi-region writes included: a write accepted in a region that fails
// before replicating it is lost. Replication usually lags by seconds, but
// the check holds the stated RPO to what Azure states.
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

// Asynchronous replication of the data tier: Azure states an RPO under 15
// minutes for a region outage.
constexpr int64_t kAsyncRpo = 15 * 60;

// The shortest bounded-staleness window a multi-region account takes (C002).
constexpr int64_t kMinMultiRegionStaleness = 5 * 60;

// The DSL's spelling of the asynchronous levels.
const char* consistency_text(model::Consistency c) {
  switch (c) {
    case model::Consistency::kStrong:
      return "strong";
    case model::Consistency::kBoundedStaleness:
      return "bounded-staleness";
    case model::Consistency::kSession:
      return "session";
    case model::Consistency::kConsistentPrefix:
      return "consistent-prefix";
    case model::Consistency::kEventual:
      return "eventual";
  }
  return "";
}

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
  if (!t.cosmos) {
    // No Cosmos DB: what the regions replicate (geo-redundant storage) is
    // asynchronous too; an active-active estate without it states nothing.
    if (t.mode.value == DeploymentMode::kActiveActive) return;
    auto& d = sink.report(diag::Kind::ObjectiveUnreachable, rpo.location,
                          fmt::format("`{}` cannot meet RPO {}: the failover regions receive "
                                      "data by asynchronous replication (Azure states an RPO "
                                      "under 15 minutes)",
                                      model::to_string(t.mode.value), duration_text(rpo.value)));
    d.notes.push_back(mode_note(t));
    d.help = fmt::format("relax `rpo` to {}", duration_text(kAsyncRpo));
    return;
  }
  const model::Cosmos& cosmos = *t.cosmos;
  const auto& consistency = cosmos.consistency;
  diag::Note chosen = consistency.explicit_
                          ? diag::Note{consistency.location, "consistency chosen here"}
                          : diag::Note{cosmos.location, "`consistency` defaults to `session`"};
  switch (consistency.value) {
    case model::Consistency::kStrong:
      return;  // committed in every region before it is acknowledged
    case model::Consistency::kBoundedStaleness: {
      const auto& lag = cosmos.max_staleness_seconds;
      if (lag.value <= rpo.value) return;
      auto& d = sink.report(
          diag::Kind::ObjectiveUnreachable, rpo.location,
          fmt::format("Cosmos DB at `bounded-staleness` lets the other regions lag up to {}, "
                      "which a region outage can lose: more than RPO {}",
                      duration_text(lag.value), duration_text(rpo.value)));
      d.notes.push_back(lag.explicit_ ? diag::Note{lag.location, "staleness window set here"}
                                      : chosen);
      d.help = fmt::format("set `staleness {{ interval = {} }}` or less, or relax `rpo` to {}",
                           duration_text(rpo.value), duration_text(lag.value));
      return;
    }
    default:
      break;
  }
  auto& d = sink.report(
      diag::Kind::ObjectiveUnreachable, rpo.location,
      fmt::format("Cosmos DB at `{}` consistency replicates to the other regions "
                  "asynchronously{}: Azure states an RPO under 15 minutes for a region outage, "
                  "not {}",
                  consistency_text(consistency.value),
                  cosmos.multi_write.value ? ", multi-region writes included" : "",
                  duration_text(rpo.value)));
  d.notes.push_back(chosen);
  // Strong consistency takes one write region (C001); bounded staleness in
  // a multi-region account cannot go below 5 minutes (C002).
  std::string strong = cosmos.multi_write.value
                           ? "`consistency = strong` with `multi_write = false`"
                           : "`consistency = strong`";
  std::string bounded =
      rpo.value >= kMinMultiRegionStaleness
          ? fmt::format("; `bounded-staleness` with `staleness {{ interval = {} }}` bounds the loss",
                        duration_text(rpo.value))
          : "";
  d.help = fmt::format("{} commits every write in every region{}; or relax `rpo` to {}", strong,
                       bounded, duration_text(kAsyncRpo));
}

}  // namespace

void objectives_reachable(const model::Topology& t, diag::DiagnosticSink& sink) {
  check_rto(t, sink);
  check_rpo(t, sink);
}

}  // namespace topoc::rules
