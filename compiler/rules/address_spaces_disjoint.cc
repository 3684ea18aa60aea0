// N002: regional VNets are peered and routed to each other, so their address
// spaces must not overlap. No region may overlap an AKS cluster's service
// CIDR either (cluster-internal service addresses, 172.16.0.0/16 unless set):
// inside the cluster those addresses name services, so pods could not reach
// the VNet addresses they shadow.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

bool in_use(const model::Topology& t, const model::Cidr& block) {
  for (const model::Region& r : t.regions) {
    if (r.address_space.explicit_ && r.address_space.value.overlaps(block)) return true;
    if (!r.aks) continue;
    model::ParsedCidr service = model::parse_cidr(r.aks->service_cidr.value);
    if (service.problem == model::CidrProblem::kNone && service.cidr.overlaps(block)) return true;
  }
  return false;
}

// A private (RFC 1918) block of `space`'s size that no region or AKS service
// range uses, for the help: the nearest one above `space` in its own private
// range, else the first in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.
std::string free_block_like(const model::Topology& t, const model::Cidr& space) {
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
      if (!in_use(t, *candidate)) return candidate->to_string();
    }
  }
  return "";
}

}  // namespace

void address_spaces_disjoint(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (size_t j = 0; j < t.regions.size(); ++j) {
    const model::Region& later = t.regions[j];
    if (!later.address_space.explicit_) continue;
    for (size_t i = 0; i < j; ++i) {
      const model::Region& earlier = t.regions[i];
      if (!earlier.address_space.explicit_ ||
          !earlier.address_space.value.overlaps(later.address_space.value)) {
        continue;
      }
      auto& d = sink.report(diag::Kind::OverlappingAddressSpaces, later.address_space.location,
                            fmt::format("address space `{}` of region `{}` overlaps `{}` of region "
                                        "`{}`; peered VNets need disjoint ranges",
                                        later.address_space.value.to_string(), later.key,
                                        earlier.address_space.value.to_string(), earlier.key));
      d.notes.push_back({earlier.address_space.location,
                         fmt::format("address space of region `{}`", earlier.key)});
      std::string free = free_block_like(t, later.address_space.value);
      if (!free.empty()) d.help = fmt::format("`{}` is free", free);
    }
  }
  // The service CIDR cannot be set in a topology, so the finding sits on the
  // region address space that has to move: one per space and service range.
  for (const model::Region& r : t.regions) {
    if (!r.address_space.explicit_) continue;
    std::vector<std::pair<model::Cidr, std::vector<const model::Region*>>> shadowed;
    for (const model::Region& cluster : t.regions) {
      if (!cluster.aks) continue;
      model::ParsedCidr service = model::parse_cidr(cluster.aks->service_cidr.value);
      if (service.problem != model::CidrProblem::kNone ||
          !service.cidr.overlaps(r.address_space.value)) {
        continue;
      }
      auto it = std::find_if(shadowed.begin(), shadowed.end(),
                             [&](const auto& s) { return s.first == service.cidr; });
      if (it == shadowed.end()) it = shadowed.insert(shadowed.end(), {service.cidr, {}});
      it->second.push_back(&cluster);
    }
    for (const auto& [service, clusters] : shadowed) {
      std::vector<std::string> keys;
      for (const model::Region* c : clusters) keys.push_back(c->key);
      auto& d = sink.report(
          diag::Kind::OverlappingAddressSpaces, r.address_space.location,
          fmt::format("address space `{}` of region `{}` overlaps `{}`, the service CIDR of the "
                      "AKS {} in {} {}; pods could not reach VNet addresses inside it",
                      r.address_space.value.to_string(), r.key, service.to_string(),
                      clusters.size() == 1 ? "cluster" : "clusters",
                      clusters.size() == 1 ? "region" : "regions", quoted_list(keys, 3)));
      const model::Region& first = *clusters.front();
      d.notes.push_back({value_or(first.aks->service_cidr, first.aks->location),
                         fmt::format("AKS cluster of region `{}`", first.key)});
      std::string free = free_block_like(t, r.address_space.value);
      d.help = free.empty() ? fmt::format("move the address space out of `{}`", service.to_string())
                            : fmt::format("`{}` is free", free);
    }
  }
}

}  // namespace topoc::rules
