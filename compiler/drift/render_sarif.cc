// SARIF 2.1.0 for code scanning: one rule per finding kind (D001-D004), each
// result located in the input it was read from (the topology or manifest for
// missing resources) and named logically by its Terraform address or ARM id.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"
#include "compiler/drift/render.h"

namespace topoc::drift {
namespace {

using ojson = nlohmann::ordered_json;

ojson result_json(const Finding& f, const DriftReport& r) {
  const FindingKindInfo& k = info(f.kind);
  std::string artifact = f.input.empty() ? r.desired_source : f.input;
  ojson location = {
      {"physicalLocation", {{"artifactLocation", {{"uri", diag::sarif_uri(artifact)}}}}}};
  std::string logical = !f.address.empty() ? f.address : f.id;
  if (!logical.empty()) {
    location["logicalLocations"] =
        ojson::array({{{"fullyQualifiedName", logical}, {"kind", "resource"}}});
  }
  ojson properties = ojson::object();
  if (!f.boundary.empty()) properties["boundary"] = f.boundary;
  if (!f.location.empty()) properties["location"] = f.location;
  if (!f.id.empty()) properties["id"] = f.id;
  if (!f.planned_action.empty()) properties["plannedAction"] = f.planned_action;
  if (!f.changes.empty()) {
    ojson changes = ojson::array();
    for (const AttributeChange& c : f.changes) {
      changes.push_back(
          {{"attribute", c.attribute}, {"desired", c.desired}, {"deployed", c.deployed}});
    }
    properties["changes"] = std::move(changes);
  }
  if (!f.members.empty()) properties["members"] = f.members;
  ojson result = {{"ruleId", k.code},
                  {"ruleIndex", static_cast<size_t>(f.kind)},
                  {"level", k.level},
                  {"message", {{"text", f.message}}},
                  {"locations", ojson::array({location})}};
  if (!properties.empty()) result["properties"] = std::move(properties);
  return result;
}

}  // namespace

std::string render_sarif(const DriftReport& r, std::string_view tool_version) {
  ojson rules = ojson::array();
  for (const FindingKindInfo& k : all_finding_kinds()) {
    rules.push_back({{"id", k.code},
                     {"name", k.name},
                     {"shortDescription", {{"text", k.summary}}},
                     {"defaultConfiguration", {{"level", k.level}}}});
  }
  ojson results = ojson::array();
  for (const Finding& f : r.findings) results.push_back(result_json(f, r));
  ojson sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                 {"version", "2.1.0"},
                 {"runs", ojson::array({{{"tool",
                                          {{"driver",
                                            {{"name", "topoc drift"},
                                             {"version", tool_version},
                                             {"rules", std::move(rules)}}}}},
                                         {"results", std::move(results)}}})}};
  return sarif.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace topoc::drift
