// S060: cross-region restore reads the copy a geo-redundant vault keeps in
// the Azure pair, so azurerm 4.55 refuses `cross_region_restore_enabled`
// unless `redundancy = "GeoRedundant"` (CustomizeDiff of
// data_protection_backup_vault_resource.go). S061: Azure Backup keeps
// geo-redundant copies only in the Azure pair (Microsoft Learn, "Reliability
// in Azure Backup"), so a location without one cannot have a geo-redundant
// vault. A `ZRS` vault without zones is A003 (zones_available.cc).
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void backup_redundancy(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.backup) continue;
    const model::Backup& b = *region.backup;
    bool geo = b.redundancy.value == model::BackupRedundancy::kGRS;
    if (b.cross_region_restore.value && !geo) {
      auto& d = sink.report(
          diag::Kind::BackupRestoreNeedsGeoRedundancy, b.cross_region_restore.location,
          fmt::format("cross-region restore reads the copy in the Azure pair, but the Backup "
                      "vault of region `{}` is `{}` and keeps none",
                      region.key, model::dsl_spelling(b.redundancy.value)));
      if (b.redundancy.explicit_) {
        d.notes.push_back(
            {b.redundancy.location,
             fmt::format("`{}` chosen here", model::dsl_spelling(b.redundancy.value))});
      }
      d.help = "write `redundancy = GRS`, or remove `cross_region_restore`";
    }
    if (!geo || !b.redundancy.explicit_) continue;
    const catalog::RegionInfo* info = catalog::find_region(region.location.value);
    if (!info || !region.location.explicit_ || !info->paired.empty()) continue;
    auto& d = sink.report(diag::Kind::BackupGeoRedundancyWithoutPair, b.redundancy.location,
                          fmt::format("`{}` (region `{}`) has no Azure pair to keep the "
                                      "geo-redundant copy of its Backup vault in",
                                      info->name, region.key));
    d.help = info->zones ? "use `ZRS`, copies across the location's availability zones"
                         : "use `LRS`, copies within one datacenter";
    d.fixit = diag::FixIt{b.redundancy.location, info->zones ? "ZRS" : "LRS"};
  }
}

}  // namespace topoc::rules
