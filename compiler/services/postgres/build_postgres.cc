// A region's `postgres` block: an Azure Database for PostgreSQL flexible
// server, its read replicas and its databases. Values Azure would refuse
// for reasons that depend on other values (tier, size, region) are left to
// the S010-S018 rules; here only each value's own form is checked.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

constexpr Choice<PostgresHa> kHaModes[] = {
    {"off", PostgresHa::kOff},
    {"zone-redundant", PostgresHa::kZoneRedundant},
    {"same-zone", PostgresHa::kSameZone},
};

// The disk performance tiers azurerm 4.55 accepts (`storage_tier`); which
// of them fit a size is rule S014's business.
constexpr Choice<std::string_view> kPerformanceTiers[] = {
    {"P4", "P4"},   {"P6", "P6"},   {"P10", "P10"}, {"P15", "P15"}, {"P20", "P20"}, {"P30", "P30"},
    {"P40", "P40"}, {"P50", "P50"}, {"P60", "P60"}, {"P70", "P70"}, {"P80", "P80"},
};

void read_zone(BlockReader& r, std::string_view key, Sourced<std::string>& out) {
  Sourced<int64_t> zone;
  if (r.integer(key, zone, 1, 3)) out = {fmt::format("{}", zone.value), zone.location, true};
}

// What azurerm 4.55 accepts as a database name (FlexibleServerDatabaseName).
bool database_name_valid(std::string_view name) {
  if (name.empty() || name.size() > 63 || std::isdigit(static_cast<unsigned char>(name[0]))) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

void read_database(BlockReader& r, PostgresDatabase& db) {
  r.name("charset", db.charset);
  r.string("collation", db.collation);
}

}  // namespace

const char* to_string(PostgresHa ha) {
  switch (ha) {
    case PostgresHa::kOff:
      return "Disabled";
    case PostgresHa::kZoneRedundant:
      return "ZoneRedundant";
    case PostgresHa::kSameZone:
      return "SameZone";
  }
  return "";
}

void read_postgres(BlockReader& r, Postgres& pg) {
  const ReadContext& ctx = r.context();
  pg.location = r.where();
  pg.sku.value = "GP_Standard_D2ds_v5";
  pg.version.value = "16";
  pg.storage_gb.value = 128;
  pg.autogrow.value = true;
  pg.high_availability.value = PostgresHa::kOff;
  pg.backup_retention_days.value = 7;
  pg.geo_redundant_backup.value = false;
  pg.virtual_endpoint.value = false;
  r.name("sku", pg.sku);
  Sourced<int64_t> version;
  // The major versions azurerm 4.55 accepts.
  if (r.integer("version", version, 11, 18)) {
    pg.version = {fmt::format("{}", version.value), version.location, true};
  }
  r.integer("storage_gb", pg.storage_gb, 32, 32767);
  Sourced<std::string_view> tier;
  if (r.choice<std::string_view>("performance_tier", tier, kPerformanceTiers)) {
    pg.performance_tier = {std::string(tier.value), tier.location, true};
  }
  r.boolean("autogrow", pg.autogrow);
  r.choice<PostgresHa>("high_availability", pg.high_availability, kHaModes);
  read_zone(r, "zone", pg.zone);
  read_zone(r, "standby_zone", pg.standby_zone);
  Sourced<int64_t> seconds;
  if (r.duration("backup_retention", seconds)) {
    // Azure keeps point-in-time backups 7 to 35 days.
    if (seconds.value % 86400 != 0 || seconds.value < 7 * 86400 || seconds.value > 35 * 86400) {
      ctx.sink->report(diag::Kind::OutOfRange, seconds.location,
                       "`backup_retention` must be a whole number of days from 7d to 35d");
    } else {
      pg.backup_retention_days = {seconds.value / 86400, seconds.location, true};
    }
  }
  r.boolean("geo_redundant_backup", pg.geo_redundant_backup);
  if (const dsl::Node* list = r.attribute("replicas")) {
    if (list->value.kind != dsl::ValueKind::kList) {
      ctx.report(diag::Kind::WrongValueType, list->value.span,
                 "`replicas` expects a list of locations like [westeurope, northeurope]");
    } else {
      for (const dsl::Value& v : list->value.items) {
        if (auto loc = read_location(ctx, v)) pg.replicas.push_back({*loc, ctx.at(v.span), true});
      }
    }
  }
  r.boolean("virtual_endpoint", pg.virtual_endpoint);
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("database")) {
    auto label = single_label(ctx, *n, "database \"orders\" { charset = UTF8 }");
    if (!label) continue;
    PostgresDatabase db{*label, ctx.at(n->labels[0].span), {"UTF8"}, {"en_US.utf8"}};
    BlockReader dr(*n, ctx);
    read_database(dr, db);
    dr.finish();
    if (!database_name_valid(db.name)) {
      ctx.sink->report(diag::Kind::InvalidValue, db.location,
                       fmt::format("database name `{}` must start with a letter and hold only "
                                   "letters, digits, `-` and `_`, at most 63 characters",
                                   db.name));
      continue;
    }
    bool first = std::none_of(pg.databases.begin(), pg.databases.end(),
                              [&](const PostgresDatabase& d) { return d.name == db.name; });
    names.declare(db.name, db.location,
                  [&] { return fmt::format("database `{}` is declared twice", db.name); });
    if (first) pg.databases.push_back(std::move(db));
  }
}

}  // namespace topoc::model
