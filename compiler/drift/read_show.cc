// `terraform show -json` of a state (format_version 1.x): each resource
// carries its full address, `mode`, `type`, `provider_name` and `values`;
// `tainted` and `deposed_key` mark instances that the next apply replaces or
// destroys.
#include <fmt/format.h>

#include "compiler/drift/attributes.h"
#include "compiler/drift/readers.h"

namespace topoc::drift::readers {

using json = nlohmann::json;

Route route_show_resource(const JsonPath& path, size_t from) {
  size_t depth = path.size() - from;
  if (depth == 1) return Route::kHandOver;
  const std::string& key = path[from + 1].key;
  if (depth == 2) {
    if (key == "values") return Route::kKeep;
    if (key == "address" || key == "mode" || key == "type" || key == "name" || key == "index" ||
        key == "provider_name" || key == "tainted" || key == "deposed_key") {
      return Route::kKeepAll;
    }
    return Route::kSkip;
  }
  if (depth == 3 && key == "values" && kept_terraform_attribute(path[from + 2].key)) {
    return Route::kKeepAll;
  }
  return Route::kSkip;
}

std::optional<ShapeError> read_show_resource(json& r, ReadContext& context, DeployedState& out) {
  if (!r.is_object()) return ShapeError{"", "expected a resource object"};
  for (const char* field : {"address", "mode", "type"}) {
    if (auto error = required_string(r, field)) return error;
  }
  std::string provider;
  if (auto error = optional_string(r, "provider_name", provider)) return error;
  DeployedResource d;
  if (auto error = optional_bool(r, "tainted", d.tainted)) return error;
  if (auto error = optional_string(r, "deposed_key", d.deposed_key)) return error;
  // Terraform omits `values` rather than writing null; other writers may not.
  json values;
  if (auto error = take_object(r, "values", values)) return error;
  if (r["mode"] != "managed") return std::nullopt;  // data sources describe, they do not deploy
  const std::string& type = r["type"].get_ref<const std::string&>();
  ++context.managed;
  if (provider.empty() ? type.rfind("azurerm_", 0) != 0 : !is_azurerm_provider(provider)) {
    if (context.other_provider.empty()) context.other_provider = provider.empty() ? type : provider;
    return std::nullopt;
  }
  ++context.azurerm;
  if (auto error = terraform_resource(std::move(r["address"].get_ref<std::string&>()), type,
                                      std::move(values), context.tags, d)) {
    return under("/values", *error);
  }
  d.input = context.input;
  add_resource(context, std::move(d));
  return std::nullopt;
}

}  // namespace topoc::drift::readers
