// S140-S142: `encryption = customer-managed` puts the account's key in the
// region's own Key Vault, so the region must run one (S140), and Azure
// Storage accepts a key only from a vault with soft delete and purge
// protection (Microsoft Learn, "Configure customer-managed keys in the same
// tenant for a new storage account"; azurerm v4.55.0
// internal/services/storage/storage_account_resource.go refuses the vault
// before creating the account), S141. A key size on an account that has no
// key of its own is a mistake worth naming (S142).
#include <fmt/format.h>

#include <algorithm>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void storage_encryption(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.storage) continue;
    const model::Storage& s = *region.storage;
    if (s.encryption.value != model::StorageEncryption::kCustomerManaged) {
      if (s.key_size.explicit_) {
        auto& d = sink.report(
            diag::Kind::StorageKeySizeWithoutKey, s.key_size.location,
            fmt::format("`key_size` sizes a customer-managed key, and the storage account of "
                        "region `{}` is encrypted with Microsoft-managed keys",
                        region.key));
        d.help = "write `encryption = customer-managed` beside it, or remove `key_size`";
      }
      continue;
    }
    if (!region.keyvault) {
      // Reported at `storage` in the region's `services`, where the fix goes,
      // when the list is written; else at the encryption.
      auto storage =
          std::find_if(region.services.begin(), region.services.end(),
                       [](const auto& svc) { return svc.value == model::Service::kStorage; });
      bool at_services = storage != region.services.end() && storage->explicit_;
      auto& d = sink.report(
          diag::Kind::StorageKeyWithoutVault,
          at_services ? storage->location : s.encryption.location,
          fmt::format("the storage account of region `{}` is encrypted with a customer-managed "
                      "key, but the region runs no Key Vault to hold it",
                      region.key));
      if (at_services) {
        d.fixit = diag::FixIt{storage->location, "storage, keyvault"};
        d.notes.push_back({s.encryption.location, "customer-managed key chosen here"});
      }
      d.help = "add `keyvault` to the region's `services`; the key lives in the region's own vault";
      continue;
    }
    if (!region.keyvault->purge_protection.value) {
      auto& d = sink.report(
          diag::Kind::StorageKeyVaultPurgeable, region.keyvault->purge_protection.location,
          fmt::format("the Key Vault of region `{}` holds the storage account's customer-managed "
                      "key, and Azure Storage accepts a key only from a vault with purge "
                      "protection",
                      region.key));
      d.notes.push_back({s.encryption.location, "customer-managed key chosen here"});
      d.help = "write `purge_protection = true` (it cannot be turned off again)";
    }
  }
}

}  // namespace topoc::rules
