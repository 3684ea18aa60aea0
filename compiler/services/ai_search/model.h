// The model of `search`: Azure AI Search (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

struct AiSearch {
  Location location;
  Sourced<std::string> sku;  // basic, standard, standard2, standard3, storage_optimized_l1/l2
  Sourced<int64_t> replicas;
  Sourced<int64_t> partitions;
};

}  // namespace topoc::model
