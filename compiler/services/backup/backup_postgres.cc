// S062: a Backup vault protects a PostgreSQL flexible server only in its own
// region (Microsoft Learn, "Support matrix for Azure Database for
// PostgreSQL - Flexible Server": the vault and the server are in the same
// region), so long-term retention in `backup` needs the region's own
// `postgres` server.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void backup_postgres(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.backup || !region.backup->postgres || region.postgres) continue;
    auto& d =
        sink.report(diag::Kind::BackupPostgresWithoutServer, region.backup->postgres->location,
                    fmt::format("the Backup vault of region `{}` keeps long-term backups of "
                                "a PostgreSQL server the region does not run",
                                region.key));
    d.help = "add `postgres` to the region's `services`, or remove `postgres` from `backup`";
  }
}

}  // namespace topoc::rules
