// Azure Policy: the shared definitions, and per boundary its allowed-
// locations definition with an assignment on every resource group it owns.
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::policy {

using estate::instance;

void plan(estate::Estate& e) {
  if (e.boundaries.empty() || e.placements_only) return;
  std::string deny_geo, require_tags;
  for (const estate::SharedPolicy& p : e.shared_policies) {
    estate::add_resource(
        e, "module.policy_definitions.azurerm_policy_definition.this" + instance(p.key),
        "azurerm_policy_definition", p.name, "", "", "", {{"policy_type", "Custom"}}, false);
    (p.key == "require-tags" ? require_tags : deny_geo) = p.name;
  }
  for (const estate::BoundaryPlan& b : e.boundaries) {
    const std::string& boundary = b.boundary->name;
    const std::string prefix = "module.residency_policy" + instance(boundary) + ".";
    auto add = [&](std::string key, std::string_view name, std::string_view rg,
                   nlohmann::json props) {
      std::string_view type = key.find("_assignment.") == std::string::npos
                                  ? "azurerm_policy_definition"
                                  : "azurerm_resource_group_policy_assignment";
      estate::add_resource(e, std::move(key), type, name, "", boundary, rg, std::move(props), false)
          .source = b.boundary->location;
    };
    add(prefix + "azurerm_policy_definition.allowed_locations", b.policy_name, "",
        {{"policy_type", "Custom"}});
    for (const estate::PolicyScope& s : b.policy_scopes) {
      const std::string assignment = prefix + "azurerm_resource_group_policy_assignment.";
      add(assignment + "allowed_locations" + instance(s.key), s.assignment_name, s.resource_group,
          {{"allowed_locations", b.boundary->allowed_locations}});
      if (s.deny_geo_redundant_storage) {
        add(assignment + "deny_geo_redundant_storage" + instance(s.key), deny_geo, s.resource_group,
            nullptr);
      }
      if (!e.required_tags.empty()) {
        add(assignment + "required_tags" + instance(s.key), require_tags, s.resource_group,
            {{"required_tags", e.required_tags}});
      }
    }
  }
}

}  // namespace topoc::services::policy
