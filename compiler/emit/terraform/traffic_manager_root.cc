// The environment root's Traffic Manager parts: the profiles and endpoints
// as locals, the module call, and the variable for the public IPs of the
// regions' ingresses that Azure endpoints point to. Everything comes from
// the estate's traffic manager resources and their properties.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/emit/terraform/root_files.h"
#include "compiler/estate/add_resource.h"

namespace topoc::emit::terraform {
namespace {

using hcl::Body;
using hcl::Entry;
using hcl::Expr;
using nlohmann::json;

Expr from_json(const json& v) {
  if (v.is_null()) return Expr::null();
  if (v.is_boolean()) return Expr::boolean(v.get<bool>());
  if (v.is_number_integer()) return Expr::number(v.get<int64_t>());
  if (v.is_number()) return Expr::number(v.get<double>());
  if (v.is_string()) return Expr::string(v.get_ref<const std::string&>());
  if (v.is_array()) {
    std::vector<Expr> items;
    for (const json& item : v) items.push_back(from_json(item));
    return Expr::list(std::move(items));
  }
  std::vector<Entry> entries;  // nlohmann::json objects iterate sorted by key
  for (const auto& [key, value] : v.items()) entries.push_back({key, from_json(value)});
  return Expr::object(std::move(entries));
}

std::string endpoint_key(const estate::Resource& r) {
  return r.properties.at("profile").get<std::string>() + "/" + r.name;
}

Expr endpoint(const estate::Resource& r, std::vector<std::string_view> extra) {
  const json& p = r.properties;
  std::vector<Entry> entries{{"name", Expr::string(r.name)},
                             {"profile", Expr::string(p.at("profile").get<std::string>())}};
  for (std::string_view key : extra) entries.push_back({std::string(key), from_json(p.at(key))});
  entries.push_back({"priority", from_json(p.at("priority"))});
  entries.push_back({"weight", from_json(p.at("weight"))});
  entries.push_back({"enabled", from_json(p.at("enabled"))});
  entries.push_back({"geo_mappings", from_json(p.at("geo_mappings"))});
  entries.push_back({"subnets", from_json(p.at("subnet"))});
  entries.push_back({"custom_headers", from_json(p.at("custom_header"))});
  return Expr::object(std::move(entries));
}

// Whether `r` is the diagnostic setting of a profile that sets `logs_to`.
bool is_profile_setting(const estate::Resource& r) {
  return r.azurerm_type == "azurerm_monitor_diagnostic_setting" &&
         r.key.starts_with("module.traffic_manager.");
}

// The diagnostic settings of the profiles that set `logs_to`, keyed by
// profile, each with the region whose workspace receives the logs.
std::vector<Entry> diagnostics(const Estate& e) {
  std::vector<Entry> out;
  for (const estate::Resource& r : e.resources) {
    if (!is_profile_setting(r)) continue;
    out.push_back({estate::last_instance_key(r.key),
                   Expr::object({
                       {"name", Expr::string(r.name)},
                       {"workspace_region", from_json(r.properties.at("workspace_region"))},
                   })});
  }
  std::sort(out.begin(), out.end(),
            [](const Entry& a, const Entry& b) { return a.first < b.first; });
  return out;
}

}  // namespace

bool has_traffic_manager_azure_endpoints(const Estate& e) {
  for (const estate::Resource& r : e.resources) {
    if (r.azurerm_type == "azurerm_traffic_manager_azure_endpoint") return true;
  }
  return false;
}

Expr traffic_manager_locals(const Estate& e) {
  std::vector<Entry> profiles, azure, external, nested;
  for (const estate::Resource& r : e.resources) {
    const json& p = r.properties;
    if (r.azurerm_type == "azurerm_traffic_manager_profile") {
      const json& m = p.at("monitor_config");
      profiles.push_back(
          {estate::last_instance_key(r.key),
           Expr::object({
               {"name", Expr::string(r.name)},
               {"relative_name", from_json(p.at("dns_config").at("relative_name"))},
               {"traffic_routing_method", from_json(p.at("traffic_routing_method"))},
               {"ttl", from_json(p.at("dns_config").at("ttl"))},
               {"max_return", from_json(p.at("max_return"))},
               {"monitor",
                Expr::object({
                    {"protocol", from_json(m.at("protocol"))},
                    {"port", from_json(m.at("port"))},
                    {"path", from_json(m.at("path"))},
                    {"interval_in_seconds", from_json(m.at("interval_in_seconds"))},
                    {"timeout_in_seconds", from_json(m.at("timeout_in_seconds"))},
                    {"tolerated_number_of_failures",
                     from_json(m.at("tolerated_number_of_failures"))},
                    {"expected_status_code_ranges", from_json(m.at("expected_status_code_ranges"))},
                    {"custom_headers", from_json(m.at("custom_header"))},
                })},
           })});
    } else if (r.azurerm_type == "azurerm_traffic_manager_azure_endpoint") {
      azure.push_back({endpoint_key(r), endpoint(r, {"region"})});
    } else if (r.azurerm_type == "azurerm_traffic_manager_external_endpoint") {
      external.push_back({endpoint_key(r), endpoint(r, {"target", "endpoint_location"})});
    } else if (r.azurerm_type == "azurerm_traffic_manager_nested_endpoint") {
      nested.push_back({endpoint_key(r), endpoint(r, {"child_profile", "minimum_child_endpoints",
                                                      "endpoint_location"})});
    }
  }
  auto by_key = [](const Entry& a, const Entry& b) { return a.first < b.first; };
  for (auto* list : {&profiles, &azure, &external, &nested}) {
    std::sort(list->begin(), list->end(), by_key);
  }
  std::vector<Entry> out{
      {"profiles", Expr::object(std::move(profiles))},
      {"azure_endpoints", Expr::object(std::move(azure))},
      {"external_endpoints", Expr::object(std::move(external))},
      {"nested_endpoints", Expr::object(std::move(nested))},
  };
  if (std::vector<Entry> settings = diagnostics(e); !settings.empty()) {
    out.push_back({"diagnostics", Expr::object(std::move(settings))});
  }
  return Expr::object(std::move(out));
}

void traffic_manager_module(const Estate& e, Body& file) {
  Body b;
  b.attribute("source", Expr::string("../../modules/global/traffic-manager"));
  b.blank();
  b.attribute("resource_group_name", Expr::raw("azurerm_resource_group.global.name"));
  b.attribute("profiles", Expr::raw("local.traffic_manager.profiles"));
  if (has_traffic_manager_azure_endpoints(e)) {
    b.comment("Each Azure endpoint points to the public IP in front of its region's ingress.");
    b.attribute("azure_endpoints",
                Expr::raw("{ for key, endpoint in local.traffic_manager.azure_endpoints : key => "
                          "merge(endpoint, { target_resource_id = "
                          "var.ingress_public_ip_ids[endpoint.region] }) }"));
  } else {
    b.attribute("azure_endpoints", Expr::object({}));
  }
  b.attribute("external_endpoints", Expr::raw("local.traffic_manager.external_endpoints"));
  b.attribute("nested_endpoints", Expr::raw("local.traffic_manager.nested_endpoints"));
  if (std::any_of(e.resources.begin(), e.resources.end(), is_profile_setting)) {
    b.comment(
        "Probe health events of the profiles that set `logs_to`, to that region's workspace.");
    b.attribute("diagnostics",
                Expr::raw("{ for key, setting in local.traffic_manager.diagnostics : key => { name "
                          "= setting.name, log_analytics_workspace_id = "
                          "module.monitoring[setting.workspace_region].log_analytics_workspace_id "
                          "} }"));
  }
  b.attribute("tags", Expr::raw("local.common_tags"));
  file.blank();
  file.block("module", {"traffic_manager"}, std::move(b));
}

}  // namespace topoc::emit::terraform
