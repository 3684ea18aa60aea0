// `topoc residency --format json`: the report as one document, fields in a
// fixed order, described by docs/residency.schema.json.
#include <nlohmann/json.hpp>

#include "compiler/report/residency_render.h"

namespace topoc::report {
namespace {

using json = nlohmann::ordered_json;

json source_json(const SourceLine& at) {
  json out;
  out["file"] = at.file;
  out["line"] = at.line;
  return out;
}

json resource_json(const PlacedResource& r) {
  json out;
  out["name"] = r.name;
  out["type"] = r.azurerm_type;
  out["address"] = r.key;
  if (!r.from.empty()) out["copied_from"] = r.from;
  json reasons = json::array();
  for (const Reason& reason : r.reasons) {
    json step = source_json(reason.at);
    step["text"] = reason.text;
    reasons.push_back(std::move(step));
  }
  out["reasons"] = std::move(reasons);
  return out;
}

std::string_view scope_name(ResidencyReport::Scope scope) {
  switch (scope) {
    case ResidencyReport::Scope::kAll:
      return "all";
    case ResidencyReport::Scope::kBoundary:
      return "boundary";
    case ResidencyReport::Scope::kTenant:
      return "tenant";
  }
  return "";
}

json boundary_json(const BoundaryResidency& b) {
  json out;
  out["name"] = b.name;
  out["declared"] = source_json(b.declared);
  out["geography"] = b.geography;
  out["allowed_locations"] = b.allowed_locations;
  out["regions"] = b.region_keys;
  json tenants = json::array();
  for (const TenantEntry& t : b.tenants) {
    json tenant;
    tenant["name"] = t.name;
    tenant["home_region"] = t.home.empty() ? json(nullptr) : json(t.home);
    tenant["declared"] = source_json(t.declared);
    tenants.push_back(std::move(tenant));
  }
  out["tenants"] = std::move(tenants);
  out["reached_locations"] = b.reached;
  out["outside_locations"] = b.outside;
  json kinds = json::array();
  for (const KindGroup& g : b.kinds) {
    json kind;
    kind["kind"] = std::string(kind_key(g.kind));
    kind["title"] = std::string(kind_title(g.kind));
    json locations = json::array();
    for (const PlacedLocation& l : g.locations) {
      json location;
      location["location"] = l.location;
      location["display_name"] = l.display;
      location["country"] = l.country.empty() ? json(nullptr) : json(l.country);
      location["allowed"] = l.allowed;
      json resources = json::array();
      for (const PlacedResource& r : l.resources) resources.push_back(resource_json(r));
      location["resources"] = std::move(resources);
      locations.push_back(std::move(location));
    }
    kind["locations"] = std::move(locations);
    kinds.push_back(std::move(kind));
  }
  out["placements"] = std::move(kinds);
  json absent = json::array();
  for (const AbsentPlacement& a : b.absent) {
    json entry;
    entry["kind"] = std::string(kind_key(a.kind));
    entry["resource"] = resource_json(a.resource);
    absent.push_back(std::move(entry));
  }
  out["unavailable_placements"] = std::move(absent);
  json guards = json::array();
  for (const PolicyGuard& g : b.guards) {
    json guard;
    guard["assignment"] = g.assignment;
    guard["resource_group"] = g.resource_group;
    guard["definition"] = g.definition;
    guard["effect"] = g.effect;
    guards.push_back(std::move(guard));
  }
  out["policy_assignments"] = std::move(guards);
  return out;
}

}  // namespace

std::string render_residency_json(const ResidencyReport& report) {
  json out;
  out["schema_version"] = kResidencySchemaVersion;
  out["topology"] = report.topology;
  out["file"] = report.file;
  out["environment"] = report.environment;
  json scope;
  scope["kind"] = std::string(scope_name(report.scope));
  scope["name"] =
      report.scope == ResidencyReport::Scope::kAll ? json(nullptr) : json(report.selected);
  out["scope"] = std::move(scope);
  json boundaries = json::array();
  for (const BoundaryResidency& b : report.boundaries) boundaries.push_back(boundary_json(b));
  out["boundaries"] = std::move(boundaries);
  json exemptions = json::array();
  for (const Exemption& x : report.exemptions) {
    json entry = resource_json({x.name, x.azurerm_type, x.key, "", x.reasons});
    entry["data_class"] = x.data_class;
    entry["locations"] = x.locations;
    entry["exempt_from"] = x.left_boundaries;
    exemptions.push_back(std::move(entry));
  }
  out["non_personal_exemptions"] = std::move(exemptions);
  out["assumptions"] = report.assumptions;
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace topoc::report
