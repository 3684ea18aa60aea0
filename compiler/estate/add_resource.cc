#include "compiler/estate/add_resource.h"

#include <fmt/format.h>

#include "compiler/emit/terraform/hcl_writer.h"
#include "compiler/estate/properties.h"
#include "compiler/estate/resource_types.h"
#include "compiler/rules/residency_facts.h"

namespace topoc::estate {

std::string instance(std::string_view key) {
  // Made for most resources of a plan: built without a format string.
  std::string quoted = emit::hcl::quote(key);
  std::string out;
  out.reserve(quoted.size() + 2);
  out += '[';
  out += quoted;
  out += ']';
  return out;
}

std::string last_instance_key(std::string_view address) {
  if (!address.ends_with("\"]")) return "";
  size_t at = address.rfind("[\"");
  if (at == std::string_view::npos) return "";
  at += 2;
  return std::string(address.substr(at, address.size() - 2 - at));
}

Resource& add_resource(Estate& e, std::string key, std::string_view azurerm_type,
                       std::string_view name, std::string_view location, std::string_view boundary,
                       std::string_view resource_group, nlohmann::json properties, bool tagged) {
  Resource& r = e.resources.emplace_back();
  r.key = std::move(key);
  r.azurerm_type = azurerm_type;
  if (const auto* pair = estate::find_by_azurerm(azurerm_type)) r.arm_type = pair->arm;
  r.name = name;
  r.location = location;
  r.boundary = boundary;
  r.resource_group = resource_group;
  // Without properties the resource keeps the empty object it starts with.
  if (!properties.is_null()) r.properties = std::move(properties);
  r.tagged = tagged;
  return r;
}

Resource& add_regional(Estate& e, const model::Region& r, std::string key,
                       std::string_view azurerm_type, std::string_view name,
                       std::string_view location, nlohmann::json properties, bool tagged) {
  Resource& res =
      add_resource(e, std::move(key), azurerm_type, name, location, r.boundary_name.value,
                   e.names.region(r.key, "rg"), std::move(properties), tagged);
  res.region = &r;
  res.source = r.location_of_block;
  if (const model::Boundary* b = rules::boundary_of(*e.topology, r)) {
    res.holders.push_back(static_cast<size_t>(b - e.topology->boundaries.data()));
  }
  // Read by the renderings alone, which a check does not make.
  if (!e.placements_only)
    res.depends_on.push_back("azurerm_resource_group.region" + instance(r.key));
  return res;
}

Placement follows_region(const model::Region& r, std::string_view what) {
  Placement p;
  p.kind = PlacementKind::kPrimary;
  p.locations = {r.location.value};
  p.reasons.push_back(
      {r.location.location,
       fmt::format("{} of region `{}` lives in its location `{}`", what, r.key, r.location.value)});
  p.checked = false;
  return p;
}

void add_private_endpoint(Estate& e, const model::Region& r, std::string_view module,
                          std::string_view service, std::string_view subresource) {
  if (!e.dns_of(r)) return;  // no endpoints subnet
  add_regional(e, r,
               fmt::format("module.{}{}.azurerm_private_endpoint.this", module, instance(r.key)),
               "azurerm_private_endpoint", e.names.region(r.key, fmt::format("pep.{}", service)),
               r.location.value,
               Props().set("subresource_names", nlohmann::json::array_t{subresource}), true);
}

}  // namespace topoc::estate
