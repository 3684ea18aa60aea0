#include "compiler/rules/earlier_overlaps.h"

#include <algorithm>

namespace topoc::rules {
namespace {

uint32_t mask(int prefix) {
  return prefix == 0 ? 0 : ~uint32_t{0} << (32 - prefix);
}

std::vector<uint32_t> sorted_unique(std::vector<uint32_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

EarlierOverlaps::Counter::Counter(std::vector<uint32_t> addresses)
    : addresses_(sorted_unique(std::move(addresses))), tree_(addresses_.size() + 1, 0) {}

void EarlierOverlaps::Counter::add(uint32_t address) {
  size_t at = std::lower_bound(addresses_.begin(), addresses_.end(), address) - addresses_.begin();
  for (size_t k = at + 1; k < tree_.size(); k += k & (~k + 1)) ++tree_[k];
}

size_t EarlierOverlaps::Counter::below(uint64_t address) const {
  size_t n = std::lower_bound(addresses_.begin(), addresses_.end(), address,
                              [](uint32_t a, uint64_t b) { return a < b; }) -
             addresses_.begin();
  size_t sum = 0;
  for (size_t k = n; k > 0; k -= k & (~k + 1)) sum += tree_[k];
  return sum;
}

size_t EarlierOverlaps::Counter::in_range(uint32_t first, uint32_t last) const {
  return below(uint64_t{last} + 1) - below(first);
}

EarlierOverlaps::EarlierOverlaps(std::vector<model::Cidr> blocks, std::vector<uint32_t> groups)
    : blocks_(std::move(blocks)), groups_(std::move(groups)), all_([&] {
        std::vector<uint32_t> addresses;
        for (const model::Cidr& b : blocks_) addresses.push_back(b.address);
        return addresses;
      }()) {
  if (groups_.empty()) return;
  uint32_t count = *std::max_element(groups_.begin(), groups_.end()) + 1;
  std::vector<std::vector<uint32_t>> addresses(count);
  for (size_t i = 0; i < blocks_.size(); ++i) addresses[groups_[i]].push_back(blocks_[i].address);
  group_blocks_.resize(count);
  for (std::vector<uint32_t>& a : addresses) group_counters_.emplace_back(std::move(a));
}

void EarlierOverlaps::advance(size_t j) {
  for (; next_ < j; ++next_) {
    const model::Cidr& b = blocks_[next_];
    by_block_[{b.address, b.prefix}].push_back(next_);
    all_.add(b.address);
    if (!groups_.empty()) {
      group_blocks_[groups_[next_]][{b.address, b.prefix}].push_back(next_);
      group_counters_[groups_[next_]].add(b.address);
    }
  }
}

size_t EarlierOverlaps::count_in(const std::map<Key, std::vector<size_t>>& by_block,
                                 const Counter& counter, const model::Cidr& x) const {
  // Blocks starting inside x, and those containing it that start before it.
  size_t n = counter.in_range(x.address, x.last());
  for (int p = 0; p < x.prefix; ++p) {
    uint32_t start = x.address & mask(p);
    if (start == x.address) continue;
    auto it = by_block.find({start, p});
    if (it != by_block.end()) n += it->second.size();
  }
  return n;
}

std::vector<size_t> EarlierOverlaps::list(size_t j) {
  advance(j);
  const model::Cidr& x = blocks_[j];
  std::vector<size_t> out;
  auto take = [&](const std::vector<size_t>& indices) {
    for (size_t i : indices) {
      if (!excluded(i, j)) out.push_back(i);
    }
  };
  for (int p = 0; p < x.prefix; ++p) {
    uint32_t start = x.address & mask(p);
    if (start == x.address) continue;
    if (auto it = by_block_.find({start, p}); it != by_block_.end()) take(it->second);
  }
  for (auto it = by_block_.lower_bound({x.address, -1});
       it != by_block_.end() && it->first.first <= x.last(); ++it) {
    take(it->second);
  }
  std::sort(out.begin(), out.end());
  return out;
}

size_t EarlierOverlaps::count(size_t j) {
  advance(j);
  const model::Cidr& x = blocks_[j];
  size_t n = count_in(by_block_, all_, x);
  if (!groups_.empty()) {
    n -= count_in(group_blocks_[groups_[j]], group_counters_[groups_[j]], x);
  }
  return n;
}

}  // namespace topoc::rules
