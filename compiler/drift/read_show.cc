// `terraform show -json` of a state (format_version 1.x): each resource
// carries its full address, `mode`, `type`, `provider_name` and `values`;
// `tainted` and `deposed_key` mark instances that the next apply replaces or
// destroys.
#include <fmt/format.h>

#include "compiler/drift/attributes.h"
#include "compiler/drift/readers.h"

namespace topoc::drift::readers {

using json = nlohmann::json;

namespace {

bool is_captured_resource_field(std::string_view key) {
  return key == "address" || key == "mode" || key == "type" || key == "provider_name" ||
         key == "deposed_key";
}

CapturedString* resource_field(ShowFields& f, std::string_view key) {
  if (key == "address") return &f.address;
  if (key == "mode") return &f.mode;
  if (key == "type") return &f.type;
  if (key == "provider_name") return &f.provider_name;
  if (key == "deposed_key") return &f.deposed_key;
  return nullptr;
}

CapturedString* values_field(ShowFields& f, std::string_view key) {
  if (key == "id") return &f.id;
  if (key == "name") return &f.name;
  if (key == "location") return &f.location;
  if (key == "resource_group_name") return &f.resource_group_name;
  if (key == "resource_group_id") return &f.resource_group_id;
  return nullptr;
}

}  // namespace

Route route_show_resource(const JsonPath& path, size_t from, ShowFields& fields) {
  size_t depth = path.size() - from;
  if (depth == 1) {
    fields.clear();
    fields.depth = path.size();
    return Route::kHandOver;
  }
  const std::string& key = path[from + 1].key;
  if (depth == 2) {
    if (key == "values") {
      // A second `values` replaces the first, as in the kept JSON.
      fields.clear_values();
      return Route::kKeep;
    }
    if (is_captured_resource_field(key)) return Route::kCapture;
    if (key == "tainted") return Route::kKeepAll;
    return Route::kSkip;
  }
  if (key != "values") return Route::kSkip;
  const std::string& attribute = path[from + 2].key;
  if (depth == 3) {
    if (values_field(fields, attribute)) return Route::kCapture;
    if (attribute == "tags") {
      fields.tags.clear();
      return Route::kKeep;
    }
    return kept_terraform_attribute(attribute) ? Route::kKeepAll : Route::kSkip;
  }
  if (depth == 4 && attribute == "tags") return Route::kCapture;
  return Route::kSkip;
}

void capture_show_field(const JsonPath& path, Captured kind, std::string_view text,
                        ShowFields& fields) {
  size_t depth = path.size() - fields.depth;
  const PathSegment& last = path.back();
  if (depth == 1) {
    if (CapturedString* field = resource_field(fields, last.key)) field->set(kind, text);
  } else if (depth == 2) {
    if (CapturedString* field = values_field(fields, last.key)) field->set(kind, text);
  } else if (depth == 3 && !last.index) {
    fields.tags.set(last.key, kind, text);  // an array's elements: `tags` is refused whole
  }
}

std::optional<ShapeError> read_show_resource(json& r, ReadContext& context, DeployedState& out) {
  if (!r.is_object()) return ShapeError{"", "expected a resource object"};
  ShowFields& f = context.show;
  for (auto [key, field] :
       {std::pair{"address", &f.address}, std::pair{"mode", &f.mode}, std::pair{"type", &f.type}}) {
    if (auto error = required_string(*field, key)) return error;
  }
  std::string provider;
  if (auto error = optional_string(f.provider_name, "provider_name", provider)) return error;
  DeployedResource d;
  if (auto error = optional_bool(r, "tainted", d.tainted)) return error;
  if (auto error = optional_string(f.deposed_key, "deposed_key", d.deposed_key)) return error;
  // Terraform omits `values` rather than writing null; other writers may not.
  json values;
  if (auto error = take_object(r, "values", values)) return error;
  if (f.mode.text != "managed") return std::nullopt;  // data sources describe, they do not deploy
  const std::string& type = f.type.text;
  ++context.managed;
  if (provider.empty() ? type.rfind("azurerm_", 0) != 0 : !is_azurerm_provider(provider)) {
    if (context.other_provider.empty()) context.other_provider = provider.empty() ? type : provider;
    return std::nullopt;
  }
  ++context.azurerm;
  if (auto error = terraform_resource(std::move(f.address.text), type, std::move(values), f,
                                      context.tags, d)) {
    return under("/values", *error);
  }
  d.input = context.input;
  add_resource(context, std::move(d));
  return std::nullopt;
}

}  // namespace topoc::drift::readers
