// `topoc residency --format json`: the report as one document, fields in a
// fixed order, described by docs/residency.schema.json.
#include <nlohmann/json.hpp>

#include "compiler/report/residency_render.h"

namespace topoc::report {
namespace {

using ojson = nlohmann::ordered_json;

ojson source_json(const SourceLine& at) {
  ojson out;
  out["file"] = at.file;
  out["line"] = at.line;
  return out;
}

ojson resource_json(const PlacedResource& r) {
  ojson out;
  out["name"] = r.name;
  out["type"] = r.azurerm_type;
  out["address"] = r.key;
  if (!r.from.empty()) out["copied_from"] = r.from;
  ojson reasons = ojson::array();
  for (const Reason& reason : r.reasons) {
    ojson step = source_json(reason.at);
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

ojson boundary_json(const BoundaryResidency& b) {
  ojson out;
  out["name"] = b.name;
  out["declared"] = source_json(b.declared);
  out["geography"] = b.geography;
  out["allowed_locations"] = b.allowed_locations;
  out["regions"] = b.region_keys;
  ojson tenants = ojson::array();
  for (const TenantEntry& t : b.tenants) {
    ojson tenant;
    tenant["name"] = t.name;
    tenant["home_region"] = t.home.empty() ? ojson(nullptr) : ojson(t.home);
    tenant["declared"] = source_json(t.declared);
    tenants.push_back(std::move(tenant));
  }
  out["tenants"] = std::move(tenants);
  out["reached_locations"] = b.reached;
  out["outside_locations"] = b.outside;
  ojson kinds = ojson::array();
  for (const KindGroup& g : b.kinds) {
    ojson kind;
    kind["kind"] = std::string(kind_key(g.kind));
    kind["title"] = std::string(kind_title(g.kind));
    ojson locations = ojson::array();
    for (const PlacedLocation& l : g.locations) {
      ojson location;
      location["location"] = l.location;
      location["display_name"] = l.display;
      location["country"] = l.country.empty() ? ojson(nullptr) : ojson(l.country);
      location["allowed"] = l.allowed;
      ojson resources = ojson::array();
      for (const PlacedResource& r : l.resources) resources.push_back(resource_json(r));
      location["resources"] = std::move(resources);
      locations.push_back(std::move(location));
    }
    kind["locations"] = std::move(locations);
    kinds.push_back(std::move(kind));
  }
  out["placements"] = std::move(kinds);
  ojson absent = ojson::array();
  for (const AbsentPlacement& a : b.absent) {
    ojson entry;
    entry["kind"] = std::string(kind_key(a.kind));
    entry["resource"] = resource_json(a.resource);
    absent.push_back(std::move(entry));
  }
  out["unavailable_placements"] = std::move(absent);
  ojson guards = ojson::array();
  for (const PolicyGuard& g : b.guards) {
    ojson guard;
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
  ojson out;
  out["schema_version"] = kResidencySchemaVersion;
  out["topology"] = report.topology;
  out["file"] = report.file;
  out["environment"] = report.environment;
  ojson scope;
  scope["kind"] = std::string(scope_name(report.scope));
  scope["name"] =
      report.scope == ResidencyReport::Scope::kAll ? ojson(nullptr) : ojson(report.selected);
  out["scope"] = std::move(scope);
  ojson boundaries = ojson::array();
  for (const BoundaryResidency& b : report.boundaries) boundaries.push_back(boundary_json(b));
  out["boundaries"] = std::move(boundaries);
  ojson exemptions = ojson::array();
  for (const Exemption& x : report.exemptions) {
    ojson entry = resource_json({x.name, x.azurerm_type, x.key, "", x.reasons});
    entry["data_class"] = x.data_class;
    entry["locations"] = x.locations;
    entry["exempt_from"] = x.left_boundaries;
    exemptions.push_back(std::move(entry));
  }
  out["non_personal_exemptions"] = std::move(exemptions);
  out["assumptions"] = report.assumptions;
  return out.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace topoc::report
