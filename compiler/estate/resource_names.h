// The Azure names of everything the Terraform backend creates, looked up by
// the naming module's keys ("region.eu.aks", "boundary.eu.data.cosmos", ...).
// Names come from compiler/naming so `topoc check` (which validates them)
// and the emitted Terraform always agree; this class only indexes them.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/model/topology.h"
#include "compiler/naming/names.h"

namespace topoc::estate {

class ResourceNames {
 public:
  explicit ResourceNames(const model::Topology& topology);
  // Names `naming::generate_names` already made for the topology.
  explicit ResourceNames(std::vector<naming::GeneratedName> names);

  // The name under `key`; an empty string for a key the naming module does
  // not produce (a bug in the emitter, caught by the golden tests).
  const std::string& get(std::string_view key) const;
  // Where the name is unique: for most resources, their resource group.
  const std::string& scope(std::string_view key) const;
  const std::string& region(std::string_view region_key, std::string_view what) const;

 private:
  // Looked up by a view: hashing beats the map's many string comparisons.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  std::unordered_map<std::string, naming::GeneratedName, KeyHash, std::equal_to<>> names_;
};

}  // namespace topoc::estate
