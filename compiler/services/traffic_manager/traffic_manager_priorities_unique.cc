// T005: every endpoint of a profile has a priority (the written one, else
// topoc gives its position), and Azure refuses two endpoints of one profile
// with the same priority (Learn, "Traffic Manager routing methods").
#include <fmt/format.h>

#include <map>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void traffic_manager_priorities_unique(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::TrafficManager& tm : t.traffic_managers) {
    std::map<int64_t, const model::TmEndpoint*> first;
    for (size_t i = 0; i < tm.endpoints.size(); ++i) {
      const model::TmEndpoint& ep = tm.endpoints[i];
      int64_t priority = tm.priority(i);
      auto [it, inserted] = first.emplace(priority, &ep);
      if (inserted) continue;
      const model::TmEndpoint& earlier = *it->second;
      auto& d = sink.report(
          diag::Kind::TmPriorityNotUnique,
          ep.priority.explicit_ ? ep.priority.location : ep.location,
          fmt::format("endpoint `{}` has priority {}{}, as endpoint `{}` has; the endpoints of "
                      "traffic_manager `{}` need distinct priorities",
                      ep.name, priority, ep.priority.explicit_ ? "" : " (its position)",
                      earlier.name, tm.name));
      d.notes.push_back(
          {earlier.priority.explicit_ ? earlier.priority.location : earlier.location,
           fmt::format("endpoint `{}` has priority {} here", earlier.name, priority)});
      d.help = "give each endpoint its own `priority = 1..1000`";
    }
  }
}

}  // namespace topoc::rules
