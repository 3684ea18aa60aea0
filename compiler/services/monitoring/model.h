// The model of `monitoring`: Log Analytics and Application Insights (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

struct Monitoring {
  Location location;
  Sourced<int64_t> retention_days;
  // Diagnostic settings on the region's resources (`diagnostics = false`
  // turns them off).
  Sourced<bool> diagnostics{true};
  // The region whose workspace receives this region's diagnostic logs
  // (`logs_to`); empty = the region's own workspace.
  Sourced<std::string> logs_to;
};

}  // namespace topoc::model
