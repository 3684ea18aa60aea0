// The Azure names of everything the Terraform backend creates, looked up by
// the naming module's keys ("region.eu.aks", "boundary.eu.data.cosmos", ...).
// Names come from compiler/naming so `topoc check` (which validates them)
// and the emitted Terraform always agree; this class only indexes them.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/topology.h"
#include "compiler/naming/names.h"
#include "compiler/text/first_seen.h"

namespace topoc::estate {

class ResourceNames {
 public:
  explicit ResourceNames(const model::Topology& topology);
  // Names `naming::generate_names` already made for the topology.
  explicit ResourceNames(std::vector<naming::GeneratedName> names);

  // Every name, in the order generate_names made them. Copies share them,
  // and a holder of shared() keeps them after every copy is gone.
  std::span<const naming::GeneratedName> all() const { return *names_; }
  std::shared_ptr<const std::vector<naming::GeneratedName>> shared() const { return names_; }

  // The name under `key`; an empty string for a key the naming module does
  // not produce (a bug in the emitter, caught by the golden tests).
  const std::string& get(std::string_view key) const;
  // Where the name is unique: for most resources, their resource group.
  const std::string& scope(std::string_view key) const;
  const std::string& region(std::string_view region_key, std::string_view what) const;

 private:
  std::shared_ptr<const std::vector<naming::GeneratedName>> names_;
  // The first of names_ under each key, by a view of that name's key.
  FirstSeen by_key_{0};
};

}  // namespace topoc::estate
