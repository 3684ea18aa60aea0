// Traffic Manager: one profile per `traffic_manager` block and one endpoint
// resource per endpoint, by kind (Azure, external, nested). Traffic Manager
// answers DNS queries only; no request or tenant data passes through it, so
// it declares no placements. Its geographic routing is checked by T001.
#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::traffic_manager {

using estate::instance;
using nlohmann::json;

namespace {

json subnets(const model::TmEndpoint& ep) {
  json out = json::array();
  for (const auto& s : ep.subnets) {
    std::string network = s.value.to_string();
    out.push_back({{"first", network.substr(0, network.find('/'))}, {"scope", s.value.prefix}});
  }
  return out;
}

// The geographic codes Azure gets: the written ones, and `WORLD` on the
// endpoint `unmapped` names.
json geo_mappings(const model::TrafficManager& tm, const model::TmEndpoint& ep) {
  json out = json::array();
  for (const auto& code : ep.geo) out.push_back(code.value);
  if (tm.unmapped.explicit_ && tm.unmapped.value == ep.name) out.push_back("WORLD");
  return out;
}

}  // namespace

void plan(estate::Estate& e) {
  const model::Topology& t = *e.topology;
  if (t.traffic_managers.empty()) return;
  const std::string& rg = e.names.get("global.rg");
  for (const model::TrafficManager& tm : t.traffic_managers) {
    const std::string& name = e.names.get("traffic_manager." + tm.name);
    const model::TmProbe& p = tm.probe;
    json headers = json::object();
    for (const model::TmHeader& h : p.headers) headers[h.name] = h.value;
    std::vector<std::string> codes;
    for (const auto& c : p.expected_status_codes) codes.push_back(c.value);
    json monitor = {{"protocol", p.protocol.value},
                    {"port", p.port.value},
                    {"path", p.path.value.empty() ? json(nullptr) : json(p.path.value)},
                    {"interval_in_seconds", p.interval_seconds.value},
                    {"timeout_in_seconds", p.timeout_seconds.value},
                    {"tolerated_number_of_failures", p.tolerated_failures.value},
                    {"expected_status_code_ranges", codes},
                    {"custom_header", headers}};
    json props = {
        {"traffic_routing_method", model::to_string(tm.routing.value)},
        {"dns_config", {{"relative_name", name}, {"ttl", tm.ttl_seconds.value}}},
        {"monitor_config", monitor},
        {"max_return", tm.routing.value == model::TmRouting::kMultiValue ? json(tm.max_return.value)
                                                                         : json(nullptr)}};
    std::string profile_key =
        "module.traffic_manager.azurerm_traffic_manager_profile.this" + instance(tm.name);
    estate::add_resource(e, profile_key, "azurerm_traffic_manager_profile", name, "global", "", rg,
                         std::move(props), true)
        .source = tm.location;
    for (size_t i = 0; i < tm.endpoints.size(); ++i) {
      const model::TmEndpoint& ep = tm.endpoints[i];
      json eprops = {{"profile", tm.name},
                     {"priority", tm.priority(i)},
                     {"weight", ep.weight.value},
                     {"enabled", ep.enabled.value},
                     {"geo_mappings", geo_mappings(tm, ep)},
                     {"subnet", subnets(ep)}};
      std::string type;
      const model::Region* region = nullptr;
      switch (ep.kind) {
        case model::TmEndpointKind::kRegion:
          type = "azurerm_traffic_manager_azure_endpoint";
          region = t.find_region(ep.region.value);
          eprops["region"] = ep.region.value;
          break;
        case model::TmEndpointKind::kExternal:
          type = "azurerm_traffic_manager_external_endpoint";
          eprops["target"] = ep.target.value;
          eprops["endpoint_location"] =
              ep.endpoint_location.explicit_ ? json(ep.endpoint_location.value) : json(nullptr);
          break;
        case model::TmEndpointKind::kNested:
          type = "azurerm_traffic_manager_nested_endpoint";
          eprops["child_profile"] = ep.profile.value;
          eprops["minimum_child_endpoints"] = ep.min_child_endpoints.value;
          eprops["endpoint_location"] =
              ep.endpoint_location.explicit_ ? json(ep.endpoint_location.value) : json(nullptr);
          break;
      }
      std::string key =
          "module.traffic_manager." + type + ".this" + instance(tm.name + "/" + ep.name);
      auto& res =
          estate::add_resource(e, key, type, ep.name, "global", "", rg, std::move(eprops), false);
      res.source = ep.location;
      res.region = region;
      res.depends_on.push_back(profile_key);
      if (ep.kind == model::TmEndpointKind::kNested) {
        res.depends_on.push_back("module.traffic_manager.azurerm_traffic_manager_profile.this" +
                                 instance(ep.profile.value));
      }
    }
  }
}

}  // namespace topoc::services::traffic_manager
