// `terraform show -json PLANFILE` (format_version 1.x): `resource_changes`
// lists what an apply would do per resource instance. What is deployed comes
// from the plan's `prior_state` (read like a `show -json` state); the changes
// become PlannedChanges that drift reports in topology terms.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/drift/readers.h"

namespace topoc::drift::readers {

using json = nlohmann::json;

namespace {

// The action lists of `change.actions`, as strings; nullopt when the value
// is not a non-empty array of strings.
std::optional<std::vector<std::string>> action_list(const json& actions) {
  if (!actions.is_array() || actions.empty()) return std::nullopt;
  std::vector<std::string> list;
  for (const json& a : actions) {
    if (!a.is_string()) return std::nullopt;
    list.push_back(a.get<std::string>());
  }
  return list;
}

// create, update, replace, delete, forget; empty for no-op and read.
// Replacements come in both orders, and with `forget` instead of `delete`
// when the old object is kept (`lifecycle { destroy = false }`, Terraform
// 1.10+, or OpenTofu). A list this reader does not know is a generic
// `change`: a newer Terraform should not make the whole plan unreadable.
std::string action_of(const std::vector<std::string>& list) {
  auto has = [&](std::string_view a) {
    return std::find(list.begin(), list.end(), a) != list.end();
  };
  if (list.size() == 2 && has("create") && (has("delete") || has("forget"))) return "replace";
  if (list.size() == 1) {
    const std::string& a = list[0];
    if (a == "no-op" || a == "read") return "";
    if (a == "create" || a == "update" || a == "delete" || a == "forget") return a;
  }
  return "change";
}

}  // namespace

Route route_plan_change(const JsonPath& path, size_t from) {
  size_t depth = path.size() - from;
  if (depth == 1) return Route::kHandOver;
  const std::string& key = path[from + 1].key;
  if (depth == 2) {
    if (key == "change") return Route::kKeep;
    if (key == "address" || key == "mode" || key == "type" || key == "name" || key == "index" ||
        key == "provider_name" || key == "deposed" || key == "action_reason") {
      return Route::kKeepAll;
    }
    return Route::kSkip;
  }
  if (key != "change") return Route::kSkip;
  const std::string& part = path[from + 2].key;
  if (depth == 3) return part == "actions" ? Route::kKeepAll : Route::kSkip;
  return Route::kSkip;
}

std::optional<ShapeError> read_plan_change(const json& c, ReadContext& context,
                                           DeployedState& out) {
  if (!c.is_object()) return ShapeError{"", "expected a resource change object"};
  for (const char* field : {"address", "mode", "type"}) {
    if (auto error = required_string(c, field)) return error;
  }
  std::string provider, deposed;
  if (auto error = optional_string(c, "provider_name", provider)) return error;
  if (auto error = optional_string(c, "deposed", deposed)) return error;
  auto change = c.find("change");
  if (change == c.end() || !change->is_object()) {
    return ShapeError{"/change", "expected `change` to be an object"};
  }
  auto actions = change->find("actions");
  auto list = actions == change->end() ? std::nullopt : action_list(*actions);
  if (!list) {
    return ShapeError{"/change/actions",
                      "expected `actions` to be a list of Terraform actions, e.g. [\"update\"]"};
  }
  if (c["mode"] != "managed") return std::nullopt;
  std::optional<std::string> action = action_of(*list);
  const std::string& type = c["type"].get_ref<const std::string&>();
  ++context.managed;
  if (provider.empty() ? type.rfind("azurerm_", 0) != 0 : !is_azurerm_provider(provider)) {
    if (context.other_provider.empty()) context.other_provider = provider.empty() ? type : provider;
    return std::nullopt;
  }
  ++context.azurerm;
  if (action->empty()) return std::nullopt;
  PlannedChange p;
  p.input = context.input;
  p.address = c["address"].get<std::string>();
  p.deposed_key = std::move(deposed);
  p.action = *action;
  p.type = type;
  out.planned.push_back(std::move(p));
  return std::nullopt;
}

}  // namespace topoc::drift::readers
