// The per-format halves of the state readers, shared by read_state_file.cc:
// how each format routes its JSON paths (what to keep) and how it turns one
// complete resource into DeployedResources. Paths are relative to the
// resource value handed over.
#pragma once

#include <optional>
#include <string>

#include "compiler/drift/deployed_state.h"
#include "compiler/drift/json_stream.h"

namespace topoc::drift::readers {

// A value that does not have the shape its format documents.
struct ShapeError {
  std::string pointer;  // relative to the resource, e.g. "/type"
  std::string message;
};

// What reading one input needs besides its JSON: where the resources go, and
// counts that tell an azurerm state from one of another provider.
struct ReadContext {
  size_t input = 0;
  size_t managed = 0;  // managed resources of any provider
  size_t azurerm = 0;
  std::string other_provider;  // the first provider that is not azurerm
  TagPool tags;
};

// Whether a provider address or name ("registry.terraform.io/hashicorp/azurerm",
// `provider["registry.terraform.io/hashicorp/azurerm"].west`) is azurerm.
bool is_azurerm_provider(std::string_view provider);

// `["eu"]` or `[0]` as Terraform writes instance keys in addresses.
std::optional<std::string> instance_key(const nlohmann::json& key);

// Fields of untrusted input: empty or false when absent or of another type.
std::string string_field(const nlohmann::json& object, std::string_view key);
bool bool_field(const nlohmann::json& object, std::string_view key);

// A Terraform resource instance from its address, type and (filtered)
// attribute values: identity and placement taken from the attributes, which
// are normalised to the manifest's spelling.
DeployedResource terraform_resource(std::string address, std::string type, nlohmann::json values,
                                    TagPool& tags);

// The tags of a Terraform or ARM resource: null when it has no `tags`
// attribute, empty when it is null.
SharedTags tags_of(const nlohmann::json& object, TagPool& pool);

// `terraform show -json`: resources under values.root_module (and a plan's
// prior_state), child modules nested to any depth.
Route route_show_resource(const JsonPath& path, size_t from);
std::optional<ShapeError> read_show_resource(const nlohmann::json& r, ReadContext& context,
                                             DeployedState& out);

// A raw state file, version 4: one entry per resource, its instances inside.
Route route_state_resource(const JsonPath& path, size_t from);
std::optional<ShapeError> read_state_resource(const nlohmann::json& r, ReadContext& context,
                                              DeployedState& out);

// A plan's resource_changes.
Route route_plan_change(const JsonPath& path, size_t from);
std::optional<ShapeError> read_plan_change(const nlohmann::json& c, ReadContext& context,
                                           DeployedState& out);

// One resource of an Azure Resource Graph or `az resource list` export.
Route route_arm_resource(const JsonPath& path, size_t from);
std::optional<ShapeError> read_arm_resource(const nlohmann::json& r, ReadContext& context,
                                            DeployedState& out);

}  // namespace topoc::drift::readers
