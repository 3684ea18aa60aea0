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
  // Looked up before anything is copied: most tag sets are already pooled.
  SharedTags intern(const Tags& tags) {
    if (auto it = pool_.find(tags); it != pool_.end()) return *it;
    return *pool_.insert(std::make_shared<const Tags>(tags)).first;
  }
  SharedTags intern(Tags&& tags) {
    if (auto it = pool_.find(tags); it != pool_.end()) return *it;
    return *pool_.insert(std::make_shared<const Tags>(std::move(tags))).first;
  }

 private:
  struct ByValue {
    using is_transparent = void;
    bool operator()(const SharedTags& a, const SharedTags& b) const { return *a < *b; }
    bool operator()(const SharedTags& a, const Tags& b) const { return *a < b; }
    bool operator()(const Tags& a, const SharedTags& b) const { return a < *b; }
  };
  std::set<SharedTags, ByValue> pool_;
};

}  // namespace topoc::drift
