// Backup vault rules S060-S066 and A003, the residency of the vault's copy
// in the Azure pair (R011), the storage account's copies in the vault and
// the AKS cluster's backup.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"
#include "tests/estate_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// A one-region topology in `location` running `services`, its vault
// configured by `backup` on line 4; the boundary allows `allowed`.
std::string backup_in(std::string_view location, std::string_view allowed,
                      std::string_view services, std::string_view backup) {
  return fmt::format(R"(topology "t" {{
  boundary "b" {{ geography = eu-data-boundary  locations = [{}] }}
  region "r" {{ location = {}  services = [{}]  address = 10.2.0.0/16
    backup {{ {} }}
  }}
}}
)",
                     allowed, location, services, backup);
}

std::string backup_with(std::string_view backup) {
  return backup_in("westeurope", "westeurope, northeurope", "postgres, backup", backup);
}

TEST(BackupRules, DefaultsPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(backup_with("")));
}

TEST(BackupRules, EverySettingAzureAcceptsPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(backup_with("redundancy = GRS  cross_region_restore = true  "
                                                "postgres { retention = 3650d }")));
  EXPECT_EQ(Lines{}, diagnostics_of(backup_with("redundancy = ZRS")));
  EXPECT_EQ(Lines{}, diagnostics_of(backup_with("redundancy = LRS  postgres {}")));
}

TEST(BackupRules, StorageRetentionFromADayToTenYears) {
  const std::string storage = "postgres, storage, backup";
  auto with = [&](std::string_view backup) {
    return replaced(backup_in("westeurope", "westeurope, northeurope", storage, backup),
                    "    backup {", "    storage { container \"docs\" {} }\n    backup {");
  };
  EXPECT_EQ(Lines{}, diagnostics_of(with("storage { retention = 1d }")));
  EXPECT_EQ(Lines{}, diagnostics_of(with("storage { retention = 3650d }")));
  EXPECT_EQ(Lines{"M011 5:36 `retention` must be a whole number of days from 1d to 3650d (ten "
                  "years)"},
            diagnostics_of(with("storage { retention = 3651d }")));
  EXPECT_EQ(Lines{"M011 5:36 `retention` must be a whole number of days from 1d to 3650d (ten "
                  "years)"},
            diagnostics_of(with("storage { retention = 36h }")));
}

TEST(BackupRules, RetentionOutsideWhatAzureKeeps) {
  EXPECT_EQ(Lines{"M011 4:37 `retention` must be a whole number of days from 7d to 3650d (ten "
                  "years)"},
            diagnostics_of(backup_with("postgres { retention = 3651d }")));
  EXPECT_EQ(Lines{"M011 4:37 `retention` must be a whole number of days from 7d to 3650d (ten "
                  "years)"},
            diagnostics_of(backup_with("postgres { retention = 6d }")));
}

// S060

TEST(BackupRedundancy, CrossRegionRestoreWithoutGeoRedundancy) {
  std::string text = backup_with("redundancy = ZRS  cross_region_restore = true");
  EXPECT_EQ(Lines{"S060 4:55 cross-region restore reads the copy in the Azure pair, but the Backup "
                  "vault of region `r` is `ZRS` and keeps none"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"4:27 `ZRS` chosen here"}, notes_of(result, result.sink.diagnostics().at(0)));
}

// The default is not geo-redundant when the pair is outside the boundary,
// so cross-region restore must say `GRS` itself.
TEST(BackupRedundancy, CrossRegionRestoreOnTheNarrowedDefault) {
  EXPECT_EQ(Lines{"S060 4:37 cross-region restore reads the copy in the Azure pair, but the Backup "
                  "vault of region `r` is `ZRS` and keeps none"},
            diagnostics_of(
                backup_in("westeurope", "westeurope", "backup", "cross_region_restore = true")));
}

// S061

TEST(BackupRedundancy, GeoRedundancyWithoutAPair) {
  std::string text = backup_in("italynorth", "italynorth", "backup", "redundancy = GRS");
  EXPECT_EQ(Lines{"S061 4:27 `italynorth` (region `r`) has no Azure pair to keep the "
                  "geo-redundant copy of its Backup vault in"},
            diagnostics_of(text));
  auto result = check_text(text);
  ASSERT_TRUE(result.sink.diagnostics().at(0).fixit.has_value());
  EXPECT_EQ("ZRS", result.sink.diagnostics().at(0).fixit->replacement);
}

TEST(BackupRedundancy, DefaultWithoutAPairIsNotGeoRedundant) {
  EXPECT_EQ(Lines{}, diagnostics_of(backup_in("italynorth", "italynorth", "backup", "")));
}

// A003

TEST(BackupRedundancy, ZoneRedundancyWithoutZones) {
  std::string text = replaced(backup_in("westus", "westus", "backup", "redundancy = ZRS"),
                              "eu-data-boundary", "united-states");
  EXPECT_EQ(Lines{"A003 4:27 a `ZRS` Backup vault needs availability zones, but `westus` (region "
                  "`r`) has none"},
            diagnostics_of(text));
}

// S062

TEST(BackupPostgres, RetentionWithoutAServer) {
  EXPECT_EQ(Lines{"S062 4:14 the Backup vault of region `r` keeps long-term backups of a "
                  "PostgreSQL server the region does not run"},
            diagnostics_of(backup_in("westeurope", "westeurope, northeurope", "backup",
                                     "postgres { retention = 365d }")));
}

// S063, S064

TEST(BackupStorage, WithoutAnAccount) {
  EXPECT_EQ(Lines{"S063 4:14 the Backup vault of region `r` backs up the blobs of a storage "
                  "account the region does not run"},
            diagnostics_of(backup_in("westeurope", "westeurope, northeurope", "backup",
                                     "storage { retention = 30d }")));
}

TEST(BackupStorage, AnAccountWithoutContainers) {
  std::string text =
      backup_in("westeurope", "westeurope, northeurope", "storage, backup", "storage {}");
  EXPECT_EQ(Lines{"S064 4:14 the storage account of region `r` declares no container, and "
                  "vaulted blob backup copies containers: Azure refuses to configure it on an "
                  "account without one"},
            diagnostics_of(text));
}

TEST(BackupStorage, MoreContainersThanAVaultCopies) {
  std::string containers;
  for (int i = 0; i < 101; ++i) containers += fmt::format("container \"box{:03}\" {{}} ", i);
  std::string text =
      replaced(backup_in("westeurope", "westeurope, northeurope", "storage, backup", "storage {}"),
               "    backup {", "    storage { " + containers + "}\n    backup {");
  EXPECT_EQ(Lines{"S064 5:14 the storage account of region `r` declares 101 containers; vaulted "
                  "blob backup copies at most 100"},
            diagnostics_of(text));
}

// The account's data goes where the vault keeps it: in the vault's
// location, and with `GRS` in the pair. Listed on the account, reported
// once, on the vault.
TEST(BackupStorage, TheAccountsCopiesAreTheVaults) {
  std::string text = replaced(
      backup_in("westeurope", "westeurope", "storage, backup",
                "redundancy = GRS  storage { retention = 14d }"),
      "    backup {", "    storage { replication = ZRS  container \"docs\" {} }\n    backup {");
  EXPECT_EQ(Lines{"R011 5:27 the backup copy of azurerm_data_protection_backup_vault "
                  "`bvault-t-r-prod` is in `northeurope`, outside boundary `b`"},
            diagnostics_of(text));
  driver::CheckResult result;
  estate::Estate e = estate_of(text, result);
  const estate::Resource* account =
      find_resource(e, "module.storage[\"r\"].azurerm_storage_account.this");
  ASSERT_NE(nullptr, account);
  std::vector<std::string> copies;
  for (const estate::Placement& p : account->placements) {
    if (p.kind != estate::PlacementKind::kBackupCopy) continue;
    EXPECT_FALSE(p.checked);
    ASSERT_FALSE(p.reasons.empty());
    EXPECT_TRUE(p.reasons.front().text.starts_with("region `r` backs up the containers of "))
        << p.reasons.front().text;
    copies.push_back(p.locations.at(0) + " " + std::to_string(p.reasons.size()));
  }
  EXPECT_EQ((Lines{"westeurope 1", "northeurope 2"}), copies);
  EXPECT_EQ(true, account->properties["blob_properties"][0]["change_feed_enabled"]);
  EXPECT_NE(nullptr,
            find_resource(e,
                          "module.backup[\"r\"].azurerm_data_protection_backup_instance_blob_"
                          "storage.this[0]"));
}

// S065, S066

TEST(BackupAks, WithoutTheClusterOrTheAccount) {
  EXPECT_EQ(Lines{"S065 4:14 the Backup vault of region `r` backs up an AKS cluster, but the "
                  "region runs no AKS cluster"},
            diagnostics_of(backup_in("westeurope", "westeurope, northeurope", "storage, backup",
                                     "aks { retention = 14d }")));
  EXPECT_EQ(
      Lines{"S065 4:14 the Backup vault of region `r` backs up an AKS cluster, but the "
            "region runs no storage account"},
      diagnostics_of(backup_in("westeurope", "westeurope, northeurope", "aks, backup", "aks {}")));
  EXPECT_EQ(Lines{"S065 4:14 the Backup vault of region `r` backs up an AKS cluster, but the "
                  "region runs no AKS cluster and no storage account"},
            diagnostics_of(backup_in("westeurope", "westeurope, northeurope", "backup", "aks {}")));
}

TEST(BackupAks, TheExtensionsContainerIsTaken) {
  std::string text =
      replaced(backup_in("westeurope", "westeurope, northeurope", "aks, storage, backup", "aks {}"),
               "    backup {", "    storage { container \"aks-backup\" {} }\n    backup {");
  EXPECT_EQ(Lines{"S066 4:25 container `aks-backup` of region `r` is the one the AKS cluster's "
                  "backup extension writes to, which must hold nothing else"},
            diagnostics_of(text));
}

TEST(BackupAks, RetentionUpTo360Days) {
  auto with = [](std::string_view aks) {
    return backup_in("westeurope", "westeurope, northeurope", "aks, storage, backup", aks);
  };
  EXPECT_EQ(Lines{}, diagnostics_of(with("aks { retention = 360d }")));
  EXPECT_EQ(Lines{"M011 4:32 `retention` must be a whole number of days from 1d to 360d"},
            diagnostics_of(with("aks { retention = 361d }")));
}

// The snapshots and the container the extension writes to stay in the
// region: listed, not checked again.
TEST(BackupAks, TheBackupStaysInTheRegion) {
  driver::CheckResult result;
  estate::Estate e = estate_of(
      backup_in("westeurope", "westeurope, northeurope", "aks, storage, backup", "aks {}"), result);
  EXPECT_EQ(0u, result.sink.error_count());
  const std::string module = "module.backup[\"r\"].";
  for (const char* key :
       {"azurerm_resource_group.aks_snapshots[0]", "azurerm_storage_container.aks_backup[0]"}) {
    const estate::Resource* r = find_resource(e, module + key);
    ASSERT_NE(nullptr, r) << key;
    ASSERT_EQ(1u, r->placements.size()) << key;
    EXPECT_EQ(estate::PlacementKind::kBackupCopy, r->placements[0].kind);
    EXPECT_EQ(std::vector<std::string>{"westeurope"}, r->placements[0].locations);
    EXPECT_FALSE(r->placements[0].checked);
  }
  EXPECT_EQ("rg-aksbk-t-r-prod",
            find_resource(e, module + "azurerm_resource_group.aks_snapshots[0]")->name);
  for (const char* key : {"azurerm_kubernetes_cluster_extension.aks_backup[0]",
                          "azurerm_kubernetes_cluster_trusted_access_role_binding.aks_backup[0]",
                          "azurerm_role_assignment.aks_extension_storage[0]",
                          "azurerm_role_assignment.aks_vault_cluster[0]",
                          "azurerm_role_assignment.aks_vault_snapshots[0]",
                          "azurerm_role_assignment.aks_cluster_snapshots[0]",
                          "azurerm_data_protection_backup_policy_kubernetes_cluster.this[0]",
                          "azurerm_data_protection_backup_instance_kubernetes_cluster.this[0]"}) {
    EXPECT_NE(nullptr, find_resource(e, module + key)) << key;
  }
}

// Placements: the copy in the pair (R011), a backup copy without
// cross-region restore and a geo-pair copy with it.

TEST(BackupResidency, CopyInsideTheBoundaryPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(backup_with("redundancy = GRS")));
}

TEST(BackupResidency, BackupCopyOutsideTheBoundary) {
  EXPECT_EQ(Lines{"R011 4:27 the backup copy of azurerm_data_protection_backup_vault "
                  "`bvault-t-r-prod` is in `northeurope`, outside boundary `b`"},
            diagnostics_of(backup_in("westeurope", "westeurope", "backup", "redundancy = GRS")));
}

TEST(BackupResidency, RestorableCopyOutsideTheBoundary) {
  EXPECT_EQ(Lines{"R011 4:27 the geo-pair copy of azurerm_data_protection_backup_vault "
                  "`bvault-t-r-prod` is in `northeurope`, outside boundary `b`"},
            diagnostics_of(backup_in("westeurope", "westeurope", "backup",
                                     "redundancy = GRS  cross_region_restore = true")));
}

}  // namespace
}  // namespace topoc::testing
