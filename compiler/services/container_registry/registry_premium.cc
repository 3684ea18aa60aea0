// S030: what only a Premium container registry has. azurerm 4.55 refuses at
// plan time geo-replication, zone redundancy and public network access
// turned off on Basic and Standard
// (internal/services/containers/container_registry_resource.go,
// CustomizeDiff and create); topoc always turns public access off and
// reaches the registry through a private endpoint, which Azure also offers
// on Premium only (Microsoft Learn, "Connect privately to an Azure container
// registry using Azure Private Link").
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void registry_premium(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Registry& reg : t.registries) {
    if (reg.sku.value == model::RegistrySku::kPremium) continue;
    const char* tier = model::to_string(reg.sku.value);
    auto& d = sink.report(diag::Kind::RegistryNeedsPremium, reg.sku.location,
                          fmt::format("registry `{}` is {}, which cannot turn public network "
                                      "access off or take a private endpoint; topoc reaches "
                                      "registries only privately",
                                      reg.name, tier));
    d.help = "write `sku = premium`";
    if (!reg.replicas.empty()) {
      sink.report(diag::Kind::RegistryNeedsPremium, reg.replicas.front().location,
                  fmt::format("registry `{}` is {}, which has no geo-replication; replicas "
                              "need `sku = premium`",
                              reg.name, tier));
    }
    if (reg.zone_redundant.value) {
      sink.report(diag::Kind::RegistryNeedsPremium, reg.zone_redundant.location,
                  fmt::format("registry `{}` is {}, which cannot be made zone-redundant; "
                              "zone redundancy needs `sku = premium`",
                              reg.name, tier));
    }
  }
}

}  // namespace topoc::rules
