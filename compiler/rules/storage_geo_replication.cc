// A001, A002, R004: geo-redundant storage (GRS, RA-GRS, GZRS, RA-GZRS) copies
// every blob to the catalogue pair of the account's region. That pair must
// exist (A001), stay in the same Azure geography (A002) and, like every other
// copy of tenant data, stay inside the region's boundary (R004).
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

// The redundancy that keeps the copies in the account's own region.
std::string_view local_equivalent(const catalog::RegionInfo& region) {
  return region.zones ? "ZRS" : "LRS";
}

std::string describe(const model::Storage& storage) {
  return fmt::format("`{}` storage", model::to_string(storage.replication.value));
}

diag::Diagnostic& report(diag::DiagnosticSink& sink, diag::Kind kind, const model::Storage& storage,
                         const catalog::RegionInfo& region, std::string message) {
  auto& d = sink.report(kind, storage.replication.location, std::move(message));
  std::string_view local = local_equivalent(region);
  d.help = fmt::format("write `replication = {}` to keep every copy in `{}`", local, region.name);
  d.fixit = diag::FixIt{storage.replication.location, std::string(local)};
  return d;
}

}  // namespace

void storage_geo_replication(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    // Only a written replication can break these: the model's default is
    // geo-redundant only where the pair exists, shares the geography and is
    // inside the boundary (keep_default_storage_in_boundary).
    if (!region.storage || !region.storage->replication.explicit_ ||
        !model::is_geo_redundant(region.storage->replication.value)) {
      continue;
    }
    const catalog::RegionInfo* info = catalog::find_region(region.location.value);
    if (!info || !region.location.explicit_) continue;
    const model::Storage& storage = *region.storage;
    if (info->paired.empty()) {
      report(sink, diag::Kind::GeoReplicationWithoutPair, storage, *info,
             fmt::format("{} in region `{}` needs a paired region, and `{}` has none; Azure offers "
                         "no geo-redundant storage there",
                         describe(storage), region.key, info->name));
      continue;
    }
    const catalog::RegionInfo* pair = catalog::find_region(info->paired);
    if (!pair) continue;
    if (pair->geography != info->geography) {
      report(sink, diag::Kind::PairLeavesGeography, storage, *info,
             fmt::format("{} in region `{}` replicates to `{}`, the pair of `{}`, in "
                         "geography `{}`, not `{}`",
                         describe(storage), region.key, pair->name, info->name, pair->geography,
                         info->geography));
      continue;
    }
    const model::Boundary* boundary = boundary_of(t, region);
    if (!boundary || boundary->allowed_locations.empty() || boundary->allows(pair->name)) continue;
    auto& d =
        report(sink, diag::Kind::StorageReplicaOutsideBoundary, storage, *info,
               fmt::format("{} in region `{}` replicates to `{}`, the pair of `{}`, outside "
                           "boundary `{}`",
                           describe(storage), region.key, pair->name, info->name, boundary->name));
    d.notes.push_back(declared_here(*boundary));
    d.help += fmt::format(", or allow `{}` in boundary `{}`", pair->name, boundary->name);
  }
}

}  // namespace topoc::rules
