// A region's Container Apps environments and apps. Placements: each
// environment lives in the region (primary) and sends its console and
// system logs to the Log Analytics workspace that receives the region's
// logs, when the region runs `monitoring` (a log sink there: the region's
// own workspace, or the one `logs_to` names); each app processes requests on the environment's
// nodes in the region (processing). Container Apps keeps nothing outside
// the environment's location (Microsoft Learn, "Reliability in Azure
// Container Apps": zone redundancy spreads replicas over the location's
// zones only).
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/services/container_apps/internal_dns.h"
#include "compiler/services/monitoring/log_sink.h"
#include "compiler/services/registry.h"

namespace topoc::services::container_apps {
namespace {

using nlohmann::json;

// Both placements are in the region's own location, which the region's
// primary placement already checks: listed, not reported twice.
estate::Placement in_region(const model::Region& r, estate::PlacementKind kind, diag::Location at,
                            std::string text) {
  estate::Placement p{kind, {r.location.value}};
  p.reasons.push_back({at, std::move(text)});
  p.checked = false;
  return p;
}

// R013 for an environment whose logs go to another boundary's workspace.
void word_environment_sink(const estate::Breach& b, diag::DiagnosticSink& sink) {
  monitoring::report_log_sink(
      b, sink, fmt::format("the logs of Container Apps environment `{}` land", b.resource->name));
}

void plan_app(estate::Estate& e, const model::Region& r, const model::ContainerAppEnvironment& env,
              const model::ContainerApp& app, const std::string& module) {
  const std::string key = env.name + "/" + app.name;
  const std::string base = "container_apps." + key;
  json props = {
      {"revision_mode", "Single"},
      {"workload_profile_name", env.dedicated() ? env.workload_profile.value : "Consumption"},
      {"cpu", app.cpu.value},
      {"memory", fmt::format("{}Gi", app.memory_gib.value)},
      {"min_replicas", app.min_replicas.value},
      {"max_replicas", app.max_replicas.value},
      {"ingress", model::to_string(app.ingress.value)},
      {"identity", model::to_string(app.identity.value)},
  };
  const std::string& name = e.names.region(r.key, base);
  auto& res =
      estate::add_regional(e, r, module + ".azurerm_container_app.this" + estate::instance(key),
                           "azurerm_container_app", name, r.location.value, std::move(props), true);
  res.source = app.location;
  res.placements.push_back(in_region(
      r, estate::PlacementKind::kProcessing, app.location,
      fmt::format("app `{}` of region `{}` serves requests on environment `{}`'s nodes in {}",
                  app.name, r.key, env.name, r.location.value)));
  if (e.placements_only) return;
  if (app.identity.value == model::ContainerAppIdentity::kUserAssigned) {
    estate::add_regional(e, r,
                         module + ".azurerm_user_assigned_identity.app" + estate::instance(key),
                         "azurerm_user_assigned_identity",
                         e.names.region(r.key, base + ".identity"), r.location.value, nullptr, true)
        .source = app.location;
  }
  auto role = [&](std::string_view address, std::string_view definition) {
    auto& assignment = estate::add_regional(
        e, r, module + ".azurerm_role_assignment." + std::string(address) + estate::instance(key),
        "azurerm_role_assignment", "", "", {{"role_definition_name", definition}}, false);
    assignment.resource_group.clear();
    assignment.source = app.location;
  };
  // Only user-assigned identities pull from the registry (rule S076).
  if (!app.image_has_registry() && e.topology->registry_of(r)) role("acr_pull", "AcrPull");
  if (r.keyvault) role("key_vault_secrets", "Key Vault Secrets User");
}

// The private DNS zone an internal environment's apps resolve through,
// named after the environment's default domain, which Azure chooses when
// it creates the environment: no name here, nor for its record sets (the
// wildcard and the apex, which have no location of their own either). It
// is linked to the region's VNet and its peers'.
void plan_internal_dns(estate::Estate& e, const model::Region& r,
                       const model::ContainerAppEnvironment& env, const std::string& module) {
  auto add = [&](std::string address, std::string_view type, std::string name,
                 std::string location, json props) {
    estate::add_regional(e, r, module + "." + address, std::string(type), std::move(name),
                         std::move(location), std::move(props), true)
        .source = env.location;
  };
  add("azurerm_private_dns_zone.internal" + estate::instance(env.name), "azurerm_private_dns_zone",
      "", "global", nullptr);
  for (const char* record : {"*", "@"}) {
    add("azurerm_private_dns_a_record.internal" + estate::instance(env.name + "/" + record),
        "azurerm_private_dns_a_record", "", "", {{"ttl", 300}});
  }
  for (const model::Region* l : dns_regions(e, r)) {
    const std::string& vnet = e.names.region(l->key, "vnet");
    add("azurerm_private_dns_zone_virtual_network_link.internal" +
            estate::instance(env.name + "/" + l->key),
        "azurerm_private_dns_zone_virtual_network_link", vnet, "global",
        {{"virtual_network", vnet}, {"registration_enabled", false}});
  }
}

}  // namespace

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.container_apps) continue;
    const std::string module = "module.container_apps" + estate::instance(r.key);
    for (const model::ContainerAppEnvironment& env : r.container_apps->environments) {
      json props = {
          {"workload_profile_type", env.workload_profile.value},
          {"zone_redundancy_enabled", env.zone_redundant.value},
          {"internal_load_balancer_enabled", env.internal.value},
          {"logs_destination",
           monitoring::log_workspace_region(*e.topology, r) ? "log-analytics" : ""},
      };
      auto& res = estate::add_regional(
          e, r, module + ".azurerm_container_app_environment.this" + estate::instance(env.name),
          "azurerm_container_app_environment", e.names.region(r.key, "container_apps." + env.name),
          r.location.value, std::move(props), true);
      res.source = env.location;
      res.placements.push_back(estate::follows_region(r, "the Container Apps environment"));
      if (const model::Region* ws = monitoring::log_workspace_region(*e.topology, r)) {
        res.placements.push_back(monitoring::log_sink(
            e, r, *ws,
            fmt::format("the console and system logs of environment `{}` of region `{}`", env.name,
                        r.key),
            word_environment_sink));
      }
      for (const model::ContainerApp& app : env.apps) plan_app(e, r, env, app, module);
      if (!e.placements_only && internal_environment(env)) plan_internal_dns(e, r, env, module);
    }
  }
}

}  // namespace topoc::services::container_apps
