// The model of `cosmos`: the database and its containers (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

struct StoredProcedure {
  std::string name;
  Location location;
  std::string body;
};

struct Container {
  std::string name;
  Location location;
  Sourced<std::string> partition_key;
  // -1 = on with no default expiry; 0 = off (not written, or `off`); a
  // written 0 is a zero duration, which C006 refuses.
  Sourced<int64_t> ttl_seconds;
  Sourced<int64_t> max_throughput;  // autoscale max RU/s
  std::vector<Sourced<std::string>> index_include;
  std::vector<Sourced<std::string>> index_exclude;
  Sourced<ConflictPolicy> conflict;
  Sourced<std::string> conflict_path;  // last-writer-wins path
  std::optional<StoredProcedure> procedure;  // custom conflict resolution
  // Unwritten: personal. A non-personal container lives in the estate's one
  // global account, replicated to every region's location.
  Sourced<DataClass> data;

  // The indexing policy's path lists as Azure needs them: the root path
  // `/*` in exactly one list. With an include list only those paths are
  // indexed (`/*` excluded); otherwise everything is, minus the exclusions.
  struct IndexPaths {
    std::vector<std::string> included;
    std::vector<std::string> excluded;
  };
  IndexPaths index_paths() const;
};

struct Cosmos {
  Location location;
  Sourced<std::string> database;
  Sourced<Consistency> consistency;
  Sourced<int64_t> max_staleness_seconds;  // bounded staleness only
  Sourced<int64_t> max_staleness_prefix;
  Sourced<bool> multi_write;
  Sourced<bool> automatic_failover;
  Sourced<std::string> backup;  // Continuous7Days, Continuous30Days, Periodic
  // An explicit account location list. Without it topoc creates one account
  // per boundary over that boundary's regions (and their failovers).
  std::vector<Sourced<std::string>> locations;
  std::vector<Container> containers;
};

}  // namespace topoc::model
