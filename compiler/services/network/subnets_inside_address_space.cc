// N003: a subnet is carved from its VNet's address space; Azure refuses a
// subnet prefix outside it.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

// The first block of `prefix` bits in the region's space that no other
// subnet uses, to suggest in the help.
std::optional<model::Cidr> free_block(const model::Region& r, const model::Subnet& self,
                                      int prefix) {
  for (uint32_t n = 0; n < 4096; ++n) {
    auto candidate = model::nth_subnet(r.address_space.value, prefix, n);
    if (!candidate) return std::nullopt;
    bool taken = std::any_of(r.subnets.begin(), r.subnets.end(), [&](const model::Subnet& s) {
      return &s != &self && s.address.value.prefix != 0 && s.address.value.overlaps(*candidate);
    });
    if (!taken) return candidate;
  }
  return std::nullopt;
}

}  // namespace

void subnets_inside_address_space(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& r : t.regions) {
    if (!r.address_space.explicit_) continue;
    const model::Cidr& space = r.address_space.value;
    for (const model::Subnet& s : r.subnets) {
      if (!s.address.explicit_ || space.contains(s.address.value)) continue;
      auto& d = sink.report(
          diag::Kind::SubnetOutsideAddressSpace, s.address.location,
          fmt::format("subnet `{}` (`{}`) is not inside the address space `{}` of region `{}`",
                      s.name, s.address.value.to_string(), space.to_string(), r.key));
      d.notes.push_back(
          {r.address_space.location, fmt::format("address space of region `{}`", r.key)});
      if (s.address.value.prefix < space.prefix) {
        d.help = fmt::format("a /{} subnet cannot fit in a /{} address space",
                             s.address.value.prefix, space.prefix);
      } else if (auto free = free_block(r, s, s.address.value.prefix)) {
        d.help = fmt::format("`{}` is free inside `{}`", free->to_string(), space.to_string());
      }
    }
  }
}

}  // namespace topoc::rules
