// S031: a geo-replica in the registry's own location, which azurerm 4.55
// refuses ("the `georeplications` list cannot contain the location where the
// Container Registry exists", container_registry_resource.go); the home
// location already holds the registry. S032: a location listed twice, which
// would ask Azure for two replications of the same name (a replication is
// named after its location).
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void registry_replicas(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Registry& reg : t.registries) {
    const model::Region* home = reg.home.value.empty() ? nullptr : t.find_region(reg.home.value);
    for (size_t i = 0; i < reg.replicas.size(); ++i) {
      const auto& replica = reg.replicas[i];
      if (home && replica.value == home->location.value) {
        auto& d = sink.report(diag::Kind::RegistryReplicaAtHome, replica.location,
                              fmt::format("registry `{}` is in `{}`, the location of its home "
                                          "region `{}`; a replica there adds nothing",
                                          reg.name, replica.value, home->key));
        d.help = fmt::format("remove `{}` from `replicas`", replica.value);
        d.notes.push_back({reg.home.location, "home region chosen here"});
      }
      for (size_t j = 0; j < i; ++j) {
        if (reg.replicas[j].value != replica.value) continue;
        auto& d = sink.report(
            diag::Kind::RegistryReplicaTwice, replica.location,
            fmt::format("registry `{}` lists `{}` twice in `replicas`", reg.name, replica.value));
        d.help = "list each location once";
        d.notes.push_back({reg.replicas[j].location, "first listed here"});
        break;
      }
    }
  }
}

}  // namespace topoc::rules
