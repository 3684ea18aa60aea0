#include "compiler/estate/resource_names.h"

#include <string>

namespace topoc::estate {
namespace {

const naming::GeneratedName kMissing;

}  // namespace

ResourceNames::ResourceNames(const model::Topology& topology)
    : ResourceNames(naming::generate_names(topology)) {}

ResourceNames::ResourceNames(std::vector<naming::GeneratedName> names)
    : names_(std::make_shared<const std::vector<naming::GeneratedName>>(std::move(names))) {
  by_key_.reserve(names_->size());
  for (size_t i = 0; i < names_->size(); ++i) by_key_.emplace((*names_)[i].key, i);
}

const std::string& ResourceNames::get(std::string_view key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? kMissing.name : (*names_)[it->second].name;
}

const std::string& ResourceNames::scope(std::string_view key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? kMissing.scope : (*names_)[it->second].scope;
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
