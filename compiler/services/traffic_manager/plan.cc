// Traffic Manager: one profile per `traffic_manager` block and one endpoint
// resource per endpoint, by kind (Azure, external, nested). Traffic Manager
// answers DNS queries only and holds no data, but it decides where a
// client's requests are processed: a profile that routes by priority,
// performance, weight or multivalue may send any client to any of its
// endpoints, so each endpoint's location is a processing placement of the
// boundaries whose regions the profile serves. Geographic routing is
// checked country by country instead (T001), and subnet routing maps client
// addresses topoc cannot place.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "compiler/estate/add_resource.h"
#include "compiler/residency/wordings.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/services/registry.h"

namespace topoc::services::traffic_manager {

using estate::instance;
using nlohmann::json;

namespace {

// A place a profile can send clients to: a region's location, or an
// external endpoint's declared location.
struct Target {
  const model::Region* region = nullptr;  // null for an external endpoint
  std::string location;
  bool operator==(const Target&) const = default;
};

const model::TrafficManager* find_profile(const model::Topology& t, std::string_view name) {
  for (const model::TrafficManager& tm : t.traffic_managers) {
    if (tm.name == name) return &tm;
  }
  return nullptr;
}

// Every target one endpoint leads to, down nested profiles. Each profile's
// targets are worked out once (`memo`), so a wide or diamond-shaped nesting
// costs what its answers hold; a cycle (reported by the T-rules) ends at the
// profile already being walked.
class Reach {
 public:
  explicit Reach(const model::Topology& t) : t_(t) {}

  std::vector<Target> of(const model::TmEndpoint& ep) {
    switch (ep.kind) {
      case model::TmEndpointKind::kRegion:
        if (const model::Region* r = t_.find_region(ep.region.value)) {
          return {{r, r->location.value}};
        }
        return {};
      case model::TmEndpointKind::kExternal:
        if (ep.endpoint_location.explicit_) return {{nullptr, ep.endpoint_location.value}};
        return {};
      case model::TmEndpointKind::kNested:
        if (const model::TrafficManager* child = find_profile(t_, ep.profile.value)) {
          return of(*child);
        }
        return {};
    }
    return {};
  }

 private:
  const std::vector<Target>& of(const model::TrafficManager& tm) {
    auto [it, fresh] = memo_.try_emplace(tm.name);
    if (!fresh) return it->second;  // done, or being walked (a cycle)
    std::vector<Target> targets;
    for (const model::TmEndpoint& ep : tm.endpoints) {
      for (Target& target : of(ep)) {
        if (std::find(targets.begin(), targets.end(), target) == targets.end()) {
          targets.push_back(std::move(target));
        }
      }
    }
    it->second = std::move(targets);  // std::map entries stay put as it grows
    return it->second;
  }

  const model::Topology& t_;
  std::map<std::string, std::vector<Target>> memo_;
};

bool mixes_clients(model::TmRouting routing) {
  return routing != model::TmRouting::kGeographic && routing != model::TmRouting::kSubnet;
}

std::string dsl_routing(model::TmRouting routing) {
  std::string out = model::to_string(routing);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

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

// `logs_to`: the profile's diagnostic setting, inside the Traffic Manager
// module (in the global resource group, where the profile is). Traffic
// Manager logs only ProbeHealthStatusEvents (Learn, "Supported logs for
// Microsoft.Network/trafficManagerProfiles"): whether each endpoint answers
// its probes. No client request reaches the profile (it answers DNS
// queries, which it does not log), so the workspace's location is listed as
// a log sink but not checked against the boundaries the profile serves.
void diagnostic_setting(estate::Estate& e, const model::TrafficManager& tm,
                        const std::string& profile_key, const std::string& profile_name,
                        const std::string& rg) {
  const model::Region* ws = e.topology->find_region(tm.logs_to.value);
  if (!ws || !ws->monitoring) return;  // M004, S120
  const std::string& workspace = e.names.region(ws->key, "log");
  auto& res = estate::add_resource(
      e, "module.traffic_manager.azurerm_monitor_diagnostic_setting.this" + instance(tm.name),
      "azurerm_monitor_diagnostic_setting", e.names.region(ws->key, "diag"), "", "", rg,
      {{"target_resource_name", profile_name},
       {"log_analytics_workspace_name", workspace},
       {"workspace_region", ws->key},
       {"enabled_log_category_groups", json::array()},
       {"enabled_log_categories", {"ProbeHealthStatusEvents"}},
       {"enabled_metric_categories", {"AllMetrics"}}},
      false);
  res.source = tm.logs_to.location;
  res.depends_on = {profile_key, "module.monitoring" + instance(ws->key) +
                                     ".azurerm_log_analytics_workspace.this"};
  estate::Placement p;
  p.kind = estate::PlacementKind::kLogSink;
  p.locations = {ws->location.value};
  p.reasons.push_back(
      {tm.logs_to.location,
       fmt::format("the probe health events of traffic_manager `{}` land in workspace `{}` in {} "
                   "because it sets `logs_to = {}`: endpoint health only, no client data",
                   tm.name, workspace, ws->location.value, ws->key)});
  p.checked = false;
  res.placements.push_back(std::move(p));
}

}  // namespace

void plan(estate::Estate& e) {
  const model::Topology& t = *e.topology;
  if (t.traffic_managers.empty()) return;
  const std::string& rg = e.names.get("global.rg");
  Reach reach(t);
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
    std::vector<size_t> holders;
    std::vector<estate::Placement> placements;
    if (mixes_clients(tm.routing.value)) {
      std::vector<std::pair<const model::TmEndpoint*, Target>> reached;
      for (const model::TmEndpoint& ep : tm.endpoints) {
        for (Target& target : reach.of(ep)) reached.emplace_back(&ep, std::move(target));
      }
      for (const auto& [ep, target] : reached) {
        const model::Boundary* b = target.region ? rules::boundary_of(t, *target.region) : nullptr;
        if (!b) continue;
        size_t index = static_cast<size_t>(b - t.boundaries.data());
        if (std::find(holders.begin(), holders.end(), index) == holders.end()) {
          holders.push_back(index);
        }
      }
      for (const auto& [ep, target] : reached) {
        std::string through = ep->kind == model::TmEndpointKind::kNested
                                  ? fmt::format(" (nested profile `{}`)", ep->profile.value)
                                  : "";
        estate::Placement p{estate::PlacementKind::kProcessing};
        p.locations.push_back(target.location);
        p.reasons.push_back(
            {ep->location,
             target.region
                 ? fmt::format("endpoint `{}`{} sends clients to region `{}` in `{}`", ep->name,
                               through, target.region->key, target.location)
                 : fmt::format("endpoint `{}`{} sends clients to an external endpoint in `{}`",
                               ep->name, through, target.location)});
        p.reasons.push_back(
            {tm.routing.explicit_ ? tm.routing.location : tm.location,
             fmt::format("traffic_manager `{}` routes by `{}`: any client may be sent to any "
                         "endpoint",
                         tm.name, dsl_routing(tm.routing.value))});
        p.wording = residency::traffic_manager_endpoint_outside;
        placements.push_back(std::move(p));
      }
    }
    auto& profile = estate::add_resource(e, profile_key, "azurerm_traffic_manager_profile", name,
                                         "global", "", rg, std::move(props), true);
    profile.source = tm.location;
    profile.holders = std::move(holders);
    profile.placements = std::move(placements);
    if (tm.logs_to.explicit_) diagnostic_setting(e, tm, profile_key, name, rg);
    for (size_t i = 0; i < tm.endpoints.size(); ++i) {
      const model::TmEndpoint& ep = tm.endpoints[i];
      json endpoint_headers = json::object();
      for (const model::TmHeader& h : ep.headers) endpoint_headers[h.name] = h.value;
      json eprops = {{"profile", tm.name},
                     {"priority", tm.priority(i)},
                     {"weight", ep.weight.value},
                     {"enabled", ep.enabled.value},
                     {"geo_mappings", geo_mappings(tm, ep)},
                     {"subnet", subnets(ep)},
                     {"custom_header", std::move(endpoint_headers)}};
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
