// A region's API Management instance. Placements: the instance (primary:
// its configuration, the developer portal and the management plane stay in
// the region's location) and, for each additional location, the gateway
// that runs there (processing: it handles the requests that reach it) and
// its built-in cache (cache/edge: cached responses are kept per region and
// not replicated). Microsoft Learn, "Deploy an Azure API Management instance
// to multiple Azure regions": only the gateway is deployed to additional
// regions; its cache and rate-limit counters are regional.
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::api_management {
namespace {

estate::Placement gateway(estate::PlacementKind kind, const model::Region& r,
                          const model::Region& other, const model::Sourced<std::string>& key,
                          const std::string& name) {
  estate::Placement p{kind, {other.location.value}};
  p.reasons.push_back(
      {key.location, fmt::format("the API Management instance `{}` of region `{}` lists `{}` in "
                                 "`additional_locations`: its gateway {} in `{}`",
                                 name, r.key, other.key,
                                 kind == estate::PlacementKind::kProcessing ? "handles requests"
                                                                            : "caches responses",
                                 other.location.value)});
  return p;
}

// What drift compares on the instance (compiler/drift).
nlohmann::json properties(const model::ApiManagement& a) {
  return {{"sku_name", a.sku_name()},
          {"publisher_name", a.publisher_name.value},
          {"publisher_email", a.publisher_email.value},
          {"virtual_network_type", model::to_string(a.virtual_network.value)}};
}

}  // namespace

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.api_management) continue;
    const model::ApiManagement& a = *r.api_management;
    const std::string& name = e.names.region(r.key, "api_management");
    std::vector<estate::Placement> gateways;
    for (const auto& key : a.additional_locations) {
      const model::Region* other = e.topology->find_region(key.value);
      if (!other || other == &r) continue;  // S130
      gateways.push_back(gateway(estate::PlacementKind::kProcessing, r, *other, key, name));
      gateways.push_back(gateway(estate::PlacementKind::kCacheEdge, r, *other, key, name));
    }
    auto& res = estate::add_regional(
        e, r, "module.api_management" + estate::instance(r.key) + ".azurerm_api_management.this",
        "azurerm_api_management", name, r.location.value, properties(a), true);
    res.source = a.location;
    res.placements.push_back(estate::follows_region(r, "the API Management instance"));
    for (estate::Placement& p : gateways) res.placements.push_back(std::move(p));
  }
}

}  // namespace topoc::services::api_management
