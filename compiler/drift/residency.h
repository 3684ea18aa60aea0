// Where a deployed resource keeps data: its own location, the geo locations
// of a Cosmos DB account, the Azure pair that geo-redundant storage copies
// to, and where an Azure OpenAI deployment may process prompts. Any of them
// outside the resource's boundary is a breach.
#pragma once

#include <string>
#include <vector>

#include "compiler/drift/deployed_state.h"

namespace topoc::drift {

// A location that stands for every Azure region (a Global OpenAI deployment).
inline constexpr std::string_view kAnyRegion = "*";

struct DataLocation {
  std::string location;  // normalised, or kAnyRegion
  std::string how;       // "is in", "replicates to", "geo-replicates to", "may process prompts in"
};

// `home` is where the resource is when its own record has no location (an
// OpenAI deployment is in its account's region): the desired one's, if any.
std::vector<DataLocation> data_locations(const DeployedResource& resource, std::string_view home = "");

}  // namespace topoc::drift
