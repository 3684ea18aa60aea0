// What the topology would deploy, read from the desired-state manifest that
// the Terraform backend writes (`topoc.manifest.json`, docs/manifest.md).
// Drift depends on the manifest's JSON format only, never on the emitter's
// code, so a manifest kept from an earlier build can be compared as well.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "compiler/drift/json_stream.h"
#include "compiler/drift/type_name.h"
#include "compiler/drift/tags.h"

namespace topoc::drift {

// The manifest versions this reader understands.
inline constexpr int kManifestVersion = 1;

struct DesiredResource {
  std::string address;   // Terraform address with instance keys
  TypeName type;         // azurerm type
  std::string name;      // Azure name; empty for resources without one
  std::string location;  // normalised; "global" for Front Door and the like; empty when none
  std::string boundary;  // residency boundary; empty for global resources
  std::string resource_group;
  nlohmann::json attributes = nlohmann::json::object();  // azurerm names, blocks as objects
  SharedTags tags;                                       // only on tagged types
};

// A region of the topology: its resource group and everything in it.
struct DesiredRegion {
  std::string key;  // the region's label, the for_each key of its resource group
  std::string location;
  std::string boundary;
  std::string resource_group;
};

struct DesiredState {
  std::string source;  // the manifest or topology it came from
  int manifest_version = 0;
  std::string topology;
  std::string environment;
  std::vector<DesiredResource> resources;  // sorted by address
  std::vector<DesiredRegion> regions;      // sorted by key
  // Allowed locations per boundary, sorted: the manifest's `boundaries`
  // when it has them, else the boundary's allowed-locations policy
  // assignments, else the locations its own resources use.
  std::map<std::string, std::vector<std::string>> boundary_locations;
  // Every resource group the topology creates (lower case) and its boundary
  // ("" for the global group).
  std::map<std::string, std::string> resource_groups;

  const DesiredResource* find(std::string_view address) const;
};

// Whether text is a manifest rather than a topology: JSON starts with `{`,
// a topology never does.
bool looks_like_manifest(std::string_view text);

std::variant<DesiredState, ReadError> parse_desired_state(std::string_view display_path,
                                                          std::string_view text);
// The same, streamed from a file: a large estate's manifest is never held whole.
std::variant<DesiredState, ReadError> read_desired_state_file(const std::string& path);

}  // namespace topoc::drift
