// The overlap rules N002 and N005 find pairs by sorting and hashing; these
// tests hold them to what comparing every pair reports: the same
// diagnostics, at the same positions, in the same order, and the same count
// past what the sink keeps.
#include "compiler/rules/earlier_overlaps.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

using model::Cidr;

// Blocks from a small pool, so that many are equal, nested or disjoint.
std::vector<Cidr> random_blocks(std::mt19937& rng, size_t n) {
  std::vector<Cidr> out;
  for (size_t i = 0; i < n; ++i) {
    int prefix = std::uniform_int_distribution<int>(14, 20)(rng);
    uint32_t offset = std::uniform_int_distribution<uint32_t>(0, 15)(rng);
    uint32_t address = (0x0a000000u + (offset << 16)) & (~uint32_t{0} << (32 - prefix));
    out.push_back({address, prefix});
  }
  return out;
}

TEST(EarlierOverlaps, ListsAndCountsWhatEveryPairFinds) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    size_t n = 1 + round * 7;
    std::vector<Cidr> blocks = random_blocks(rng, n);
    blocks.push_back({0, 0});  // 0.0.0.0/0 overlaps everything
    std::vector<uint32_t> groups;
    for (size_t i = 0; i < blocks.size(); ++i) groups.push_back(rng() % 4);
    EarlierOverlaps listed(blocks), counted(blocks), grouped(blocks, groups),
        grouped_count(blocks, groups);
    for (size_t j = 0; j < blocks.size(); ++j) {
      std::vector<size_t> expected, expected_grouped;
      for (size_t i = 0; i < j; ++i) {
        if (!blocks[i].overlaps(blocks[j])) continue;
        expected.push_back(i);
        if (groups[i] != groups[j]) expected_grouped.push_back(i);
      }
      EXPECT_EQ(expected, listed.list(j)) << "round " << round << " block " << j;
      EXPECT_EQ(expected.size(), counted.count(j)) << "round " << round << " block " << j;
      EXPECT_EQ(expected_grouped, grouped.list(j)) << "round " << round << " block " << j;
      EXPECT_EQ(expected_grouped.size(), grouped_count.count(j))
          << "round " << round << " block " << j;
    }
  }
}

diag::Location at(uint32_t offset) {
  return {0, {offset, offset + 1}};
}

// "offset message | note offset", as printed after sorting.
std::vector<std::string> printed(diag::DiagnosticSink& sink) {
  sink.sort();
  std::vector<std::string> out;
  for (const diag::Diagnostic& d : sink.diagnostics()) {
    out.push_back(fmt::format("{} {} | {}", d.location.span.begin, d.message,
                              d.notes.empty() ? 0 : d.notes[0].location.span.begin));
  }
  return out;
}

// What a sink keeps of `reports` (in report order), printed as sorted.
std::vector<std::string> kept(std::vector<std::pair<uint32_t, std::string>> reports) {
  if (reports.size() > diag::DiagnosticSink::kMaxKept)
    reports.resize(diag::DiagnosticSink::kMaxKept);
  std::stable_sort(reports.begin(), reports.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& r : reports) out.push_back(fmt::format("{} {}", r.first, r.second));
  return out;
}

// 1,600 regions in 40 address spaces (and some without one): the pairs
// reported as comparing every region with every earlier one would.
TEST(AddressSpacesDisjoint, ManyRegionsSharingSpacesAreAllReportedInOrder) {
  for (size_t regions : {12, 45, 1600}) {
    model::Topology t;
    std::mt19937 rng(static_cast<unsigned>(regions));
    std::vector<Cidr> pool = random_blocks(rng, 40);
    for (size_t i = 0; i < regions; ++i) {
      model::Region r;
      r.key = fmt::format("r{}", i);
      if (i % 7 != 3) r.address_space = {pool[rng() % pool.size()], at(10 * i), true};
      t.regions.push_back(std::move(r));
    }
    std::vector<std::pair<uint32_t, std::string>> expected;
    size_t pairs = 0;
    for (size_t j = 0; j < t.regions.size(); ++j) {
      const model::Region& later = t.regions[j];
      if (!later.address_space.explicit_) continue;
      for (size_t i = 0; i < j; ++i) {
        const model::Region& first = t.regions[i];
        if (!first.address_space.explicit_ ||
            !first.address_space.value.overlaps(later.address_space.value)) {
          continue;
        }
        if (++pairs > diag::DiagnosticSink::kMaxKept) continue;
        expected.push_back(
            {later.address_space.location.span.begin,
             fmt::format("address space `{}` of region `{}` overlaps `{}` of region `{}`; peered "
                         "VNets need disjoint ranges | {}",
                         later.address_space.value.to_string(), later.key,
                         first.address_space.value.to_string(), first.key,
                         first.address_space.location.span.begin)});
      }
    }
    diag::DiagnosticSink sink;
    address_spaces_disjoint(t, sink);
    EXPECT_EQ(pairs, sink.error_count()) << regions;
    EXPECT_EQ(kept(expected), printed(sink)) << regions;
  }
}

// Subnets of one region, some declared twice under one name (M003, not
// reported against each other here), some without an address.
TEST(SubnetsDisjoint, ManyOverlappingSubnetsAreAllReportedInOrder) {
  for (size_t subnets : {10, 60, 2000}) {
    model::Topology t;
    model::Region r;
    r.key = "weu";
    std::mt19937 rng(static_cast<unsigned>(subnets));
    std::vector<Cidr> pool = random_blocks(rng, 30);
    for (size_t i = 0; i < subnets; ++i) {
      model::Subnet s;
      s.name = fmt::format("s{}", rng() % (subnets / 2 + 1));
      s.location = at(10 * i);
      if (i % 9 != 4) s.address = {pool[rng() % pool.size()], at(10 * i + 5), true};
      r.subnets.push_back(std::move(s));
    }
    t.regions.push_back(std::move(r));
    std::vector<std::pair<uint32_t, std::string>> expected;
    size_t pairs = 0;
    const auto& all = t.regions[0].subnets;
    for (size_t j = 0; j < all.size(); ++j) {
      const model::Subnet& later = all[j];
      if (later.address.value.prefix == 0 && !later.address.explicit_) continue;
      for (size_t i = 0; i < j; ++i) {
        const model::Subnet& first = all[i];
        if (first.name == later.name) continue;
        if (first.address.value.prefix == 0 && !first.address.explicit_) continue;
        if (!first.address.value.overlaps(later.address.value)) continue;
        if (++pairs > diag::DiagnosticSink::kMaxKept) continue;
        expected.push_back(
            {later.address.location.span.begin,
             fmt::format("subnet `{}` (`{}`) overlaps subnet `{}` (`{}`) in region "
                         "`weu` | {}",
                         later.name, later.address.value.to_string(), first.name,
                         first.address.value.to_string(), first.address.location.span.begin)});
      }
    }
    diag::DiagnosticSink sink;
    subnets_disjoint(t, sink);
    EXPECT_EQ(pairs, sink.error_count()) << subnets;
    EXPECT_EQ(kept(expected), printed(sink)) << subnets;
  }
}

}  // namespace
}  // namespace topoc::rules
