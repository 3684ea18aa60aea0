// N004: a region's address space must hold the subnets topoc carves from it,
// and the `aks` subnet must hold the cluster. With Azure CNI every node and
// every pod gets a VNet address, so a pool at its `max` nodes, plus the one
// extra node an upgrade surges in, needs (max + 1) * (max_pods + 1)
// addresses; Azure keeps 5 addresses of every subnet for itself.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

constexpr uint64_t kReservedPerSubnet = 5;

void report_uncarved(const model::Region& r, diag::DiagnosticSink& sink) {
  // A written subnet outside the space (N003) may be what takes the room;
  // this finding would only repeat that one.
  bool outside = std::any_of(r.subnets.begin(), r.subnets.end(), [&](const model::Subnet& s) {
    return s.address.explicit_ && !r.address_space.value.contains(s.address.value);
  });
  if (outside) return;
  for (const std::string& name : r.subnets_without_room) {
    auto& d = sink.report(
        diag::Kind::AddressSpaceTooSmall, r.address_space.location,
        fmt::format("address space `{}` of region `{}` has no room left for the default `{}` "
                    "subnet; topoc gives `aks` half of the space and `endpoints` and `ingress` a "
                    "sixteenth each (at least a /29)",
                    r.address_space.value.to_string(), r.key, name));
    d.help = fmt::format(
        "use a larger address space, or write the subnet yourself: `subnet \"{}\" "
        "{{ address = ... }}`",
        name);
  }
}

// "pool `system` (10 + 1 surge) x (50 pods + 1) = 561"
struct PoolNeed {
  std::string text;
  uint64_t addresses;
};

PoolNeed need_of(const model::NodePool& pool) {
  uint64_t nodes = static_cast<uint64_t>(std::max<int64_t>(pool.max_count.value, 0)) + 1;
  uint64_t per_node = static_cast<uint64_t>(std::max<int64_t>(pool.max_pods, 0)) + 1;
  return {fmt::format("pool `{}` ({} + 1 surge) x ({} pods + 1) = {}", pool.name,
                      pool.max_count.value, pool.max_pods, nodes * per_node),
          nodes * per_node};
}

void check_cluster(const model::Region& r, diag::DiagnosticSink& sink) {
  auto subnet = std::find_if(r.subnets.begin(), r.subnets.end(),
                             [](const model::Subnet& s) { return s.name == "aks"; });
  if (subnet == r.subnets.end() || subnet->address.value.prefix == 0) return;
  std::vector<PoolNeed> needs{need_of(r.aks->system_pool)};
  for (const model::NodePool& pool : r.aks->user_pools) needs.push_back(need_of(pool));
  uint64_t total = kReservedPerSubnet;
  std::string parts;
  for (const PoolNeed& n : needs) {
    total += n.addresses;
    parts += n.text + ", ";
  }
  uint64_t size = subnet->address.value.size();
  if (total <= size) return;
  int prefix = 32;
  while (prefix > 0 && (uint64_t{1} << (32 - prefix)) < total) --prefix;
  auto& d = sink.report(
      diag::Kind::AddressSpaceTooSmall,
      subnet->address.explicit_ ? subnet->address.location : r.address_space.location,
      fmt::format("subnet `aks` (`{}`, {} addresses) of region `{}` cannot hold the AKS cluster "
                  "with Azure CNI, where every node and pod takes an address: {}and Azure reserves "
                  "{}, {} in all",
                  subnet->address.value.to_string(), size, r.key, parts, kReservedPerSubnet,
                  total));
  d.notes.push_back({r.aks->location, fmt::format("AKS cluster of region `{}`", r.key)});
  d.help = fmt::format("a /{} ({} addresses) is enough; or lower the pools' `max` or `max_pods`",
                       prefix, uint64_t{1} << (32 - prefix));
}

}  // namespace

void address_space_large_enough(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& r : t.regions) {
    if (!r.address_space.explicit_) continue;
    report_uncarved(r, sink);
    if (r.aks) check_cluster(r, sink);
  }
}

}  // namespace topoc::rules
