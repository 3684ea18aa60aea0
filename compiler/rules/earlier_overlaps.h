// Which earlier blocks of a list overlap each block in turn, for the rules
// that report every overlapping pair (N002, N005) in list order. Comparing
// every pair is quadratic in regions or subnets; CIDR blocks either nest or
// are disjoint, so the blocks overlapping X are those containing it (at most
// one per prefix length, found by hashing) and those starting inside it (a
// range of a sorted index). Blocks are networks (host bits clear), as
// model::parse_cidr and model::nth_subnet make them.
#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "compiler/model/network.h"

namespace topoc::rules {

class EarlierOverlaps {
 public:
  // `groups[i]` (when given) puts blocks in groups whose members are never
  // reported against each other: a subnet declared twice is M003, not N005.
  explicit EarlierOverlaps(std::vector<model::Cidr> blocks, std::vector<uint32_t> groups = {});

  // The i < j whose blocks overlap block j, ascending. Calls for j must not
  // go back (list and count alike).
  std::vector<size_t> list(size_t j);
  // How many list(j) would return, without listing them: O(log n).
  size_t count(size_t j);

 private:
  // Counts over sorted distinct addresses: point updates, prefix sums.
  class Counter {
   public:
    explicit Counter(std::vector<uint32_t> addresses);
    void add(uint32_t address);
    size_t in_range(uint32_t first, uint32_t last) const;  // addresses in [first, last]

   private:
    size_t below(uint64_t address) const;  // counted addresses < address
    std::vector<uint32_t> addresses_;
    std::vector<size_t> tree_;
  };

  using Key = std::pair<uint32_t, int>;  // address, prefix
  void advance(size_t j);
  bool excluded(size_t i, size_t j) const { return !groups_.empty() && groups_[i] == groups_[j]; }
  size_t count_in(const std::map<Key, std::vector<size_t>>& by_block, const Counter& counter,
                  const model::Cidr& x) const;

  std::vector<model::Cidr> blocks_;
  std::vector<uint32_t> groups_;
  size_t next_ = 0;  // blocks [0, next_) are indexed
  std::map<Key, std::vector<size_t>> by_block_;
  Counter all_;
  // The same per group, to subtract a block's own group from its count.
  std::vector<std::map<Key, std::vector<size_t>>> group_blocks_;
  std::vector<Counter> group_counters_;
};

}  // namespace topoc::rules
