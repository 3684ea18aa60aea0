// The model of `postgres`: the flexible server, its databases and replicas (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

// PostgreSQL high availability: a standby in another zone, in the same zone,
// or none.
enum class PostgresHa { kOff, kZoneRedundant, kSameZone };

struct PostgresDatabase {
  std::string name;
  Location location;
  Sourced<std::string> charset;    // UTF8
  Sourced<std::string> collation;  // en_US.utf8
};

// An Azure Database for PostgreSQL flexible server (build_postgres.cc).
struct Postgres {
  Location location;
  Sourced<std::string> sku;       // GP_Standard_D2ds_v5
  Sourced<std::string> version;   // "16"
  Sourced<int64_t> storage_gb;    // 128: one of the sizes Azure offers
  Sourced<std::string> performance_tier;  // P10; empty = Azure's default for the size
  Sourced<bool> autogrow;
  Sourced<PostgresHa> high_availability;
  Sourced<std::string> zone;          // "1"; empty = Azure chooses
  Sourced<std::string> standby_zone;  // zone-redundant HA only
  Sourced<int64_t> backup_retention_days;
  Sourced<bool> geo_redundant_backup;
  std::vector<Sourced<std::string>> replicas;  // locations, in declaration order
  Sourced<bool> virtual_endpoint;
  std::vector<PostgresDatabase> databases;
};

const char* to_string(PostgresHa);  // the azurerm/ARM mode: Disabled, ZoneRedundant, SameZone

}  // namespace topoc::model
