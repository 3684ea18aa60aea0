// What is deployed, as the state readers found it: Terraform resource
// instances from states and plans, and Azure resources from Resource Graph
// exports, all described with azurerm attribute names so that one comparison
// serves every input format.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "compiler/drift/json_stream.h"
#include "compiler/drift/tags.h"
#include "compiler/drift/type_name.h"

namespace topoc::drift {

enum class StateFormat {
  kAuto,
  kShow,   // `terraform show -json` of a state
  kState,  // a raw state file, version 4
  kPlan,   // `terraform show -json PLANFILE`
  kArg,    // Azure Resource Graph or `az resource list -o json`
};

const char* to_string(StateFormat format);  // auto, show, state, plan, arg
std::optional<StateFormat> parse_state_format(std::string_view text);

enum class Origin {
  kTerraform,  // a resource instance in a state or plan
  kAzure,      // a resource found in Azure by a Resource Graph export
};

struct DeployedResource {
  size_t input = 0;  // index into DeployedState::inputs
  Origin origin = Origin::kTerraform;
  // Beside `origin`, in the padding after it: 8 bytes less per resource.
  bool tainted = false;
  // Created by Azure on behalf of another resource (a private endpoint's
  // network interface, Application Insights' smart detection rules, anything
  // with `managedBy`): not a resource anyone deployed, so never unmanaged.
  bool derived = false;
  std::string address;      // Terraform address with instance keys; empty for Azure exports
  std::string deposed_key;  // a deposed object left behind by create_before_destroy
  TypeName type;         // azurerm type, or the lower-case ARM type when topoc has no azurerm name
  std::string id;        // ARM id as given; empty when unknown
  std::string name;      // Azure name
  std::string location;  // normalised ("westeurope"); empty when the resource has none
  std::string resource_group;
  SharedTags tags;  // null: no tags attribute
  // The compared attributes under azurerm names, blocks as Terraform writes
  // them (a one-element list for a single block); identity and placement are
  // in the fields above, not repeated here. The readers leave it null when
  // they keep none.
  nlohmann::json attributes = nlohmann::json::object();
};

// A resource change of a plan other than no-op and read.
struct PlannedChange {
  size_t input = 0;
  std::string address;
  std::string deposed_key;
  std::string action;  // create, update, replace, delete
  std::string type;
};

struct StateInput {
  std::string path;
  StateFormat format = StateFormat::kAuto;  // as detected
  size_t resources = 0;                     // deployed resources read from it
  // A page of a larger Resource Graph or ARM list result: the rows it holds,
  // the result's `total_records` (0 when not given), and whether it names a
  // next page (`skip_token`, `$skipToken`, `nextLink`).
  size_t rows = 0;
  uint64_t total_records = 0;
  bool more_pages = false;
};

struct DeployedState {
  std::vector<StateInput> inputs;
  std::vector<DeployedResource> resources;
  std::vector<PlannedChange> planned;
  bool has_terraform = false;  // some input was a state or plan
  bool has_azure = false;      // some input was a Resource Graph export
};

// Reads one input into `state`. Returns the error that made the whole file
// unusable; nothing of a failed file is kept.
std::optional<ReadError> read_state_file(const std::string& path, StateFormat format,
                                         DeployedState& state);
// The same from text already in memory (tests and the fuzzer).
std::optional<ReadError> read_state_text(std::string_view display_path, std::string_view text,
                                         StateFormat format, DeployedState& state);

// Once every input is read: an error when the Resource Graph exports are
// pages of a larger result and not all of it was given. Comparing a first
// page alone would report everything on the other pages as missing.
std::optional<ReadError> check_pages_complete(const DeployedState& state);

}  // namespace topoc::drift
