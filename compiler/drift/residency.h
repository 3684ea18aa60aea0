// Where a deployed resource keeps data: its own location, the geo locations
// of a Cosmos DB account, and the Azure pair that geo-redundant storage
// copies to. Any of them outside the resource's boundary is a breach.
#pragma once

#include <string>
#include <vector>

#include "compiler/drift/deployed_state.h"

namespace topoc::drift {

struct DataLocation {
  std::string location;  // normalised
  std::string how;       // "is in", "replicates to", "geo-replicates to"
};

std::vector<DataLocation> data_locations(const DeployedResource& resource);

}  // namespace topoc::drift
