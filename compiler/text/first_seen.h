// The first of a run of names equal to each one: for reporting names declared
// twice over tens of thousands of declarations (tenants, generated names)
// without a heap node per name, as a hash map of strings would have. Open
// addressing over the names' indexes: one table, grown by doubling.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace topoc {

class FirstSeen {
 public:
  // `expected`: about how many names will be seen; more are fine.
  explicit FirstSeen(size_t expected) { rehash(expected); }

  // The index of the first name seen equal to `name`, or `index` when
  // `name` is new (it is then remembered under `index`). `name` must stay
  // alive as long as this table.
  size_t first(std::string_view name, size_t index) {
    if (2 * (size_ + 1) > slots_.size()) rehash(size_ + 1);
    size_t hash = std::hash<std::string_view>{}(name);
    for (size_t at = hash & mask_;; at = (at + 1) & mask_) {
      Slot& slot = slots_[at];
      if (!slot.used) {
        slot = {name, hash, index, true};
        ++size_;
        return index;
      }
      if (slot.hash == hash && slot.name == name) return slot.index;
    }
  }

 private:
  struct Slot {
    std::string_view name;
    size_t hash = 0;
    size_t index = 0;
    bool used = false;
  };

  // At least twice `names` slots, a power of two, the names kept.
  void rehash(size_t names) {
    size_t capacity = 16;
    while (capacity < 2 * names + 2) capacity *= 2;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const Slot& s : old) {
      if (!s.used) continue;
      size_t at = s.hash & mask_;
      while (slots_[at].used) at = (at + 1) & mask_;
      slots_[at] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace topoc
