// Container Apps environments and their network. azurerm 4.55
// (container_app_environment_resource.go) takes `zone_redundancy_enabled`
// (S072) and `internal_load_balancer_enabled` (S075) only with
// `infrastructure_subnet_id` (RequiredWith), all three ForceNew: Azure
// spreads an environment over zones, or gives it an internal load balancer,
// only in a VNet of the customer's. S073: a workload-profiles environment
// needs a subnet of at least /27, delegated to Microsoft.App/environments,
// and the size cannot change once the environment exists (Microsoft Learn,
// "Networking in Azure Container Apps environment"; azurerm's own note still
// says /21, from before workload profiles).
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

void needs_vnet(const model::Region& region, const model::ContainerAppEnvironment& env,
                const model::Sourced<bool>& setting, diag::Kind kind, std::string_view what,
                std::string_view key, diag::DiagnosticSink& sink) {
  if (!setting.value || env.vnet_integration.value) return;
  auto& d = sink.report(kind, setting.location,
                        fmt::format("environment `{}` of region `{}` is {}, which needs VNet "
                                    "integration, but `vnet_integration = false`",
                                    env.name, region.key, what));
  d.notes.push_back({env.vnet_integration.location, "`vnet_integration = false` set here"});
  d.help = fmt::format("remove `vnet_integration = false`, or remove `{}`", key);
}

}  // namespace

void container_apps_network(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.container_apps) continue;
    for (const model::ContainerAppEnvironment& env : region.container_apps->environments) {
      needs_vnet(region, env, env.zone_redundant, diag::Kind::ContainerAppsZonesWithoutVnet,
                 "zone-redundant", "zone_redundant", sink);
      needs_vnet(region, env, env.internal, diag::Kind::ContainerAppsInternalWithoutVnet,
                 "internal", "internal", sink);
      if (!env.vnet_integration.value) continue;
      for (const model::Subnet& s : region.subnets) {
        if (s.name != env.subnet_name() || s.address.value.prefix <= 27) continue;
        if (s.address.value.prefix == 0) continue;  // unreadable address, reported already
        auto& d = sink.report(
            diag::Kind::ContainerAppsSubnetTooSmall, s.address.location,
            fmt::format("subnet `{}` of region `{}` is a /{}, but Container Apps environment `{}` "
                        "needs at least a /27",
                        s.name, region.key, s.address.value.prefix, env.name));
        d.help =
            "give the subnet a /27 or larger (a /23 leaves room to scale); its size cannot "
            "change once the environment exists";
      }
    }
  }
}

}  // namespace topoc::rules
