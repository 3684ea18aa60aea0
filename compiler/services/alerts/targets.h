// Whether the topology has a resource that publishes a catalogue metric's
// target, and how to name that target: shared by the default alerts (added
// only where they have something to watch) and M040.
#pragma once

#include "compiler/catalog/metric_catalog.h"
#include "compiler/model/topology.h"

namespace topoc::services::alerts {

bool target_exists(const model::Topology& t, catalog::MetricTarget target);

// "Azure Cache for Redis", "Cosmos DB", ...
const char* target_noun(catalog::MetricTarget target);

// What to write so the topology has one: "add `redis` to a region's
// `services`", "declare a `cosmos { ... }` block".
const char* target_fix(catalog::MetricTarget target);

}  // namespace topoc::services::alerts
