// Where an availability test records its results and where its probes run,
// as both the M039 rule and the planner read them.
#pragma once

#include <string>
#include <vector>

#include "compiler/estate/estate.h"
#include "compiler/model/topology.h"

namespace topoc::services::alerts {

// The region whose Application Insights records the test's results: the one
// `region` names, else the topology's only region running monitoring; null
// when neither gives one that runs it (M039).
const model::Region* availability_region(const model::Topology& t, const model::AvailabilityTest& a);

// The Azure locations the probes run from, sorted and without duplicates:
// those `from` names that have a test location, else every location of the
// region's boundary that has one (the region's own when it has no
// boundary). Empty when none has (M039).
std::vector<std::string> probe_locations(const model::Topology& t, const model::AvailabilityTest& a,
                                         const model::Region& region);

// How many probe locations must fail to fire the alert: `failed_locations`,
// else the probe locations less two (Learn, "Availability alerts": the
// locations should number the threshold plus two), at least one.
int64_t failed_locations(const model::AvailabilityTest& a, size_t probes);

// The window of the test's alerts: one that holds a run (a metric alert's
// windows are 5 and 15 minutes around the test's 5, 10 or 15), PT5M or PT15M.
const char* availability_window(const model::AvailabilityTest& a);

// "<url> from <n> locations (<region>'s Application Insights)": the
// description both renderings give the test and its alerts.
std::string availability_description(const estate::AvailabilityTestInstance& x);

}  // namespace topoc::services::alerts
