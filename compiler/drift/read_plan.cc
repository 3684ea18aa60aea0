// `terraform show -json PLANFILE` (format_version 1.x): `resource_changes`
// lists what an apply would do per resource instance. What is deployed comes
// from the plan's `prior_state` (read like a `show -json` state); the changes
// become PlannedChanges that drift reports in topology terms.
#include <fmt/format.h>

#include "compiler/drift/readers.h"

namespace topoc::drift::readers {

using json = nlohmann::json;

namespace {

// create, update, replace, delete, forget; empty for no-op and read.
std::optional<std::string> action_of(const json& actions) {
  if (!actions.is_array() || actions.empty()) return std::nullopt;
  std::vector<std::string> list;
  for (const json& a : actions) {
    if (!a.is_string()) return std::nullopt;
    list.push_back(a.get<std::string>());
  }
  if (list.size() == 2) {
    bool replace = (list[0] == "delete" && list[1] == "create") ||
                   (list[0] == "create" && list[1] == "delete");
    if (replace) return "replace";
    return std::nullopt;
  }
  if (list.size() != 1) return std::nullopt;
  const std::string& a = list[0];
  if (a == "no-op" || a == "read") return "";
  if (a == "create" || a == "update" || a == "delete" || a == "forget") return a;
  return std::nullopt;
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
    auto it = c.find(field);
    if (it == c.end() || !it->is_string()) {
      return ShapeError{fmt::format("/{}", field),
                        fmt::format("expected `{}` to be a string", field)};
    }
  }
  auto change = c.find("change");
  if (change == c.end() || !change->is_object()) {
    return ShapeError{"/change", "expected `change` to be an object"};
  }
  auto actions = change->find("actions");
  std::optional<std::string> action = actions == change->end() ? std::nullopt : action_of(*actions);
  if (!action) {
    return ShapeError{
        "/change/actions",
        "expected `actions` to be one of Terraform's action lists, e.g. [\"update\"]"};
  }
  if (c["mode"] != "managed") return std::nullopt;
  const std::string& type = c["type"].get_ref<const std::string&>();
  std::string provider = string_field(c, "provider_name");
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
  p.deposed_key = string_field(c, "deposed");
  p.action = *action;
  p.type = type;
  out.planned.push_back(std::move(p));
  return std::nullopt;
}

}  // namespace topoc::drift::readers
