// S012: geo-redundant backup copies a server's backups to the Azure pair of
// its location, so a location without a pair cannot have it, and Azure does
// not offer it in some paired locations either
// (compiler/services/postgres/geo_backup.h). Where it is offered, the copy's
// location is a backup copy placement the residency engine checks (R011).
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/rules.h"
#include "compiler/services/postgres/geo_backup.h"

namespace topoc::rules {

void postgres_geo_backup(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.postgres || !region.postgres->geo_redundant_backup.value) continue;
    const auto& setting = region.postgres->geo_redundant_backup;
    const catalog::RegionInfo* info = catalog::find_region(region.location.value);
    if (!info) continue;
    bool no_pair = info->paired.empty();
    if (!no_pair && !services::postgres::geo_backup_withheld(info->name)) continue;
    auto& d = sink.report(
        diag::Kind::PostgresGeoBackupNotOffered, setting.location,
        no_pair ? fmt::format("`{}` (region `{}`) has no Azure pair to keep geo-redundant "
                              "PostgreSQL backups in",
                              info->name, region.key)
                : fmt::format("Azure does not offer geo-redundant PostgreSQL backup in `{}` "
                              "(region `{}`)",
                              info->name, region.key));
    d.help = "remove `geo_redundant_backup`, and keep a copy in another region with `replicas`";
  }
}

}  // namespace topoc::rules
