#include "compiler/estate/resource_names.h"

#include <string>

namespace topoc::estate {
namespace {

const naming::GeneratedName kMissing;

}  // namespace

ResourceNames::ResourceNames(const model::Topology& topology)
    : ResourceNames(naming::generate_names(topology)) {}

ResourceNames::ResourceNames(std::vector<naming::GeneratedName> names)
    : names_(std::make_shared<const std::vector<naming::GeneratedName>>(std::move(names))),
      by_key_(names_->size()) {
  for (size_t i = 0; i < names_->size(); ++i) by_key_.first((*names_)[i].key, i);
}

const std::string& ResourceNames::get(std::string_view key) const {
  auto at = by_key_.find(key);
  return at ? (*names_)[*at].name : kMissing.name;
}

const std::string& ResourceNames::scope(std::string_view key) const {
  auto at = by_key_.find(key);
  return at ? (*names_)[*at].scope : kMissing.scope;
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
