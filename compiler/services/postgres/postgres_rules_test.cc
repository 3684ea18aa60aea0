// PostgreSQL flexible server rules S010-S018 and A003, and the residency of
// its placements: replicas (R010) and the geo-redundant backup copy (R011).
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// A one-region topology in `location` running only PostgreSQL, configured by
// `postgres` on line 4; the boundary allows `allowed`.
std::string postgres_in(std::string_view location, std::string_view allowed,
                        std::string_view postgres) {
  return fmt::format(R"(topology "t" {{
  boundary "b" {{ geography = eu-data-boundary  locations = [{}] }}
  region "r" {{ location = {}  services = [postgres]  address = 10.2.0.0/16
    postgres {{ {} }}
  }}
}}
)",
                     allowed, location, postgres);
}

std::string postgres_with(std::string_view postgres) {
  return postgres_in("westeurope", "westeurope, northeurope", postgres);
}

TEST(PostgresRules, DefaultsPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(postgres_with("")));
}

TEST(PostgresRules, EverySettingAzureAcceptsPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(postgres_with(
                         "sku = GP_Standard_D4ds_v4  storage_gb = 256  performance_tier = P40  "
                         "high_availability = zone-redundant  zone = 1  standby_zone = 2  "
                         "backup_retention = 35d  geo_redundant_backup = true  "
                         "replicas = [westeurope, northeurope]  virtual_endpoint = true")));
}

// S010, S011

TEST(PostgresCompute, HighAvailabilityOnBurstable) {
  std::string text = postgres_with("sku = B_Standard_B2ms  high_availability = same-zone");
  EXPECT_EQ(Lines{"S010 4:59 the PostgreSQL server of region `r` is Burstable (`B_Standard_B2ms`), "
                  "which has no high availability"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"4:22 Burstable compute chosen here"},
            notes_of(result, result.sink.diagnostics().at(0)));
}

TEST(PostgresCompute, ReplicaOfBurstable) {
  EXPECT_EQ(Lines{"S011 4:51 the PostgreSQL server of region `r` is Burstable (`B_Standard_B1ms`), "
                  "which cannot have read replicas"},
            diagnostics_of(postgres_with("sku = B_Standard_B1ms  replicas = [northeurope]")));
}

TEST(PostgresCompute, BurstableWithoutStandbyOrReplicaPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(postgres_with("sku = B_Standard_B2s")));
}

// S015

TEST(PostgresCompute, SizeWithoutTierPrefix) {
  EXPECT_EQ(Lines{"S015 4:22 `Standard_D4ds_v5` is not a compute size of PostgreSQL flexible "
                  "server (region `r`)"},
            diagnostics_of(postgres_with("sku = Standard_D4ds_v5")));
}

TEST(PostgresCompute, VcoreCountTheFamilyLacks) {
  EXPECT_EQ(Lines{"S015"}, codes_of(postgres_with("sku = GP_Standard_D96s_v3")));
  EXPECT_EQ(Lines{}, codes_of(postgres_with("sku = MO_Standard_E96ads_v5")));
}

// S013, S014

TEST(PostgresStorage, SizeAzureDoesNotOffer) {
  std::string text = postgres_with("storage_gb = 100");
  EXPECT_EQ(Lines{"S013 4:29 PostgreSQL flexible server has no 100 GiB storage size (region `r`)"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(
      "`storage_gb` is one of 32, 64, 128, 256, 512, 1024, 2048, 4095, 4096, 8192, 16384, 32767",
      result.sink.diagnostics().at(0).help);
}

TEST(PostgresStorage, TierBelowTheSizesDefault) {
  std::string text = postgres_with("storage_gb = 512  performance_tier = P10");
  EXPECT_EQ(Lines{"S014 4:53 a 512 GiB disk cannot run at performance tier P10 (region `r`)"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ("512 GiB admits P20, P30, P40, P50", result.sink.diagnostics().at(0).help);
}

TEST(PostgresStorage, LargeDisksTakeTheirOwnTiers) {
  EXPECT_EQ(Lines{"S014"}, codes_of(postgres_with("storage_gb = 8192  performance_tier = P50")));
  EXPECT_EQ(Lines{}, codes_of(postgres_with("storage_gb = 8192  performance_tier = P70")));
}

// S012

TEST(PostgresGeoBackup, NotOfferedInWestUs3) {
  EXPECT_EQ(Lines{"S012 4:39 Azure does not offer geo-redundant PostgreSQL backup in `westus3` "
                  "(region `r`)"},
            diagnostics_of(R"(topology "t" {
  boundary "us" { geography = united-states }
  region "r" { location = westus3  services = [postgres]  address = 10.2.0.0/16
    postgres { geo_redundant_backup = true }
  }
}
)"));
}

TEST(PostgresGeoBackup, NoPairNoCopy) {
  EXPECT_EQ(
      Lines{"S012 4:39 `polandcentral` (region `r`) has no Azure pair to keep "
            "geo-redundant PostgreSQL backups in"},
      diagnostics_of(postgres_in("polandcentral", "polandcentral", "geo_redundant_backup = true")));
}

// S016, S017

TEST(PostgresReplicas, SixReplicasPointAtTheSixth) {
  EXPECT_EQ(Lines{"S016 4:90 the PostgreSQL server of region `r` lists 6 read replicas; Azure "
                  "allows at most 5"},
            diagnostics_of(postgres_in(
                "westeurope", "westeurope, northeurope",
                "replicas = [westeurope, westeurope, northeurope, northeurope, westeurope, "
                "northeurope]")));
}

TEST(PostgresReplicas, VirtualEndpointWithoutReplica) {
  EXPECT_EQ(
      Lines{"S017 4:35 the PostgreSQL server of region `r` has a virtual endpoint but no read "
            "replica to pair it with"},
      diagnostics_of(postgres_with("virtual_endpoint = true")));
}

// S018, A003

TEST(PostgresZones, StandbyInTheServersZone) {
  EXPECT_EQ(Lines{"S018 4:77 the standby of the PostgreSQL server of region `r` is in zone 1, the "
                  "server's own zone"},
            diagnostics_of(
                postgres_with("high_availability = zone-redundant  zone = 1  standby_zone = 1")));
}

TEST(PostgresZones, StandbyZoneWithoutZoneRedundancy) {
  EXPECT_EQ(Lines{"S018 4:62 the PostgreSQL server of region `r` chooses a standby zone without "
                  "zone-redundant high availability"},
            diagnostics_of(postgres_with("high_availability = same-zone  standby_zone = 2")));
}

TEST(PostgresZones, ZoneRedundancyWithoutZones) {
  std::string text = R"(topology "t" {
  boundary "us" { geography = united-states }
  region "r" { location = westus  services = [postgres]  address = 10.2.0.0/16
    postgres { high_availability = zone-redundant  zone = 2 }
  }
}
)";
  EXPECT_EQ((Lines{"A003 4:36 zone-redundant high availability needs availability zones, but "
                   "`westus` (region `r`) has none",
                   "A003 4:59 `westus` (region `r`) has no availability zones to put the "
                   "PostgreSQL server in"}),
            diagnostics_of(text));
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(text, "zone-redundant  zone = 2", "same-zone")));
}

// Placements: replicas (R010) and the backup copy (R011).

TEST(PostgresResidency, ReplicasInsideTheBoundaryPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(postgres_with("replicas = [westeurope, northeurope]")));
}

TEST(PostgresResidency, ReplicaOutsideTheBoundary) {
  std::string text =
      postgres_in("westeurope", "westeurope", "replicas = [westeurope, northeurope]");
  EXPECT_EQ(
      Lines{"R010 4:40 the replica of azurerm_postgresql_flexible_server `psql-t-r-prod-r2` is in "
            "`northeurope`, outside boundary `b`"},
      diagnostics_of(text));
}

TEST(PostgresResidency, BackupCopyInsideTheBoundaryPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(postgres_with("geo_redundant_backup = true")));
}

TEST(PostgresResidency, BackupCopyOutsideTheBoundary) {
  std::string text = postgres_in("westeurope", "westeurope", "geo_redundant_backup = true");
  EXPECT_EQ(
      Lines{"R011 4:39 the backup copy of azurerm_postgresql_flexible_server `psql-t-r-prod` is in "
            "`northeurope`, outside boundary `b`"},
      diagnostics_of(text));
}

}  // namespace
}  // namespace topoc::testing
