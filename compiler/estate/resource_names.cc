#include "compiler/estate/resource_names.h"

#include <string>

namespace topoc::estate {
namespace {

const naming::GeneratedName kMissing;

}  // namespace

ResourceNames::ResourceNames(const model::Topology& topology)
    : ResourceNames(naming::generate_names(topology)) {}

ResourceNames::ResourceNames(std::vector<naming::GeneratedName> names) {
  names_.reserve(names.size());
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
  // Asked for most resources of every region: the key is built in a buffer
  // kept from call to call.
  thread_local std::string key;
  key.assign("region.");
  key += region_key;
  key += '.';
  key += what;
  return get(key);
}

}  // namespace topoc::estate
