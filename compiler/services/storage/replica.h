// The disaster recovery account a region's storage copies its containers
// to with object replication (`storage { replicate_to = ... }`), the
// change feed object replication reads, and the key of a customer-managed
// account.
#pragma once

#include <string_view>

#include "compiler/model/topology.h"

namespace topoc::services::storage {

// The replication of the second account: zone-redundant where `location`
// has availability zones, else local. Never geo-redundant: the copy stays
// in the location the topology names, not also in that location's pair.
model::StorageReplication replica_replication(std::string_view location);

// The name of the key `encryption = customer-managed` creates in the
// region's Key Vault, which holds no other storage account's key.
inline constexpr std::string_view customer_managed_key_name = "storage-encryption";

// Whether region `r` encrypts its account with a key of its own vault.
inline bool has_customer_managed_key(const model::Region& r) {
  return r.storage && r.keyvault &&
         r.storage->encryption.value == model::StorageEncryption::kCustomerManaged;
}

// Whether any region does: the Terraform tree then needs azapi.
inline bool any_customer_managed_key(const model::Topology& t) {
  for (const model::Region& r : t.regions) {
    if (has_customer_managed_key(r)) return true;
  }
  return false;
}

// Whether the region's Backup vault copies the account's containers
// (`backup { storage }`); rule S064 refuses it on an account without any.
inline bool has_vaulted_backup(const model::Region& r) {
  return r.storage && r.backup && r.backup->storage && !r.storage->containers.empty();
}

// Whether the account keeps a change feed. Object replication reads it on
// the source account (Microsoft Learn, "Object replication for block
// blobs"), both for the `replicate_to` copy and for the copy vaulted backup
// makes into the vault, which Azure Backup sets up with an object
// replication policy of its own ("Support matrix for Azure Blobs backup").
// Written by topoc so that an apply never turns it off under either.
inline bool change_feed_enabled(const model::Region& r) {
  return r.storage && ((!r.storage->replicate_to.value.empty() && !r.storage->containers.empty()) ||
                       has_vaulted_backup(r));
}

}  // namespace topoc::services::storage
