// S013 and S014: the storage sizes of a PostgreSQL flexible server and the
// disk performance tiers each admits, as azurerm 4.55 checks them
// (compiler/services/postgres/storage_sizes.h).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <vector>

#include "compiler/rules/rules.h"
#include "compiler/services/postgres/storage_sizes.h"

namespace topoc::rules {

void postgres_storage(const model::Topology& t, diag::DiagnosticSink& sink) {
  namespace pg_sizes = services::postgres;
  for (const model::Region& region : t.regions) {
    if (!region.postgres) continue;
    const model::Postgres& pg = *region.postgres;
    const pg_sizes::StorageSize* size = pg_sizes::find_storage_size(pg.storage_gb.value);
    if (!size) {
      std::vector<int64_t> sizes;
      for (const pg_sizes::StorageSize& s : pg_sizes::storage_sizes()) sizes.push_back(s.gib);
      auto& d = sink.report(diag::Kind::PostgresStorageSize, pg.storage_gb.location,
                            fmt::format("PostgreSQL flexible server has no {} GiB storage size "
                                        "(region `{}`)",
                                        pg.storage_gb.value, region.key));
      d.help = fmt::format("`storage_gb` is one of {}", fmt::join(sizes, ", "));
      continue;
    }
    const std::string& tier = pg.performance_tier.value;
    if (tier.empty() ||
        std::find(size->tiers.begin(), size->tiers.end(), tier) != size->tiers.end())
      continue;
    auto& d = sink.report(diag::Kind::PostgresPerformanceTier, pg.performance_tier.location,
                          fmt::format("a {} GiB disk cannot run at performance tier {} (region "
                                      "`{}`)",
                                      size->gib, tier, region.key));
    d.notes.push_back({pg.storage_gb.location, fmt::format("{} GiB chosen here", size->gib)});
    d.help = fmt::format("{} GiB admits {}", size->gib, fmt::join(size->tiers, ", "));
  }
}

}  // namespace topoc::rules
