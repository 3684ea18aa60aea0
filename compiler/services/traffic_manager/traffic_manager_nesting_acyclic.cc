// T009: a profile nested in itself, directly or through others, can never
// resolve a query (Learn, "Nested Traffic Manager profiles" nests a child
// under a parent); topoc could not order their creation either.
#include <fmt/format.h>

#include <set>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

// Whether `from` reaches `goal` through nested endpoints.
bool reaches(const model::Topology& t, const model::TrafficManager& from,
             const model::TrafficManager* goal, std::set<const model::TrafficManager*>& seen) {
  if (&from == goal) return true;
  if (!seen.insert(&from).second) return false;
  for (const model::TmEndpoint& ep : from.endpoints) {
    if (ep.kind != model::TmEndpointKind::kNested) continue;
    const model::TrafficManager* child = t.find_traffic_manager(ep.profile.value);
    if (child && reaches(t, *child, goal, seen)) return true;
  }
  return false;
}

}  // namespace

void traffic_manager_nesting_acyclic(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::TrafficManager& tm : t.traffic_managers) {
    for (const model::TmEndpoint& ep : tm.endpoints) {
      if (ep.kind != model::TmEndpointKind::kNested) continue;
      const model::TrafficManager* child = t.find_traffic_manager(ep.profile.value);
      std::set<const model::TrafficManager*> seen;
      if (!child || !reaches(t, *child, &tm, seen)) continue;
      auto& d = sink.report(diag::Kind::TmNestingCycle, ep.profile.location,
                            child == &tm
                                ? fmt::format("traffic_manager `{}` nests itself", tm.name)
                                : fmt::format("traffic_manager `{}` nests `{}`, which nests `{}` "
                                              "back",
                                              tm.name, child->name, tm.name));
      d.help = "nest a profile only under profiles it does not itself contain";
    }
  }
}

}  // namespace topoc::rules
