// Azure tags, shared: an estate's resources mostly carry the same few tag
// sets, and a private copy for each of 20,000 resources would take more
// memory than all their other attributes together.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

namespace topoc::drift {

using Tags = std::map<std::string, std::string>;
using SharedTags = std::shared_ptr<const Tags>;  // null: the resource has no tags attribute

// Hands out one shared copy per distinct tag set.
class TagPool {
 public:
  SharedTags intern(Tags tags) {
    auto probe = std::make_shared<const Tags>(std::move(tags));
    return *pool_.insert(std::move(probe)).first;
  }

 private:
  struct ByValue {
    bool operator()(const SharedTags& a, const SharedTags& b) const { return *a < *b; }
  };
  std::set<SharedTags, ByValue> pool_;
};

}  // namespace topoc::drift
