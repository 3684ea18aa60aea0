// N005: two subnets of one VNet cannot share addresses; Azure rejects the
// second. Subnets topoc carves itself never overlap the written ones (the
// carving skips used blocks), so this finds overlaps between written ones.
#include <fmt/format.h>

#include <unordered_map>

#include "compiler/rules/earlier_overlaps.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

bool addressed(const model::Subnet& s) {
  return s.address.value.prefix != 0 || s.address.explicit_;
}

}  // namespace

void subnets_disjoint(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& r : t.regions) {
    // A subnet declared twice is M003: its declarations share a group, so
    // they are not reported against each other here.
    std::vector<const model::Subnet*> subnets;
    std::vector<model::Cidr> blocks;
    std::vector<uint32_t> groups;
    std::unordered_map<std::string, uint32_t> group_of;
    for (const model::Subnet& s : r.subnets) {
      if (!addressed(s)) continue;
      subnets.push_back(&s);
      blocks.push_back(s.address.value);
      groups.push_back(group_of.try_emplace(s.name, group_of.size()).first->second);
    }
    EarlierOverlaps earlier(std::move(blocks), std::move(groups));
    for (size_t j = 0; j < subnets.size(); ++j) {
      // Past the diagnostics the sink keeps, the pairs are only counted.
      if (sink.full()) {
        sink.count_dropped(diag::Kind::OverlappingSubnets, earlier.count(j));
        continue;
      }
      const model::Subnet& later = *subnets[j];
      std::vector<size_t> overlapping = earlier.list(j);
      for (size_t k = 0; k < overlapping.size(); ++k) {
        if (sink.full()) {
          sink.count_dropped(diag::Kind::OverlappingSubnets, overlapping.size() - k);
          break;
        }
        const model::Subnet& first = *subnets[overlapping[k]];
        auto& d =
            sink.report(diag::Kind::OverlappingSubnets,
                        later.address.explicit_ ? later.address.location : later.location,
                        fmt::format("subnet `{}` (`{}`) overlaps subnet `{}` (`{}`) in region `{}`",
                                    later.name, later.address.value.to_string(), first.name,
                                    first.address.value.to_string(), r.key));
        d.notes.push_back({first.address.explicit_ ? first.address.location : first.location,
                           fmt::format("subnet `{}` declared here", first.name)});
      }
    }
  }
}

}  // namespace topoc::rules
