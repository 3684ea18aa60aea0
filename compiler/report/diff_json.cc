// `topoc diff --format json`: everything the comparison found, in the shape
// docs/diff.schema.json describes, headline (residency widening) first.
#include "compiler/report/diff.h"

namespace topoc::report {
namespace {

using ojson = nlohmann::ordered_json;

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

ojson ordered_text_or_null(const std::string& s) {
  return s.empty() ? ojson() : ojson(s);
}

// An attribute value as written: bytes that are not UTF-8 become U+FFFD
// rather than failing the report.
ojson ordered(const nlohmann::json& value) {
  return ojson::parse(value.dump(-1, ' ', false, kReplace));
}

ojson properties_json(const std::vector<PropertyChange>& changes) {
  ojson out = ojson::array();
  for (const PropertyChange& c : changes) {
    out.push_back({{"name", c.name}, {"before", ordered(c.before)}, {"after", ordered(c.after)}});
  }
  return out;
}

ojson resource_json(const ResourceDiff& r) {
  ojson out = {{"change", to_string(r.change)},
               {"key", r.key},
               {"old_key", ordered_text_or_null(r.old_key)},
               {"type", r.type},
               {"name", ordered_text_or_null(r.name)},
               {"location", ordered_text_or_null(r.location)},
               {"destructive", r.destructive},
               {"destruction", ordered_text_or_null(r.destruction)},
               {"properties", properties_json(r.properties)}};
  return out;
}

std::string_view status_of(const TenantDiff& t) {
  if (t.added()) return "added";
  if (t.removed()) return "removed";
  if (t.moved()) return "moved";
  return "changed";
}

ojson tenant_json(const TenantDiff& t) {
  ojson placements = ojson::array();
  for (const NewPlacement& p : t.new_placements) {
    ojson sources = ojson::array();
    for (const PlacementSource& s : p.sources) {
      ojson reasons = ojson::array();
      for (const DiffReason& r : s.reasons) {
        reasons.push_back({{"line", r.line == 0 ? ojson() : ojson(r.line)}, {"text", r.text}});
      }
      sources.push_back(
          {{"resource", s.resource}, {"from", ordered_text_or_null(s.from)}, {"reasons", reasons}});
    }
    placements.push_back({{"kind", p.kind}, {"location", p.location}, {"sources", sources}});
  }
  return {{"name", t.name},
          {"status", status_of(t)},
          {"widens", t.widens()},
          {"old_boundary", ordered_text_or_null(t.old_boundary)},
          {"new_boundary", ordered_text_or_null(t.new_boundary)},
          {"new_locations", t.new_locations},
          {"removed_locations", t.removed_locations},
          {"new_placements", placements}};
}

ojson boundary_json(const BoundaryPolicyDiff& b) {
  ojson resources = ojson::array();
  for (const ResourceDiff& r : b.resources) resources.push_back(resource_json(r));
  return {{"name", b.name},
          {"status", b.added     ? "added"
                     : b.removed ? "removed"
                                 : "changed"},
          {"allowed_locations_added", b.allowed_added},
          {"allowed_locations_removed", b.allowed_removed},
          {"resources", resources}};
}

}  // namespace

std::string render_json(const Diff& diff) {
  ojson widening = ojson::array();
  for (const TenantDiff& t : diff.residency.tenants) {
    if (!t.widens()) continue;
    widening.push_back(
        {{"tenant", t.name}, {"boundary", t.new_boundary}, {"new_locations", t.new_locations}});
  }
  const EstateDiff& e = diff.estate;
  ojson tenants = ojson::array(), boundaries = ojson::array(), resources = ojson::array(),
        estate_changes = ojson::array();
  for (const TenantDiff& t : diff.residency.tenants) tenants.push_back(tenant_json(t));
  for (const BoundaryPolicyDiff& b : diff.residency.boundaries) {
    boundaries.push_back(boundary_json(b));
  }
  for (const ResourceDiff& r : e.resources) resources.push_back(resource_json(r));
  for (const PropertyChange& c : e.estate) {
    estate_changes.push_back(
        {{"name", c.name}, {"before", ordered(c.before)}, {"after", ordered(c.after)}});
  }
  ojson out = {{"schema_version", kDiffSchemaVersion},
               {"old", diff.old_label},
               {"new", diff.new_label},
               {"environment", diff.environment},
               {"summary",
                {{"changes", !diff.empty()},
                 {"residency_widening", !widening.empty()},
                 {"widening_tenants", widening.size()},
                 {"destructive", e.destructive()},
                 {"added", e.count(ResourceChangeKind::kAdded)},
                 {"removed", e.count(ResourceChangeKind::kRemoved)},
                 {"changed", e.count(ResourceChangeKind::kChanged)},
                 {"moved", e.count(ResourceChangeKind::kMoved)}}},
               {"residency_widening", widening},
               {"residency", {{"tenants", tenants}, {"boundaries", boundaries}}},
               {"estate", {{"changes", estate_changes}, {"resources", resources}}}};
  return out.dump(2, ' ', false, kReplace) + "\n";
}

}  // namespace topoc::report
