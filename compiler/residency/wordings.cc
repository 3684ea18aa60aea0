// The findings of the region, storage, OpenAI and Redis placements, worded
// as `topoc check` has always reported them (docs/rules.md, R001-R007,
// A001-A002).
#include "compiler/residency/wordings.h"

#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/residency_facts.h"

namespace topoc::residency {
namespace {

using estate::Breach;
using model::OpenAIDeployment;
using rules::declared_here;
using rules::quoted_list;

diag::Location at(const Breach& b) {
  return b.placement->reasons.front().at;
}

}  // namespace

void region_outside_boundary(const Breach& b, diag::DiagnosticSink& sink) {
  const model::Region& region = *b.resource->region;
  const model::Boundary& boundary = *b.boundary;
  const catalog::RegionInfo* info = catalog::find_region(region.location.value);
  auto& d = sink.report(
      diag::Kind::RegionOutsideBoundary, at(b),
      fmt::format("region `{}` is placed in `{}` ({}), outside its boundary `{}`; every service "
                  "of the region would store data there",
                  region.key, region.location.value, info ? info->display : "unknown",
                  boundary.name));
  d.notes.push_back(declared_here(boundary));
  d.help = fmt::format("choose a location boundary `{}` allows: {}", boundary.name,
                       quoted_list(boundary.allowed_locations, 4));
  if (boundary.allowed_locations.size() == 1) {
    d.fixit = diag::FixIt{at(b), boundary.allowed_locations[0]};
  }
}

void failover_outside_boundary(const Breach& b, diag::DiagnosticSink& sink) {
  const model::Region& region = *b.resource->region;
  const model::Boundary& boundary = *b.boundary;
  auto& d = sink.report(
      diag::Kind::FailoverOutsideBoundary, at(b),
      fmt::format("region `{}` fails over to `{}`, outside its boundary `{}`; the region's data "
                  "would be replicated there",
                  region.key, region.failover.value, boundary.name));
  d.notes.push_back(declared_here(boundary));
  // The catalogue pair is the natural failover when the boundary allows it.
  const catalog::RegionInfo* info = catalog::find_region(region.location.value);
  if (info && !info->paired.empty() && boundary.allows(info->paired)) {
    d.help = fmt::format("fail over to `{}`, the pair of `{}`, inside boundary `{}`", info->paired,
                         info->name, boundary.name);
    d.fixit = diag::FixIt{at(b), std::string(info->paired)};
  } else {
    d.help = fmt::format(
        "fail over to another location boundary `{}` allows, or remove "
        "`failover`",
        boundary.name);
  }
}

void storage_copy_outside(const Breach& b, diag::DiagnosticSink& sink) {
  const model::Region& region = *b.resource->region;
  const model::Storage& storage = *region.storage;
  const catalog::RegionInfo* info = catalog::find_region(region.location.value);
  if (!info) return;
  const std::string described =
      fmt::format("`{}` storage", model::to_string(storage.replication.value));
  // The redundancy that keeps the copies in the account's own region.
  std::string_view local = info->zones ? "ZRS" : "LRS";
  auto report = [&](diag::Kind kind, std::string message) -> diag::Diagnostic& {
    auto& d = sink.report(kind, at(b), std::move(message));
    d.help = fmt::format("write `replication = {}` to keep every copy in `{}`", local, info->name);
    d.fixit = diag::FixIt{at(b), std::string(local)};
    return d;
  };
  if (b.why == Breach::Why::kAbsent) {
    report(diag::Kind::GeoReplicationWithoutPair,
           fmt::format("{} in region `{}` needs a paired region, and `{}` has none; Azure offers "
                       "no geo-redundant storage there",
                       described, region.key, info->name));
    return;
  }
  const catalog::RegionInfo* pair = catalog::find_region(info->paired);
  if (!pair) return;
  if (b.why == Breach::Why::kOtherGeography) {
    report(diag::Kind::PairLeavesGeography,
           fmt::format("{} in region `{}` replicates to `{}`, the pair of `{}`, in "
                       "geography `{}`, not `{}`",
                       described, region.key, pair->name, info->name, pair->geography,
                       info->geography));
    return;
  }
  auto& d = report(diag::Kind::StorageReplicaOutsideBoundary,
                   fmt::format("{} in region `{}` replicates to `{}`, the pair of `{}`, outside "
                               "boundary `{}`",
                               described, region.key, pair->name, info->name, b.boundary->name));
  d.notes.push_back(declared_here(*b.boundary));
  d.help += fmt::format(", or allow `{}` in boundary `{}`", pair->name, b.boundary->name);
}

void openai_account_outside(const Breach& b, diag::DiagnosticSink& sink) {
  const model::Region& region = *b.resource->region;
  const model::OpenAI& ai = *region.openai;
  const catalog::RegionInfo* account = catalog::find_region(ai.location.value);
  if (!account) return;
  auto& d = sink.report(diag::Kind::OpenAIOutsideBoundary, at(b),
                        fmt::format("the Azure OpenAI account of region `{}` is in `{}`, "
                                    "outside boundary `{}`; prompts, completions and uploaded "
                                    "files would be processed and stored there",
                                    region.key, account->name, b.boundary->name));
  d.notes.push_back(declared_here(*b.boundary));
  d.help = fmt::format(
      "place the account in a location boundary `{}` allows, or remove "
      "`location` to use the region's",
      b.boundary->name);
}

void openai_processing_outside(const Breach& b, diag::DiagnosticSink& sink) {
  const model::Region& region = *b.resource->region;
  const model::OpenAI& ai = *region.openai;
  const model::Boundary& boundary = *b.boundary;
  const catalog::RegionInfo* account = catalog::find_region(ai.location.value);
  if (!account) return;
  const auto& deployment = ai.deployment;
  // The DSL spelling of the widest deployment type this boundary tolerates.
  bool data_zone_fits = !catalog::openai_data_zone(*account).empty();
  for (std::string_view r : catalog::openai_processing_regions(
           model::to_string(OpenAIDeployment::kDataZone), *account)) {
    data_zone_fits = data_zone_fits && boundary.allows(r);
  }
  const char* replacement = data_zone_fits ? "data-zone" : "standard";
  std::string message;
  if (b.why == Breach::Why::kAbsent) {
    message = fmt::format(
        "`DataZoneStandard` is not offered for an account in `{}`: Azure OpenAI "
        "data zones cover only the US and the EU member states; use `standard`",
        account->name);
  } else if (deployment.value == OpenAIDeployment::kGlobal) {
    message = fmt::format(
        "`GlobalStandard` may process prompts in any Azure region, outside "
        "boundary `{}`; use {}",
        boundary.name,
        replacement == std::string_view("data-zone") ? "`data-zone` or `standard`" : "`standard`");
  } else {
    std::string_view zone = catalog::openai_data_zone(*account);
    message = fmt::format(
        "`DataZoneStandard` may process prompts anywhere in the {} data zone, "
        "including {} outside boundary `{}`; use `standard`",
        zone == "eu" ? "EU" : "US", quoted_list(b.outside, 3), boundary.name);
  }
  auto& d = sink.report(diag::Kind::OpenAIOutsideBoundary, at(b), std::move(message));
  d.notes.push_back(declared_here(boundary));
  d.help = fmt::format(
      "`deployment = {}` keeps prompts of region `{}` in {}", replacement, region.key,
      replacement == std::string_view("standard") ? fmt::format("`{}`", account->name)
                                                  : fmt::format("boundary `{}`", boundary.name));
  if (deployment.explicit_) d.fixit = diag::FixIt{deployment.location, replacement};
}

void redis_replica_outside(const Breach& b, diag::DiagnosticSink& sink) {
  const model::Region& region = *b.resource->region;
  const model::Boundary& boundary = *b.boundary;
  const auto& replica = region.redis->geo_replica;
  auto& d = sink.report(diag::Kind::RedisReplicaOutsideBoundary, at(b),
                        fmt::format("the Redis cache of region `{}` has a geo-replica in `{}`, "
                                    "outside boundary `{}`; cached tenant data would be copied "
                                    "there",
                                    region.key, replica.value, boundary.name));
  d.notes.push_back(declared_here(boundary));
  if (region.failover.explicit_ && boundary.allows(region.failover.value)) {
    d.help = fmt::format("replicate to the region's failover `{}`", region.failover.value);
    d.fixit = diag::FixIt{at(b), region.failover.value};
  } else {
    d.help = fmt::format("choose a replica location boundary `{}` allows, or remove `geo_replica`",
                         boundary.name);
  }
}

void traffic_manager_endpoint_outside(const Breach& b, diag::DiagnosticSink& sink) {
  const estate::Placement& p = *b.placement;
  auto& d = sink.report(diag::Kind::ProcessingOutsideBoundary, p.reasons.front().at,
                        fmt::format("Traffic Manager may send clients of boundary `{}` to {}, "
                                    "outside the boundary, where their requests are processed",
                                    b.boundary->name, rules::quoted_list(b.outside, 3)));
  for (const estate::ReasonStep& step : p.reasons) d.notes.push_back({step.at, step.text});
  d.notes.push_back(declared_here(*b.boundary));
  d.help = "give each boundary a profile of its own, or route by `geographic` with each "
           "boundary's countries on its own endpoints";
}

}  // namespace topoc::residency

namespace topoc::residency {
namespace {

// The code a placement kind's finding carries when its service words none.
diag::Kind kind_code(estate::PlacementKind kind) {
  using estate::PlacementKind;
  switch (kind) {
    case PlacementKind::kPrimary:
      return diag::Kind::RegionOutsideBoundary;
    case PlacementKind::kFailover:
      return diag::Kind::FailoverOutsideBoundary;
    case PlacementKind::kReplica:
      return diag::Kind::ReplicaOutsideBoundary;
    case PlacementKind::kGeoPairCopy:
    case PlacementKind::kBackupCopy:
      return diag::Kind::CopyOutsideBoundary;
    case PlacementKind::kCacheEdge:
      return diag::Kind::EdgeCacheOutsideBoundary;
    case PlacementKind::kLogSink:
      return diag::Kind::LogSinkOutsideBoundary;
    case PlacementKind::kProcessing:
      return diag::Kind::ProcessingOutsideBoundary;
  }
  return diag::Kind::RegionOutsideBoundary;
}

}  // namespace

void generic(const estate::Breach& b, diag::DiagnosticSink& sink) {
  const estate::Resource& r = *b.resource;
  const estate::Placement& p = *b.placement;
  std::string what =
      r.name.empty() ? fmt::format("`{}`", r.key) : fmt::format("{} `{}`", r.azurerm_type, r.name);
  std::string message;
  switch (b.why) {
    case estate::Breach::Why::kAbsent:
      message = fmt::format("the {} of {} has no location Azure offers", to_string(p.kind), what);
      break;
    case estate::Breach::Why::kOtherGeography:
      message = fmt::format("the {} of {} lands in `{}`, in another geography than `{}`",
                            to_string(p.kind), what, p.locations.front(), p.from);
      break;
    case estate::Breach::Why::kOutside:
      message = fmt::format("the {} of {} is in {}, outside boundary `{}`", to_string(p.kind), what,
                            rules::quoted_list(b.outside, 3), b.boundary->name);
      break;
  }
  auto& d = sink.report(kind_code(p.kind), p.reasons.front().at, std::move(message));
  for (size_t i = 0; i < p.reasons.size(); ++i)
    d.notes.push_back({p.reasons[i].at, p.reasons[i].text});
  if (b.boundary) d.notes.push_back(rules::declared_here(*b.boundary));
}

}  // namespace topoc::residency
