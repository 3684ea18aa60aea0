// Server parameters topoc sets on every PostgreSQL server and read replica:
// those an alert needs for Azure to publish the metric it watches
// (catalog::MetricInfo::server_parameter).
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "compiler/model/topology.h"

namespace topoc::services::postgres {

// Name and value, sorted by name, each once; empty when no alert needs one.
std::vector<std::pair<std::string_view, std::string_view>> server_parameters(
    const model::Topology& t);

}  // namespace topoc::services::postgres
