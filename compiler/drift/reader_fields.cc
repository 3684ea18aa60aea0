// Helpers every state reader shares: provider names, instance keys, safe
// field access on untrusted JSON, and the DeployedResource of a Terraform
// resource instance.
#include <fmt/format.h>

#include "compiler/drift/attributes.h"
#include "compiler/drift/readers.h"

namespace topoc::drift::readers {

using json = nlohmann::json;

bool is_azurerm_provider(std::string_view provider) {
  // Mirrors and private registries keep the type name last.
  if (provider == "azurerm" || provider.find("/azurerm\"]") != std::string_view::npos ||
      (provider.size() >= 8 && provider.substr(provider.size() - 8) == "/azurerm")) {
    return true;
  }
  // Terraform 0.12 states: `provider.azurerm`, with an alias
  // (`provider.azurerm.west`) or inside a module (`module.m.provider.azurerm`).
  constexpr std::string_view kLegacy = "provider.azurerm";
  for (size_t at = provider.find(kLegacy); at != std::string_view::npos;
       at = provider.find(kLegacy, at + 1)) {
    size_t end = at + kLegacy.size();
    if ((at == 0 || provider[at - 1] == '.') && (end == provider.size() || provider[end] == '.')) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> instance_key(const json& key) {
  if (key.is_number_integer() || key.is_number_unsigned()) return fmt::format("[{}]", key.dump());
  if (!key.is_string()) return std::nullopt;
  std::string out = "[\"";
  for (char c : key.get_ref<const std::string&>()) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += "\"]";
  return out;
}

std::string string_field(const json& object, std::string_view key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

bool bool_field(const json& object, std::string_view key) {
  if (!object.is_object()) return false;
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

SharedTags tags_of(const json& values, TagPool& pool) {
  auto it = values.find("tags");
  if (it == values.end()) return nullptr;
  Tags tags;
  if (it->is_object()) {
    for (const auto& [k, v] : it->items())
      tags[k] = v.is_string() ? v.get<std::string>() : v.dump();
  }
  return pool.intern(std::move(tags));
}

DeployedResource terraform_resource(std::string address, std::string type, json values,
                                    TagPool& pool) {
  normalise_attributes(type, values);
  DeployedResource d;
  d.origin = Origin::kTerraform;
  d.address = std::move(address);
  d.type = std::move(type);
  d.id = string_field(values, "id");
  d.name = string_field(values, "name");
  d.location = string_field(values, "location");
  d.resource_group = string_field(values, "resource_group_name");
  if (d.resource_group.empty()) {
    d.resource_group = resource_group_of_id(string_field(values, "resource_group_id"));
  }
  if (d.resource_group.empty() && d.type != "azurerm_resource_group") {
    d.resource_group = resource_group_of_id(d.id);
  }
  d.tags = tags_of(values, pool);
  strip_identity(values);
  d.attributes = std::move(values);
  return d;
}

}  // namespace topoc::drift::readers
