// The Cosmos DB accounts a topology asks for. Without `cosmos.locations`
// topoc creates one account per boundary that has regions, replicating to
// those regions' locations and failovers; an explicit `locations` list makes
// a single account over exactly those locations. Containers declared
// `data = non-personal` go to one more account, the global one, over every
// region's location. Names, rules and emitters all read the accounts from
// here.
#pragma once

#include <string>
#include <vector>

#include "compiler/model/topology.h"

namespace topoc::naming {

struct CosmosAccount {
  const model::Boundary* boundary = nullptr;  // null: the single account of `locations`, or global
  // The account of the containers declared `data = non-personal`: one for
  // the whole topology, over every region's location, the first region's
  // the write region. Every other account holds the personal containers.
  bool non_personal = false;
  std::vector<const model::Container*> containers;  // declaration order
  // Distinct Azure locations, the write region first, each with the element
  // that put it there (a region's `location` or `failover`, or a list item).
  std::vector<model::Sourced<std::string>> locations;
};

// Empty when the topology has no `cosmos` block.
std::vector<CosmosAccount> cosmos_accounts(const model::Topology& topology);

}  // namespace topoc::naming
