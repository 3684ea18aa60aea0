// The first of a run of names equal to each one: for reporting names declared
// twice over tens of thousands of declarations (tenants, generated names)
// without a heap node per name, as a hash map of strings would have. Open
// addressing over the names' indexes: one table of 8-byte slots, grown by
// doubling, beside the names in the order seen.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace topoc {

class FirstSeen {
 public:
  // `expected`: about how many names will be seen; more are fine.
  explicit FirstSeen(size_t expected) {
    names_.reserve(expected);
    rehash(expected);
  }

  // The index given with the first name seen equal to `name`, if any.
  std::optional<size_t> find(std::string_view name) const {
    const Slot& slot = slots_[probe(name, hash_of(name))];
    if (slot.seen == 0) return std::nullopt;
    return names_[slot.seen - 1].index;
  }

  // The index of the first name seen equal to `name`, or `index` when
  // `name` is new (it is then remembered under `index`). `name` must stay
  // alive as long as this table.
  size_t first(std::string_view name, size_t index) {
    if (2 * (names_.size() + 1) > slots_.size()) rehash(names_.size() + 1);
    uint32_t hash = hash_of(name);
    Slot& slot = slots_[probe(name, hash)];
    if (slot.seen != 0) return names_[slot.seen - 1].index;
    names_.push_back({name, index});
    slot = {hash, static_cast<uint32_t>(names_.size())};
    return index;
  }

 private:
  struct Seen {
    std::string_view name;
    size_t index;
  };
  struct Slot {
    uint32_t hash = 0;
    uint32_t seen = 0;  // 1 + its position in names_; 0: free
  };

  static uint32_t hash_of(std::string_view name) {
    return static_cast<uint32_t>(std::hash<std::string_view>{}(name));
  }

  // The slot holding `name`, or the free slot where it would go.
  size_t probe(std::string_view name, uint32_t hash) const {
    for (size_t at = hash & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.seen == 0) return at;
      if (slot.hash == hash && names_[slot.seen - 1].name == name) return at;
    }
  }

  // At least twice `names` slots, a power of two, the names kept.
  void rehash(size_t names) {
    size_t capacity = 16;
    while (capacity < 2 * names + 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (size_t i = 0; i < names_.size(); ++i) {
      uint32_t hash = hash_of(names_[i].name);
      size_t at = hash & mask_;
      while (slots_[at].seen != 0) at = (at + 1) & mask_;
      slots_[at] = {hash, static_cast<uint32_t>(i + 1)};
    }
  }

  std::vector<Seen> names_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

}  // namespace topoc
