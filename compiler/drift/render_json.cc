// JSON for pipelines: every finding with all its fields (null when empty),
// and the counts, so a pipeline can gate on `summary.residency-breach`.
#include <nlohmann/json.hpp>

#include "compiler/drift/render.h"

namespace topoc::drift {
namespace {

using ojson = nlohmann::ordered_json;

ojson text_or_null(const std::string& s) {
  return s.empty() ? ojson() : ojson(s);
}

ojson finding_json(const Finding& f) {
  const FindingKindInfo& k = info(f.kind);
  ojson changes = ojson::array();
  for (const AttributeChange& c : f.changes) {
    changes.push_back(
        {{"attribute", c.attribute}, {"desired", c.desired}, {"deployed", c.deployed}});
  }
  return {{"code", k.code},
          {"kind", k.name},
          {"level", k.level},
          {"boundary", text_or_null(f.boundary)},
          {"location", text_or_null(f.location)},
          {"message", f.message},
          {"address", text_or_null(f.address)},
          {"id", text_or_null(f.id)},
          {"type", text_or_null(f.type)},
          {"name", text_or_null(f.name)},
          {"resource_group", text_or_null(f.resource_group)},
          {"input", text_or_null(f.input)},
          {"planned_action", text_or_null(f.planned_action)},
          {"changes", std::move(changes)},
          {"members", f.members}};
}

}  // namespace

std::string render_json(const DriftReport& r) {
  ojson inputs = ojson::array();
  for (const StateInput& i : r.inputs) {
    inputs.push_back(
        {{"path", i.path}, {"format", to_string(i.format)}, {"resources", i.resources}});
  }
  ojson summary = ojson::object();
  for (const FindingKindInfo& k : all_finding_kinds())
    summary[std::string(k.name)] = r.count(k.kind);
  summary["ignored"] = r.ignored;
  ojson findings = ojson::array();
  for (const Finding& f : r.findings) findings.push_back(finding_json(f));
  // The version of this document's shape (docs/json.md), as every topoc JSON carries.
  ojson out = {{"schema_version", 1},
               {"topology", r.topology},
               {"environment", r.environment},
               {"in_sync", r.in_sync()},
               {"desired", {{"path", r.desired_source}, {"resources", r.desired_resources}}},
               {"inputs", std::move(inputs)},
               {"summary", std::move(summary)},
               {"findings", std::move(findings)}};
  return out.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace topoc::drift
