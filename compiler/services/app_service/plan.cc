// A region's App Service: each plan (processing: requests run on its
// workers in the region's location), each web app and function app on it
// with its private endpoint (group `sites`) and the roles its managed
// identity holds: Key Vault Secrets User on the region's vault, for Key
// Vault references, and for a function app Storage Blob Data Owner on the
// region's storage account, which keeps its host's state (leases, keys,
// timers). That state is a primary placement on the function app, in the
// account's location; the account's own placements (its geo-pair copy)
// are already the storage account's.
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::app_service {
namespace {

// What drift compares on a plan (compiler/drift).
nlohmann::json plan_properties(const model::AppServicePlan& plan) {
  return {{"os_type", "Linux"},
          {"sku_name", plan.sku.value},
          {"worker_count", plan.workers.value},
          {"zone_balancing_enabled", plan.zone_redundant.value}};
}

// And on a site.
nlohmann::json site_properties() {
  return {{"https_only", true}, {"public_network_access_enabled", false}};
}

estate::Placement processing(const model::Region& r, const model::AppServicePlan& plan,
                             const std::string& name) {
  estate::Placement p{estate::PlacementKind::kProcessing, {r.location.value}};
  p.reasons.push_back(
      {plan.location, fmt::format("the App Service plan `{}` of region `{}` runs its sites' "
                                  "requests on workers in `{}`",
                                  name, r.key, r.location.value)});
  p.checked = false;  // the region's own location, checked on its resource group (R001)
  return p;
}

estate::Placement host_storage(const model::Region& r, const model::Site& site,
                               const std::string& account) {
  estate::Placement p{estate::PlacementKind::kPrimary, {r.location.value}};
  p.reasons.push_back(
      {site.location, fmt::format("function app `{}` of region `{}` keeps its host's state in "
                                  "storage account `{}`, in `{}`",
                                  site.name, r.key, account, r.location.value)});
  p.checked = false;
  return p;
}

void roles(estate::Estate& e, const model::Region& r, const model::Site& site,
           const std::string& module) {
  auto role = [&](const char* address, const char* definition) {
    auto& a = estate::add_regional(
        e, r, module + ".azurerm_role_assignment." + address + estate::instance(site.name),
        "azurerm_role_assignment", "", "", {{"role_definition_name", definition}}, false);
    a.resource_group.clear();
    a.source = site.location;
  };
  if (r.keyvault) role("key_vault_secrets", "Key Vault Secrets User");
  if (site.kind == model::SiteKind::kFunction && r.storage) {
    role("host_storage", "Storage Blob Data Owner");
  }
}

}  // namespace

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.app_service) continue;
    const std::string module = "module.app_service" + estate::instance(r.key);
    for (const model::AppServicePlan& p : r.app_service->plans) {
      const std::string& plan_name = e.names.region(r.key, "app_service.plan." + p.name);
      auto& farm = estate::add_regional(
          e, r, module + ".azurerm_service_plan.this" + estate::instance(p.name),
          "azurerm_service_plan", plan_name, r.location.value, plan_properties(p), true);
      farm.source = p.location;
      farm.placements.push_back(processing(r, p, plan_name));
      const std::string farm_key = farm.key;
      for (const model::Site& site : p.sites) {
        bool function = site.kind == model::SiteKind::kFunction;
        const char* type = function ? "azurerm_linux_function_app" : "azurerm_linux_web_app";
        auto& app = estate::add_regional(
            e, r, fmt::format("{}.{}.this{}", module, type, estate::instance(site.name)), type,
            e.names.region(r.key, "app_service.site." + site.name), r.location.value,
            site_properties(), true);
        app.source = site.location;
        app.depends_on.push_back(farm_key);
        app.placements.push_back(estate::follows_region(r, fmt::format("site `{}`", site.name)));
        if (function && r.storage) {
          app.placements.push_back(host_storage(r, site, e.names.region(r.key, "storage")));
        }
        if (e.placements_only) continue;
        roles(e, r, site, module);
        if (e.dns_of(r)) {
          estate::add_regional(
              e, r, module + ".azurerm_private_endpoint.site" + estate::instance(site.name),
              "azurerm_private_endpoint", e.names.region(r.key, "pep.site." + site.name),
              r.location.value, {{"subresource_names", {"sites"}}}, true)
              .source = site.location;
        }
      }
    }
  }
}

}  // namespace topoc::services::app_service
