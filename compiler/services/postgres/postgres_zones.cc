// Zones of a PostgreSQL flexible server. A003: zone-redundant high
// availability and a chosen zone need a location with availability zones
// (Microsoft Learn, "High availability in Azure Database for PostgreSQL":
// without zones only same-zone HA exists). S018: zone-redundant HA puts the
// standby in another zone than the server, and only zone-redundant HA lets
// the standby's zone be chosen (azurerm 4.55 `standby_availability_zone`).
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void postgres_zones(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.postgres) continue;
    const model::Postgres& pg = *region.postgres;
    const catalog::RegionInfo* info = catalog::find_region(region.location.value);
    bool zoned = !info || !region.location.explicit_ || info->zones;
    bool zone_redundant = pg.high_availability.value == model::PostgresHa::kZoneRedundant;
    if (!zoned && zone_redundant) {
      auto& d = sink.report(diag::Kind::ZonesUnavailable, pg.high_availability.location,
                            fmt::format("zone-redundant high availability needs availability "
                                        "zones, but `{}` (region `{}`) has none",
                                        info->name, region.key));
      d.help = "use `same-zone`, a standby in the server's own datacenter";
      d.fixit = diag::FixIt{pg.high_availability.location, "same-zone"};
    }
    if (!zoned && pg.zone.explicit_) {
      auto& d = sink.report(diag::Kind::ZonesUnavailable, pg.zone.location,
                            fmt::format("`{}` (region `{}`) has no availability zones to put the "
                                        "PostgreSQL server in",
                                        info->name, region.key));
      d.help = "remove `zone`";
    }
    if (!pg.standby_zone.explicit_) continue;
    if (!zone_redundant) {
      auto& d = sink.report(diag::Kind::PostgresStandbyZone, pg.standby_zone.location,
                            fmt::format("the PostgreSQL server of region `{}` chooses a standby "
                                        "zone without zone-redundant high availability",
                                        region.key));
      d.help = "add `high_availability = zone-redundant`, or remove `standby_zone`";
    } else if (pg.standby_zone.value == pg.zone.value) {
      auto& d = sink.report(diag::Kind::PostgresStandbyZone, pg.standby_zone.location,
                            fmt::format("the standby of the PostgreSQL server of region `{}` is in "
                                        "zone {}, the server's own zone",
                                        region.key, pg.zone.value));
      d.notes.push_back({pg.zone.location, fmt::format("zone {} chosen here", pg.zone.value)});
      d.help = "choose another zone for one of them";
    }
  }
}

}  // namespace topoc::rules
