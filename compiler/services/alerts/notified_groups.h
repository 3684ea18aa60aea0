// The action groups an alert of any kind (metric, log search, activity,
// availability) notifies, as estate::AlertInstance::groups: the default
// group first, then the declared ones in order: those it names, or, when it
// names none, every group whose `max_severity` reaches its severity.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/topology.h"

namespace topoc::services::alerts {

// `A` has `notify` (action group names) and `severity`.
template <typename A>
std::vector<std::string> notified_groups(const model::Alerts& alerts, const A& a) {
  auto named = [&](std::string_view group) {
    return std::any_of(a.notify.begin(), a.notify.end(),
                       [&](const model::Sourced<std::string>& n) { return n.value == group; });
  };
  std::vector<std::string> groups;
  if (a.notify.empty() || named("default")) groups.push_back("default");
  for (const model::ActionGroup& g : alerts.groups) {
    bool by_severity = a.notify.empty() && a.severity.value <= g.max_severity.value;
    if (by_severity || named(g.name)) groups.push_back(g.name);
  }
  return groups;
}

}  // namespace topoc::services::alerts
