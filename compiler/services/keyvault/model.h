// The model of `keyvault` (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

struct KeyVault {
  Location location;
  Sourced<std::string> sku;  // standard, premium
  Sourced<int64_t> soft_delete_days;
  Sourced<bool> purge_protection;
};

}  // namespace topoc::model
