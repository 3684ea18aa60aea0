// Storage data protection: the values the `storage` block reads, the
// lifecycle rules S100-S101, object replication S102-S103, and
// customer-managed keys S140-S142.
#include <gtest/gtest.h>

#include <algorithm>

#include "compiler/estate/estate.h"

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// A one-region topology in West Europe running only storage, configured by
// `storage` on line 4.
std::string storage_with(std::string_view storage) {
  return fmt::format(R"(topology "t" {{
  boundary "b" {{ geography = eu-data-boundary }}
  region "r" {{ location = westeurope  services = [storage]  address = 10.2.0.0/16
    storage {{ {} }}
  }}
}}
)",
                     storage);
}

TEST(StorageRules, DefaultsPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(storage_with("")));
}

TEST(StorageRules, SeedDataProtectionPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(storage_with(
                         "replication = GZRS  soft_delete = 14d  versions = 90d  "
                         "lifecycle \"logs\" { prefix = \"logs/\"  cool = 30d  cold = 180d  "
                         "delete = 365d }  container \"audit\" { immutable = 365d }  "
                         "container \"logs\" {}")));
}

// What the block reads: each value's own range and form.

TEST(StorageValues, SoftDeleteOutsideAzureRange) {
  EXPECT_EQ(Lines{"M011 4:29 `soft_delete` must be a whole number of days from 1d to 365d"},
            diagnostics_of(storage_with("soft_delete = 400d")));
  EXPECT_EQ(Lines{"M011"}, codes_of(storage_with("soft_delete = 36h")));
}

TEST(StorageValues, LifecycleRuleWithoutAction) {
  EXPECT_EQ(Lines{"M005 4:25 lifecycle rule `logs` takes no action; write at least one of "
                  "`cool`, `cold`, `archive` or `delete`, like `cool = 30d`"},
            diagnostics_of(storage_with("lifecycle \"logs\" { prefix = \"logs/\" }")));
}

TEST(StorageValues, LifecycleRuleNames) {
  EXPECT_EQ(Lines{"M007"}, codes_of(storage_with("lifecycle \"old-logs\" { delete = 30d }")));
  EXPECT_EQ(Lines{"M007"}, codes_of(storage_with("lifecycle \"versions\" { delete = 30d }")));
  EXPECT_EQ(Lines{"M003"}, codes_of(storage_with("lifecycle \"a\" { delete = 30d }  "
                                                 "lifecycle \"a\" { cool = 30d }")));
}

TEST(StorageValues, ContainerNames) {
  EXPECT_EQ(Lines{"M007 4:25 container name `Audit` must be 3 to 63 lowercase letters, digits and "
                  "`-`, not starting with `-`"},
            diagnostics_of(storage_with("container \"Audit\" {}")));
  EXPECT_EQ(Lines{"M003"},
            codes_of(storage_with("container \"audit\" {}  container \"audit\" {}")));
}

TEST(StorageValues, LockedWithoutRetention) {
  EXPECT_EQ(Lines{"M005 4:44 `locked` locks a retention policy, and container `audit` has none; "
                  "write `immutable = 365d` beside it"},
            diagnostics_of(storage_with("container \"audit\" { locked = true }")));
}

TEST(StorageValues, RetentionOutsideAzureRange) {
  EXPECT_EQ(Lines{"M011"}, codes_of(storage_with("container \"audit\" { immutable = 146001d }")));
}

// S100

TEST(StorageLifecycle, TiersOutOfOrder) {
  EXPECT_EQ(Lines{"S100 4:75 lifecycle rule `logs` of region `r` sets `archive = 30d`, not after "
                  "`cool = 90d`"},
            diagnostics_of(storage_with(
                "replication = LRS  lifecycle \"logs\" { cool = 90d  archive = 30d }")));
}

TEST(StorageLifecycle, DeleteOnTheDayOfAMoveIsOutOfOrder) {
  EXPECT_EQ(Lines{"S100"},
            codes_of(storage_with("lifecycle \"logs\" { cold = 30d  delete = 30d }")));
}

TEST(StorageLifecycle, EachActionAloneOrInOrderPasses) {
  EXPECT_EQ(Lines{},
            codes_of(storage_with("lifecycle \"a\" { delete = 0d }  "
                                  "lifecycle \"b\" { cool = 1d  cold = 2d  delete = 3d }")));
}

// S101

TEST(StorageLifecycle, ArchiveOnZoneRedundantAccount) {
  std::string text = storage_with("replication = GZRS  lifecycle \"logs\" { archive = 180d }");
  EXPECT_EQ(Lines{"S101 4:64 lifecycle rule `logs` moves blobs to the archive tier, which a GZRS "
                  "storage account (region `r`) does not offer"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"4:29 `replication = GZRS` set here"},
            notes_of(result, result.sink.diagnostics().at(0)));
}

TEST(StorageLifecycle, ArchiveOnLocallyOrGeoRedundantAccountPasses) {
  for (const char* replication : {"LRS", "GRS", "RAGRS"}) {
    EXPECT_EQ(
        Lines{},
        codes_of(storage_with(fmt::format(
            "replication = {}  lifecycle \"logs\" {{ cool = 30d  archive = 180d }}", replication))))
        << replication;
  }
  for (const char* replication : {"ZRS", "RAGZRS"}) {
    EXPECT_EQ(Lines{"S101"},
              codes_of(storage_with(fmt::format(
                  "replication = {}  lifecycle \"logs\" {{ archive = 180d }}", replication))))
        << replication;
  }
}

// S102, S103

TEST(StorageObjectReplication, WithoutContainers) {
  EXPECT_EQ(Lines{"S102 4:30 the storage account of region `r` replicates to `northeurope` but "
                  "declares no container to replicate"},
            diagnostics_of(storage_with("replicate_to = northeurope")));
}

TEST(StorageObjectReplication, ToItsOwnLocation) {
  EXPECT_EQ(Lines{"S103 4:30 the storage account of region `r` replicates to `westeurope`, its own "
                  "location"},
            diagnostics_of(storage_with("replicate_to = westeurope  container \"docs\" {}")));
}

// The second account is a replica placement: R010 outside the boundary.

TEST(StorageResidency, ReplicaInsideTheBoundaryPasses) {
  EXPECT_EQ(Lines{},
            diagnostics_of(storage_with("replicate_to = northeurope  container \"docs\" {}")));
}

TEST(StorageResidency, ReplicaOutsideTheBoundary) {
  std::string text = storage_with("replicate_to = eastus  container \"docs\" {}");
  EXPECT_EQ(Lines{"R010"}, codes_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_NE(std::string::npos, d.message.find("`eastus`, outside boundary `b`")) << d.message;
}

// A container declared non-personal may be copied out of the boundary: an
// exemption (R015, a note) at its `data` value, with the replication as the
// rest of the chain.
TEST(StorageResidency, NonPersonalContainersReplicateAnywhere) {
  std::string text =
      storage_with("replicate_to = eastus  container \"assets\" { data = non-personal }");
  EXPECT_EQ(Lines{"R015 4:66 non-personal data of `sttrdrprod` is kept in `eastus`, outside "
                  "boundary `b`: exempt from residency, as declared here"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(0u, result.sink.error_count());
  EXPECT_EQ((Lines{"4:30 the storage account `sttrprod` of region `r` sets `replicate_to = "
                   "eastus`: object replication copies its containers to `sttrdrprod`",
                   "2:12 boundary `b` declared here"}),
            notes_of(result, result.sink.diagnostics().at(0)));
}

// One personal container keeps the copy inside: R010, besides the note for
// the non-personal one.
TEST(StorageResidency, APersonalContainerKeepsTheCopyInside) {
  std::string text = storage_with(
      "replicate_to = eastus  container \"assets\" { data = non-personal }  container \"docs\" {}");
  EXPECT_EQ((Lines{"R010", "R015"}), codes_of(text));
  EXPECT_EQ(Lines{}, codes_of(storage_with("replicate_to = northeurope  container \"assets\" { "
                                           "data = non-personal }  container \"docs\" {}")));
}

// A region in West Europe running storage and a Key Vault, the vault
// configured by `keyvault` and the account by `storage`, both on line 4.
std::string encrypted_with(std::string_view storage, std::string_view keyvault) {
  return fmt::format(R"(topology "t" {{
  boundary "b" {{ geography = eu-data-boundary }}
  region "r" {{ location = westeurope  services = [storage, keyvault]  address = 10.2.0.0/16
    storage {{ {} }}  keyvault {{ {} }}
  }}
}}
)",
                     storage, keyvault);
}

TEST(StorageEncryption, CustomerManagedKeyInTheRegionsVaultPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(encrypted_with("encryption = customer-managed", "")));
  EXPECT_EQ(Lines{}, diagnostics_of(encrypted_with(
                         "encryption = customer-managed  key_size = 4096", "")));
  EXPECT_EQ(Lines{}, diagnostics_of(storage_with("encryption = microsoft-managed")));
}

TEST(StorageEncryption, KeyWithoutVault) {
  EXPECT_EQ(Lines{"S140 3:51 the storage account of region `r` is encrypted with a "
                  "customer-managed key, but the region runs no Key Vault to hold it"},
            diagnostics_of(storage_with("encryption = customer-managed")));
}

TEST(StorageEncryption, VaultWithoutPurgeProtection) {
  EXPECT_EQ(Lines{"S141 4:78 the Key Vault of region `r` holds the storage account's "
                  "customer-managed key, and Azure Storage accepts a key only from a vault "
                  "with purge protection"},
            diagnostics_of(
                encrypted_with("encryption = customer-managed", "purge_protection = false")));
}

TEST(StorageEncryption, KeySizeWithoutKey) {
  EXPECT_EQ(Lines{"S142 4:26 `key_size` sizes a customer-managed key, and the storage account "
                  "of region `r` is encrypted with Microsoft-managed keys"},
            diagnostics_of(storage_with("key_size = 4096")));
}

TEST(StorageEncryption, KeySizesAzureStorageAccepts) {
  EXPECT_EQ(Lines{"M007 4:57 `key_size` must be 2048, 3072 or 4096, the RSA key sizes Azure "
                  "Storage accepts; got 1024"},
            diagnostics_of(encrypted_with("encryption = customer-managed  key_size = 1024", "")));
}

// The identity and its role come before the account that uses the key.
TEST(StorageEncryption, AccountWaitsForTheIdentitysRole) {
  auto result = check_text(encrypted_with("encryption = customer-managed", ""));
  ASSERT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  const estate::Resource* account = nullptr;
  const estate::Resource* identity = nullptr;
  const estate::Resource* role = nullptr;
  for (const estate::Resource& r : e.resources) {
    if (r.key == "module.storage[\"r\"].azurerm_storage_account.this") account = &r;
    if (r.azurerm_type == "azurerm_user_assigned_identity") identity = &r;
    if (r.key == "module.storage_key[\"r\"].azurerm_role_assignment.crypto") role = &r;
  }
  ASSERT_NE(nullptr, account);
  ASSERT_NE(nullptr, identity);
  ASSERT_NE(nullptr, role);
  EXPECT_EQ("westeurope", identity->location);
  EXPECT_EQ("Key Vault Crypto Service Encryption User",
            role->properties["role_definition_name"].get<std::string>());
  EXPECT_NE(account->depends_on.end(),
            std::find(account->depends_on.begin(), account->depends_on.end(), role->key));
  const std::string vault = e.names.region("r", "keyvault");
  EXPECT_EQ("https://" + vault + ".vault.azure.net/keys/storage-encryption",
            account->properties["customer_managed_key"][0]["key_vault_key_id"]);
}

TEST(StorageEncryption, MicrosoftManagedAccountHasNoKey) {
  auto result = check_text(encrypted_with("", ""));
  ASSERT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  for (const estate::Resource& r : e.resources) {
    EXPECT_NE("azurerm_user_assigned_identity", r.azurerm_type);
    EXPECT_FALSE(r.properties.contains("customer_managed_key")) << r.key;
  }
}

}  // namespace
}  // namespace topoc::testing
