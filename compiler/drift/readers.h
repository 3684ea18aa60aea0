// The per-format halves of the state readers, shared by read_state_file.cc:
// how each format routes its JSON paths (what to keep) and how it turns one
// complete resource into DeployedResources. Paths are relative to the
// resource value handed over.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "compiler/drift/deployed_state.h"
#include "compiler/drift/json_stream.h"

namespace topoc::drift::readers {

// A value that does not have the shape its format documents.
struct ShapeError {
  std::string pointer;  // relative to the resource, e.g. "/type"
  std::string message;
};

// The resources read from one input, in chunks that never move. A vector
// grown while reading holds its old and new arrays together at each growth,
// and at 20,000 resources that was the peak of reading a large state; the
// chunks are moved into the estate's vector once the input is read, each
// freed as soon as it is empty.
class ReadResources {
 public:
  void push_back(DeployedResource resource);
  size_t size() const { return size_; }
  DeployedResource& operator[](size_t i) { return chunks_[i / kChunk][i % kChunk]; }
  DeployedResource& back() { return (*this)[size_ - 1]; }
  // Appends them all to `out`, leaving this empty.
  void move_into(std::vector<DeployedResource>& out);

 private:
  static constexpr size_t kChunk = 1024;
  std::vector<std::vector<DeployedResource>> chunks_;
  size_t size_ = 0;
};

// A string field of untrusted input that the parser handed over as it read
// it (Route::kCapture) instead of keeping it in the resource's JSON.
struct CapturedString {
  enum class State : uint8_t { kAbsent, kString, kNull, kOther };
  State state = State::kAbsent;
  std::string text;

  void set(Captured kind, std::string_view value);
  void clear() { state = State::kAbsent; }
};

// The string values of a captured `tags` object, by key, and the keys whose
// value was anything but a string (a shape error, reported for the first
// key in order as a walk over the object would find it).
struct CapturedTags {
  Tags strings;
  std::set<std::string> others;

  void set(std::string_view key, Captured kind, std::string_view value);
  void clear() {
    strings.clear();
    others.clear();
  }
};

// The fields of a `show -json` resource that are captured while it is read:
// what identifies and places it. `values.tags` stays in the kept JSON as an
// empty object (or whatever else it was), its entries captured.
struct ShowFields {
  size_t depth = 0;  // the length of the resource's own JSON path
  CapturedString address, mode, type, provider_name, deposed_key;
  // Under `values`.
  CapturedString id, name, location, resource_group_name, resource_group_id;
  CapturedTags tags;

  void clear_values() {
    for (CapturedString* s : {&id, &name, &location, &resource_group_name, &resource_group_id}) {
      s->clear();
    }
    tags.clear();
  }
  void clear() {
    for (CapturedString* s : {&address, &mode, &type, &provider_name, &deposed_key}) s->clear();
    clear_values();
  }
};

// What reading one input needs besides its JSON: where the resources go, and
// counts that tell an azurerm state from one of another provider.
struct ReadContext {
  ReadResources resources;
  size_t input = 0;
  size_t managed = 0;  // managed resources of any provider
  size_t azurerm = 0;
  std::string other_provider;  // the first provider that is not azurerm
  TagPool tags;
  ShowFields show;  // the `show -json` resource being read
};

// Whether a provider address or name ("registry.terraform.io/hashicorp/azurerm",
// `provider["registry.terraform.io/hashicorp/azurerm"].west`) is azurerm.
bool is_azurerm_provider(std::string_view provider);

// `["eu"]` or `[0]`: an instance key as Terraform writes it in addresses,
// strings in HCL's quoting (`\t`, `\n`, `\"`, `$${`, `\u0001`), so that a
// raw state's keys spell addresses as `terraform show -json` does.
std::optional<std::string> instance_key(const nlohmann::json& key);

// Text of untrusted input made fit for a one-line message: control
// characters written as JSON escapes.
std::string printable(std::string_view text);

// Fields of untrusted input. Absent and null read as empty or false; any
// other type than the one documented is a ShapeError at `/key`.
std::optional<ShapeError> optional_string(const nlohmann::json& object, std::string_view key,
                                          std::string& out);
std::optional<ShapeError> optional_bool(const nlohmann::json& object, std::string_view key,
                                        bool& out);
std::optional<ShapeError> required_string(const nlohmann::json& object, std::string_view key);
// The same checks on a captured field; `key` names it in the error.
std::optional<ShapeError> optional_string(CapturedString& field, std::string_view key,
                                          std::string& out);
std::optional<ShapeError> required_string(const CapturedString& field, std::string_view key);
// A string field where any other type reads as empty: for the nested ARM
// values that are translated into compared attributes, not relied upon.
std::string string_field(const nlohmann::json& object, std::string_view key);
// An object field, absent or null read as an empty object.
std::optional<ShapeError> optional_object(const nlohmann::json& object, std::string_view key,
                                          nlohmann::json& out);

// optional_object() that moves the field out of `object` instead of copying it.
std::optional<ShapeError> take_object(nlohmann::json& object, std::string_view key,
                                      nlohmann::json& out);

// The same error seen from a value further out: `prefix` goes before its
// pointer.
ShapeError under(std::string_view prefix, ShapeError error);

// A Terraform resource instance from its address, type and (filtered)
// attribute values: identity and placement taken from the attributes, which
// are normalised to the manifest's spelling. Errors point into the values.
std::optional<ShapeError> terraform_resource(std::string address, std::string type,
                                             nlohmann::json values, TagPool& tags,
                                             DeployedResource& out);

// The same for a `show -json` resource whose identity, placement and tags
// were captured into `fields` while `values` was read.
std::optional<ShapeError> terraform_resource(std::string address, std::string type,
                                             nlohmann::json values, ShowFields& fields,
                                             TagPool& tags, DeployedResource& out);

// Adds a resource read to the context's resources.
void add_resource(ReadContext& context, DeployedResource resource);

// The tags of a Terraform or ARM resource: null when it has no `tags`
// attribute, empty when it is null; anything but an object of strings is a
// ShapeError.
std::optional<ShapeError> tags_of(const nlohmann::json& object, TagPool& pool, SharedTags& out);

// `terraform show -json`: resources under values.root_module (and a plan's
// prior_state), child modules nested to any depth. Identity, placement and
// tags are captured into `fields`, which a resource's start clears.
Route route_show_resource(const JsonPath& path, size_t from, ShowFields& fields);
void capture_show_field(const JsonPath& path, Captured kind, std::string_view text,
                        ShowFields& fields);
// Takes the resource's values out of `r` and its captured fields out of
// context.show.
std::optional<ShapeError> read_show_resource(nlohmann::json& r, ReadContext& context,
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
