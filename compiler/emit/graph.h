// The topology as a diagram: boundaries as groups, regions inside them,
// failover arrows, the estate's data copies between locations (replicas,
// geo-pair copies, backups), tenants pinned to boundaries, Front Door geo
// routes.
#pragma once

#include <cstddef>
#include <limits>
#include <string>

#include "compiler/model/topology.h"

namespace topoc::estate {
struct Estate;
}

namespace topoc::emit {

struct GraphOptions {
  // Above this many tenants, each boundary gets one "N tenants" node instead
  // of a node per tenant: GitHub stops rendering Mermaid past 50,000
  // characters, and thousands of tenant boxes say less than a count.
  size_t max_tenants = std::numeric_limits<size_t>::max();
  // The topology's estate, whose copies the diagram draws; when null the
  // diagram builds the placements it needs itself.
  const estate::Estate* estate = nullptr;
};

std::string render_mermaid(const model::Topology& topology, const GraphOptions& options = {});
std::string render_dot(const model::Topology& topology, const GraphOptions& options = {});
// The same diagram as data (`topoc graph --format json`, docs/json.md): groups
// (boundaries) with their member nodes, nodes (regions, failover and copy
// locations, tenants, Front Door) and edges, ids as in the drawings.
std::string render_graph_json(const model::Topology& topology, const GraphOptions& options = {});

}  // namespace topoc::emit
