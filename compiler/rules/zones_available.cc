// A003: zone redundancy needs availability zones. Defaults already leave
// zones out where the catalogue says a region has none, so only what the
// user wrote can ask for them.
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

// The same redundancy across the region's datacenters instead of its zones.
const char* without_zones(model::StorageReplication r) {
  switch (r) {
    case model::StorageReplication::kZRS:
      return "LRS";
    case model::StorageReplication::kGZRS:
      return "GRS";
    case model::StorageReplication::kRAGZRS:
      return "RAGRS";
    default:
      return model::to_string(r);
  }
}

void check_pool(const model::NodePool& pool, const model::Region& region,
                diag::DiagnosticSink& sink) {
  if (!pool.zones.explicit_ || pool.zones.value.empty()) return;
  auto& d =
      sink.report(diag::Kind::ZonesUnavailable, pool.zones.location,
                  fmt::format("node pool `{}` of region `{}` asks for availability zones, but "
                              "`{}` has none",
                              pool.name, region.key, region.location.value));
  d.help = "remove `zones`; the pool then spreads over the region's fault domains";
}

}  // namespace

void zones_available(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    const catalog::RegionInfo* info = catalog::find_region(region.location.value);
    if (!info || !region.location.explicit_ || info->zones) continue;
    if (region.storage && region.storage->replication.explicit_ &&
        model::is_zone_redundant(region.storage->replication.value)) {
      const auto& replication = region.storage->replication;
      const char* fallback = without_zones(replication.value);
      auto& d =
          sink.report(diag::Kind::ZonesUnavailable, replication.location,
                      fmt::format("`{}` storage needs availability zones, but `{}` (region "
                                  "`{}`) has none",
                                  model::to_string(replication.value), info->name, region.key));
      d.help = fmt::format("use `{}`, the same redundancy without zones", fallback);
      d.fixit = diag::FixIt{replication.location, fallback};
    }
    if (region.backup && region.backup->redundancy.explicit_ &&
        region.backup->redundancy.value == model::BackupRedundancy::kZRS) {
      const auto& redundancy = region.backup->redundancy;
      auto& d = sink.report(diag::Kind::ZonesUnavailable, redundancy.location,
                            fmt::format("a `ZRS` Backup vault needs availability zones, but `{}` "
                                        "(region `{}`) has none",
                                        info->name, region.key));
      d.help = "use `LRS`, three copies in one datacenter";
      d.fixit = diag::FixIt{redundancy.location, "LRS"};
    }
    if (region.container_apps) {
      for (const model::ContainerAppEnvironment& env : region.container_apps->environments) {
        if (!env.zone_redundant.value) continue;
        auto& d = sink.report(diag::Kind::ZonesUnavailable, env.zone_redundant.location,
                              fmt::format("a zone-redundant Container Apps environment needs "
                                          "availability zones, but `{}` (region `{}`) has none",
                                          info->name, region.key));
        d.help = "remove `zone_redundant`";
      }
    }
    if (region.aks) {
      check_pool(region.aks->system_pool, region, sink);
      for (const model::NodePool& pool : region.aks->user_pools) check_pool(pool, region, sink);
    }
    for (const model::Registry& reg : t.registries) {
      if (reg.home.value != region.key || !reg.zone_redundant.explicit_ ||
          !reg.zone_redundant.value) {
        continue;
      }
      auto& d = sink.report(diag::Kind::ZonesUnavailable, reg.zone_redundant.location,
                            fmt::format("registry `{}` asks for zone redundancy, but `{}` (its "
                                        "home region `{}`) has no availability zones",
                                        reg.name, info->name, region.key));
      d.help = "remove `zone_redundant`";
    }
  }
}

}  // namespace topoc::rules
