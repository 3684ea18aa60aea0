// The disaster recovery account a region's storage copies its containers
// to with object replication (`storage { replicate_to = ... }`), and the
// key of a customer-managed account.
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

}  // namespace topoc::services::storage
