// The model of `redis`: Azure Cache for Redis and Azure Managed Redis settings (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

// A region's `redis` block. `sku` picks the product: Basic, Standard or
// Premium is Azure Cache for Redis (Region::redis); any other SKU, the
// default among them, is Azure Managed Redis (Region::managed_redis). The
// settings of the other product are kept only so rules S050-S051 can point
// at them.
// Azure Cache for Redis Premium persistence to a storage account: none,
// periodic RDB snapshots, or an append-only file of every write.
enum class RedisPersistence { kNone, kRdb, kAof };
// The DSL spelling: none, rdb, aof.
const char* dsl_spelling(RedisPersistence);

struct Redis {
  Location location;
  Sourced<std::string> sku;  // Basic, Standard, Premium; or Balanced_B3, ...
  // Azure Cache for Redis.
  Sourced<int64_t> capacity;
  Sourced<std::string> geo_replica;  // location of a linked geo-replica; empty = none
  Sourced<int64_t> shards;           // Premium clustering: shard count; 0 = not clustered
  Sourced<RedisPersistence> persistence;  // Premium only
  Sourced<int64_t> rdb_frequency;         // minutes between RDB snapshots; 60 unwritten
  // Azure Managed Redis.
  Sourced<bool> high_availability;       // default true
  Sourced<std::string> geo_replication;  // active geo-replication group; empty = none
  bool managed() const;
};

}  // namespace topoc::model
