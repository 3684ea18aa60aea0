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
    if (auto error = required_string(r, field)) return error;
  }
  std::string provider, module;
  if (auto error = optional_string(r, "provider", provider)) return error;
  if (auto error = optional_string(r, "module", module)) return error;
  auto instances = r.find("instances");
  if (instances == r.end() || !instances->is_array()) {
    return ShapeError{"/instances", "expected `instances` to be an array"};
  }
  // Every instance is checked, data sources' too: a wrong shape anywhere
  // means the file is not what it claims to be.
  std::vector<DeployedResource> read(instances->size());
  std::vector<json> attributes(instances->size());
  for (size_t i = 0; i < instances->size(); ++i) {
    const json& instance = (*instances)[i];
    std::string at = fmt::format("/instances/{}", i);
    if (!instance.is_object()) return ShapeError{at, "expected an instance object"};
    std::string status;
    DeployedResource& d = read[i];
    for (auto [key, field] : {std::pair{"status", &status}, std::pair{"deposed", &d.deposed_key}}) {
      if (auto error = optional_string(instance, key, *field)) return under(at, *error);
    }
    d.tainted = status == "tainted";
    if (auto key = instance.find("index_key"); key != instance.end() && !key->is_null()) {
      auto text = instance_key(*key);
      if (!text) {
        return ShapeError{at + "/index_key", "expected `index_key` to be a number or a string"};
      }
      d.address = *text;
    }
    if (auto error = optional_object(instance, "attributes", attributes[i]))
      return under(at, *error);
  }
  if (r["mode"] != "managed") return std::nullopt;
  const std::string& type = r["type"].get_ref<const std::string&>();
  context.managed += instances->size();
  if (provider.empty() ? type.rfind("azurerm_", 0) != 0 : !is_azurerm_provider(provider)) {
    if (context.other_provider.empty()) context.other_provider = provider.empty() ? type : provider;
    return std::nullopt;
  }
  context.azurerm += instances->size();
  std::string base = fmt::format("{}{}{}.{}", module, module.empty() ? "" : ".", type,
                                 r["name"].get_ref<const std::string&>());
  for (size_t i = 0; i < read.size(); ++i) {
    DeployedResource& d = read[i];
    if (auto error =
            terraform_resource(base + d.address, type, std::move(attributes[i]), context.tags, d)) {
      return under(fmt::format("/instances/{}/attributes", i), *error);
    }
    d.input = context.input;
    add_resource(context, std::move(d));
  }
  return std::nullopt;
}

}  // namespace topoc::drift::readers
