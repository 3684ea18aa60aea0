// S015: a compute size azurerm 4.55 accepts for a flexible server
// (validate.FlexibleServerSkuName in internal/services/postgres). S010 and
// S011: the Burstable tier has neither high availability nor read replicas
// (Microsoft Learn, "High availability in Azure Database for PostgreSQL" and
// "Read replicas in Azure Database for PostgreSQL").
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

struct Family {
  std::string_view prefix;  // "GP_Standard_D"
  std::string_view suffix;  // "ds_v5"
  std::initializer_list<int> vcores;
};

const Family kFamilies[] = {
    {"GP_Standard_D", "s_v3", {2, 4, 8, 16, 32, 48, 64}},
    {"GP_Standard_D", "ds_v4", {2, 4, 8, 16, 32, 48, 64}},
    {"GP_Standard_D", "ds_v5", {2, 4, 8, 16, 32, 48, 64, 96}},
    {"GP_Standard_D", "ads_v5", {2, 4, 8, 16, 32, 48, 64, 96}},
    {"MO_Standard_E", "s_v3", {2, 4, 8, 16, 20, 32, 48, 64}},
    {"MO_Standard_E", "ds_v4", {2, 4, 6, 8, 16, 20, 32, 48, 64}},
    {"MO_Standard_E", "ds_v5", {2, 4, 8, 16, 20, 32, 48, 64, 96}},
    {"MO_Standard_E", "ads_v5", {2, 4, 8, 16, 32, 48, 64, 96}},
};

constexpr std::array<std::string_view, 8> kBurstable = {
    "B_Standard_B1ms", "B_Standard_B2ms",  "B_Standard_B2s",   "B_Standard_B4ms",
    "B_Standard_B8ms", "B_Standard_B12ms", "B_Standard_B16ms", "B_Standard_B20ms"};

bool sku_known(std::string_view sku) {
  if (std::find(kBurstable.begin(), kBurstable.end(), sku) != kBurstable.end()) return true;
  return std::any_of(std::begin(kFamilies), std::end(kFamilies), [&](const Family& f) {
    return std::any_of(f.vcores.begin(), f.vcores.end(),
                       [&](int n) { return sku == fmt::format("{}{}{}", f.prefix, n, f.suffix); });
  });
}

bool burstable(std::string_view sku) {
  return sku.rfind("B_", 0) == 0;
}

}  // namespace

void postgres_compute(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.postgres) continue;
    const model::Postgres& pg = *region.postgres;
    if (!sku_known(pg.sku.value)) {
      auto& d = sink.report(diag::Kind::PostgresSkuUnknown, pg.sku.location,
                            fmt::format("`{}` is not a compute size of PostgreSQL flexible server "
                                        "(region `{}`)",
                                        pg.sku.value, region.key));
      d.help =
          "write the tier prefix and the VM size: B_Standard_B2ms (Burstable), "
          "GP_Standard_D4ds_v5 (General Purpose) or MO_Standard_E4ds_v5 (Memory Optimized)";
      continue;
    }
    if (!burstable(pg.sku.value)) continue;
    if (pg.high_availability.value != model::PostgresHa::kOff) {
      auto& d = sink.report(
          diag::Kind::PostgresHaOnBurstable, pg.high_availability.location,
          fmt::format("the PostgreSQL server of region `{}` is Burstable (`{}`), which has no high "
                      "availability",
                      region.key, pg.sku.value));
      d.notes.push_back({pg.sku.location, "Burstable compute chosen here"});
      d.help =
          "choose a General Purpose size such as GP_Standard_D2ds_v5, or remove "
          "`high_availability`";
    }
    if (!pg.replicas.empty()) {
      auto& d = sink.report(
          diag::Kind::PostgresReplicaOnBurstable, pg.replicas.front().location,
          fmt::format("the PostgreSQL server of region `{}` is Burstable (`{}`), which cannot have "
                      "read replicas",
                      region.key, pg.sku.value));
      d.notes.push_back({pg.sku.location, "Burstable compute chosen here"});
      d.help = "choose a General Purpose size such as GP_Standard_D2ds_v5, or remove `replicas`";
    }
  }
}

}  // namespace topoc::rules
