// A raw Terraform state file, version 4 (Terraform 0.12 and later): one entry
// per resource block with `module`, `mode`, `type`, `name` and `provider`,
// and its instances inside, each with an `index_key` (count index or for_each
// key), a `status` of "tainted" when the next apply replaces it, and a
// `deposed` key for objects that create_before_destroy left behind.
#include <fmt/format.h>

#include "compiler/drift/attributes.h"
#include "compiler/drift/readers.h"

namespace topoc::drift::readers {

using json = nlohmann::json;

Route route_state_resource(const JsonPath& path, size_t from) {
  size_t depth = path.size() - from;
  if (depth == 1) return Route::kHandOver;
  const PathSegment& field = path[from + 1];
  if (depth == 2) {
    if (field.key == "instances") return Route::kKeep;
    if (field.key == "module" || field.key == "mode" || field.key == "type" ||
        field.key == "name" || field.key == "provider") {
      return Route::kKeepAll;
    }
    return Route::kSkip;
  }
  if (field.key != "instances") return Route::kSkip;
  if (depth == 3) return Route::kKeep;
  const std::string& key = path[from + 3].key;
  if (depth == 4) {
    if (key == "attributes") return Route::kKeep;
    if (key == "index_key" || key == "status" || key == "deposed") return Route::kKeepAll;
    return Route::kSkip;
  }
  if (depth == 5 && key == "attributes" && kept_terraform_attribute(path[from + 4].key)) {
    return Route::kKeepAll;
  }
  return Route::kSkip;
}

std::optional<ShapeError> read_state_resource(const json& r, ReadContext& context,
                                              DeployedState& out) {
  if (!r.is_object()) return ShapeError{"", "expected a resource object"};
  for (const char* field : {"mode", "type", "name"}) {
    auto it = r.find(field);
    if (it == r.end() || !it->is_string()) {
      return ShapeError{fmt::format("/{}", field),
                        fmt::format("expected `{}` to be a string", field)};
    }
  }
  auto instances = r.find("instances");
  if (instances == r.end() || !instances->is_array()) {
    return ShapeError{"/instances", "expected `instances` to be an array"};
  }
  if (r["mode"] != "managed") return std::nullopt;
  const std::string& type = r["type"].get_ref<const std::string&>();
  std::string provider = string_field(r, "provider");
  context.managed += instances->size();
  if (provider.empty() ? type.rfind("azurerm_", 0) != 0 : !is_azurerm_provider(provider)) {
    if (context.other_provider.empty()) context.other_provider = provider.empty() ? type : provider;
    return std::nullopt;
  }
  context.azurerm += instances->size();
  std::string module = string_field(r, "module");
  std::string base = fmt::format("{}{}{}.{}", module, module.empty() ? "" : ".", type,
                                 r["name"].get_ref<const std::string&>());
  for (size_t i = 0; i < instances->size(); ++i) {
    const json& instance = (*instances)[i];
    if (!instance.is_object()) {
      return ShapeError{fmt::format("/instances/{}", i), "expected an instance object"};
    }
    std::string address = base;
    if (auto key = instance.find("index_key"); key != instance.end() && !key->is_null()) {
      auto text = instance_key(*key);
      if (!text) {
        return ShapeError{fmt::format("/instances/{}/index_key", i),
                          "expected `index_key` to be a number or a string"};
      }
      address += *text;
    }
    json attributes = instance.contains("attributes") && !instance["attributes"].is_null()
                          ? instance["attributes"]
                          : json::object();
    if (!attributes.is_object()) {
      return ShapeError{fmt::format("/instances/{}/attributes", i),
                        "expected `attributes` to be an object"};
    }
    DeployedResource d =
        terraform_resource(std::move(address), type, std::move(attributes), context.tags);
    d.input = context.input;
    d.tainted = string_field(instance, "status") == "tainted";
    d.deposed_key = string_field(instance, "deposed");
    out.resources.push_back(std::move(d));
  }
  return std::nullopt;
}

}  // namespace topoc::drift::readers
