// N002: regional VNets are peered and routed to each other, so their address
// spaces must not overlap. No region may overlap an AKS cluster's service
// CIDR either (cluster-internal service addresses, 172.16.0.0/16 unless set):
// inside the cluster those addresses name services, so pods could not reach
// the VNet addresses they shadow.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "compiler/rules/earlier_overlaps.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

uint32_t mask(int prefix) {
  return prefix == 0 ? 0 : ~uint32_t{0} << (32 - prefix);
}

// The blocks regions and AKS service ranges use, for the help's free block.
// A set of networks instead of a scan of the regions: the help looks at up
// to 12,288 candidates, each against every region.
class UsedBlocks {
 public:
  explicit UsedBlocks(const model::Topology& t) {
    for (const model::Region& r : t.regions) {
      if (r.address_space.explicit_) add(r.address_space.value);
      if (!r.aks) continue;
      model::ParsedCidr service = model::parse_cidr(r.aks->service_cidr.value);
      if (service.problem == model::CidrProblem::kNone) add(service.cidr);
    }
  }

  bool overlaps(const model::Cidr& block) const {
    // One that contains the block, or one that starts inside it.
    for (int p = 0; p <= block.prefix; ++p) {
      if (blocks_.count({block.address & mask(p), p})) return true;
    }
    auto it = blocks_.lower_bound({block.address, -1});
    return it != blocks_.end() && it->first <= block.last();
  }

 private:
  void add(const model::Cidr& c) { blocks_.insert({c.address, c.prefix}); }
  std::set<std::pair<uint32_t, int>> blocks_;
};

// A private (RFC 1918) block of `space`'s size that no region or AKS service
// range uses, for the help: the nearest one above `space` in its own private
// range, else the first in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.
std::string free_block_like(const UsedBlocks& used, const model::Cidr& space) {
  constexpr model::Cidr kPrivate[] = {{0x0a000000, 8}, {0xac100000, 12}, {0xc0a80000, 16}};
  constexpr uint32_t kTries = 4096;
  std::vector<model::Cidr> ranges;
  for (const model::Cidr& p : kPrivate) {
    if (p.contains(space)) ranges.push_back(p);
  }
  ranges.insert(ranges.end(), std::begin(kPrivate), std::end(kPrivate));
  for (const model::Cidr& range : ranges) {
    uint32_t first = range.contains(space)
                         ? static_cast<uint32_t>((space.address - range.address) / space.size())
                         : 0;
    for (uint32_t n = first; n < first + kTries; ++n) {
      auto candidate = model::nth_subnet(range, space.prefix, n);
      if (!candidate) break;
      if (!used.overlaps(*candidate)) return candidate->to_string();
    }
  }
  return "";
}

// The help depends on the space alone: many regions sharing one space ask
// for it once.
class FreeBlocks {
 public:
  explicit FreeBlocks(const model::Topology& t) : used_(t) {}
  const std::string& like(const model::Cidr& space) {
    auto [it, inserted] = memo_.try_emplace({space.address, space.prefix});
    if (inserted) it->second = free_block_like(used_, space);
    return it->second;
  }

 private:
  UsedBlocks used_;
  std::map<std::pair<uint32_t, int>, std::string> memo_;
};

// AKS clusters by service range, in region order: every cluster has one, so
// the regions a range shadows are listed once, not once per region.
struct ServiceRange {
  model::Cidr cidr;
  std::vector<const model::Region*> clusters;
  std::string keys;  // "`eu`, `us`", as the message quotes them
};

std::vector<ServiceRange> service_ranges(const model::Topology& t) {
  std::vector<ServiceRange> out;
  for (const model::Region& cluster : t.regions) {
    if (!cluster.aks) continue;
    model::ParsedCidr service = model::parse_cidr(cluster.aks->service_cidr.value);
    if (service.problem != model::CidrProblem::kNone) continue;
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const ServiceRange& s) { return s.cidr == service.cidr; });
    if (it == out.end()) it = out.insert(out.end(), {service.cidr, {}, {}});
    it->clusters.push_back(&cluster);
  }
  for (ServiceRange& s : out) {
    std::vector<std::string> keys;
    for (const model::Region* c : s.clusters) keys.push_back(c->key);
    s.keys = quoted_list(keys, 3);
  }
  return out;
}

}  // namespace

void address_spaces_disjoint(const model::Topology& t, diag::DiagnosticSink& sink) {
  std::vector<const model::Region*> spaced;
  std::vector<model::Cidr> blocks;
  for (const model::Region& r : t.regions) {
    if (!r.address_space.explicit_) continue;
    spaced.push_back(&r);
    blocks.push_back(r.address_space.value);
  }
  FreeBlocks free_blocks(t);
  EarlierOverlaps earlier(std::move(blocks));
  for (size_t j = 0; j < spaced.size(); ++j) {
    // Past the diagnostics the sink keeps, the pairs are only counted.
    if (sink.full()) {
      sink.count_dropped(diag::Kind::OverlappingAddressSpaces, earlier.count(j));
      continue;
    }
    const model::Region& later = *spaced[j];
    std::vector<size_t> overlapping = earlier.list(j);
    for (size_t k = 0; k < overlapping.size(); ++k) {
      if (sink.full()) {
        sink.count_dropped(diag::Kind::OverlappingAddressSpaces, overlapping.size() - k);
        break;
      }
      const model::Region& first = *spaced[overlapping[k]];
      auto& d = sink.report(diag::Kind::OverlappingAddressSpaces, later.address_space.location,
                            fmt::format("address space `{}` of region `{}` overlaps `{}` of region "
                                        "`{}`; peered VNets need disjoint ranges",
                                        later.address_space.value.to_string(), later.key,
                                        first.address_space.value.to_string(), first.key));
      d.notes.push_back(
          {first.address_space.location, fmt::format("address space of region `{}`", first.key)});
      const std::string& free = free_blocks.like(later.address_space.value);
      if (!free.empty()) d.help = fmt::format("`{}` is free", free);
    }
  }
  // The service CIDR cannot be set in a topology, so the finding sits on the
  // region address space that has to move: one per space and service range.
  std::vector<ServiceRange> services = service_ranges(t);
  for (const model::Region* r : spaced) {
    for (const ServiceRange& service : services) {
      if (!service.cidr.overlaps(r->address_space.value)) continue;
      if (sink.full()) {
        sink.count_dropped(diag::Kind::OverlappingAddressSpaces, 1);
        continue;
      }
      auto& d = sink.report(
          diag::Kind::OverlappingAddressSpaces, r->address_space.location,
          fmt::format("address space `{}` of region `{}` overlaps `{}`, the service CIDR of the "
                      "AKS {} in {} {}; pods could not reach VNet addresses inside it",
                      r->address_space.value.to_string(), r->key, service.cidr.to_string(),
                      service.clusters.size() == 1 ? "cluster" : "clusters",
                      service.clusters.size() == 1 ? "region" : "regions", service.keys));
      const model::Region& first = *service.clusters.front();
      d.notes.push_back({value_or(first.aks->service_cidr, first.aks->location),
                         fmt::format("AKS cluster of region `{}`", first.key)});
      const std::string& free = free_blocks.like(r->address_space.value);
      d.help = free.empty()
                   ? fmt::format("move the address space out of `{}`", service.cidr.to_string())
                   : fmt::format("`{}` is free", free);
    }
  }
}

}  // namespace topoc::rules
