#include "compiler/estate/resource_names.h"

#include <fmt/format.h>

namespace topoc::estate {
namespace {

const naming::GeneratedName kMissing;

}  // namespace

ResourceNames::ResourceNames(const model::Topology& topology)
    : ResourceNames(naming::generate_names(topology)) {}

ResourceNames::ResourceNames(std::vector<naming::GeneratedName> names) {
  for (naming::GeneratedName& n : names) {
    std::string key = n.key;
    names_.emplace(std::move(key), std::move(n));
  }
}

const std::string& ResourceNames::get(std::string_view key) const {
  auto it = names_.find(key);
  return it == names_.end() ? kMissing.name : it->second.name;
}

const std::string& ResourceNames::scope(std::string_view key) const {
  auto it = names_.find(key);
  return it == names_.end() ? kMissing.scope : it->second.scope;
}

const std::string& ResourceNames::region(std::string_view region_key, std::string_view what) const {
  return get(fmt::format("region.{}.{}", region_key, what));
}

}  // namespace topoc::estate
