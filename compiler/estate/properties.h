// A resource's properties built key by key, for the planners of resources a
// big estate has thousands of (containers, peerings, zone links, endpoints).
//
// nlohmann::json's initializer-list constructor first builds every
// `{"key", value}` pair as a two-element array, then checks that all of them
// are pairs and moves each into the object: several allocations a key. On
// the bench topology (bench/README.md) that was a third of planning the
// estate. Props puts each value straight into the object:
//
//   add_resource(e, key, type, name, location, boundary, rg,
//                Props().set("address_space", json::array_t{cidr}).set("tagged", true),
//                true);
//
// The result is the object the initializer list would have made: keys are
// kept sorted as in every nlohmann::json object, and a key set twice keeps
// its last value.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

namespace topoc::estate {

class Props {
 public:
  Props& set(std::string_view key, nlohmann::json value) & {
    object_.insert_or_assign(std::string(key), std::move(value));
    return *this;
  }
  Props&& set(std::string_view key, nlohmann::json value) && {
    return std::move(set(key, std::move(value)));
  }

  // Where a resource's properties are taken: add_resource and add_regional.
  operator nlohmann::json() && { return nlohmann::json(std::move(object_)); }

 private:
  nlohmann::json::object_t object_;
};

}  // namespace topoc::estate
