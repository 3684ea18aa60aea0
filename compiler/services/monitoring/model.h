// The model of `monitoring`: Log Analytics and Application Insights (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

struct Monitoring {
  Location location;
  Sourced<int64_t> retention_days;
};

}  // namespace topoc::model
