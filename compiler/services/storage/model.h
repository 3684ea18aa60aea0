// The model of `storage`: the account, its containers, lifecycle and events (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

// An `events` block in a region's storage block: an Event Grid system topic
// on the region's storage account whose subscription delivers
// Microsoft.Storage.BlobCreated events to a Service Bus topic of the region.
struct StorageEvents {
  Location location;
  Sourced<std::string> blob_created;  // Service Bus topic name
};

// `lifecycle "logs" { prefix = "logs/"  cool = 30d  archive = 180d  delete = 365d }`:
// a rule of the account's management policy. Block blobs under `prefix` move
// to cooler tiers, and are deleted, the given number of days after they
// were last modified. An unwritten action is not taken (value -1).
struct StorageLifecycleRule {
  std::string name;   // the label
  Location location;  // the label
  // Azure matches a prefix from the container name on ("logs/2026/");
  // empty: every block blob of the account.
  Sourced<std::string> prefix;
  Sourced<int64_t> cool_days{-1};
  Sourced<int64_t> cold_days{-1};
  Sourced<int64_t> archive_days{-1};
  Sourced<int64_t> delete_days{-1};
};

// `container "audit" { immutable = 365d }`: a blob container of the account,
// optionally under a time-based retention (WORM) policy.
struct StorageContainer {
  std::string name;   // the label
  Location location;  // the label
  Sourced<int64_t> immutable_days;  // 0 = no retention policy
  Sourced<bool> locked;             // a locked policy can never be removed
  // `data = non-personal`: what object replication copies of it may leave
  // the boundary (R015); personal unless written.
  Sourced<DataClass> data;
};

// `encryption`: who holds the key that wraps the account's encryption key.
enum class StorageEncryption { kMicrosoftManaged, kCustomerManaged };

struct Storage {
  Location location;
  Sourced<StorageReplication> replication;
  std::optional<StorageEvents> events;
  Sourced<int64_t> soft_delete_days{7};  // blob and container soft delete
  Sourced<int64_t> version_days;         // 0 = previous versions are kept
  std::vector<StorageLifecycleRule> lifecycle;
  std::vector<StorageContainer> containers;
  // Location of a second account that every container is copied to by
  // object replication; empty = none.
  Sourced<std::string> replicate_to;
  // `encryption = customer-managed`: the account's key is an RSA key of
  // `key_size` bits in the region's own Key Vault (rules S140, S141).
  Sourced<StorageEncryption> encryption{StorageEncryption::kMicrosoftManaged};
  Sourced<int64_t> key_size{3072};
};

}  // namespace topoc::model
