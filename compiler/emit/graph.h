// The topology as a diagram: boundaries as groups, regions inside them,
// failover arrows, tenants pinned to boundaries, Front Door geo routes.
#pragma once

#include <string>

#include "compiler/model/topology.h"

namespace topoc::emit {

std::string render_mermaid(const model::Topology& topology);
std::string render_dot(const model::Topology& topology);

}  // namespace topoc::emit
