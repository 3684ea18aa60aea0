// The model of `alerts`: the action group and metric alerts (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

struct Alert {
  std::string name;
  Location location;
  Sourced<std::string> metric;  // catalogue key, e.g. cosmos.replication_latency
  Sourced<Comparison> comparison;
  Sourced<double> threshold;
  Sourced<int64_t> window_seconds;
  Sourced<int64_t> frequency_seconds;
  Sourced<int64_t> severity;  // 0 (critical) .. 4 (verbose)
};

struct Alerts {
  Location location;
  Sourced<std::string> email;  // action group receiver; empty = none
  Sourced<bool> defaults{true};  // add the built-in alerts for the services present
  std::vector<Alert> alerts;
};

}  // namespace topoc::model
