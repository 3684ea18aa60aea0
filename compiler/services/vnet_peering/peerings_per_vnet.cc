// N008: Azure allows 500 peerings per virtual network (Azure subscription
// and service limits, networking). A mesh gives every region's VNet one
// peering per other region of the boundary, a hub gives the hub's VNet as
// many, so a boundary of more than 501 peered regions cannot deploy. Such a
// boundary's pairs are not planned (Topology::peered_regions): they would
// grow with the square of its regions.
#include <fmt/format.h>

#include <vector>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void peerings_per_vnet(const model::Topology& t, diag::DiagnosticSink& sink) {
  // Each boundary's regions as Topology::regions_in counts them, in one pass.
  std::vector<size_t> members(t.boundaries.size(), 0);
  for (const model::Region& r : t.regions) {
    if (r.boundary < members.size() && r.boundary_name.value == t.boundaries[r.boundary].name) {
      ++members[r.boundary];
    }
  }
  for (size_t i = 0; i < t.boundaries.size(); ++i) {
    const model::Boundary& b = t.boundaries[i];
    if (b.peering.value == model::Peering::kNone) continue;
    size_t regions = members[i];
    if (regions <= model::kMaxPeeringsPerVnet + 1) continue;
    bool hub = b.peering.value == model::Peering::kHub;
    // A hub that is not one of the boundary's regions peers nothing (N006).
    if (hub) {
      const model::Region* h = t.find_region(b.hub.value);
      if (!h || h->boundary != i || h->boundary_name.value != b.name) continue;
    }
    diag::Location at = b.peering.explicit_ ? b.peering.location : b.location;
    auto& d = sink.report(
        diag::Kind::PeeringsPastVnetLimit, at,
        hub ? fmt::format("boundary `{}` peers its {} regions with hub `{}`: the hub's VNet would "
                          "hold {} peerings, and Azure allows {} per virtual network",
                          b.name, regions, b.hub.value, regions - 1, model::kMaxPeeringsPerVnet)
            : fmt::format("boundary `{}` peers each of its {} regions with every other (`peering "
                          "= mesh`{}): each VNet would hold {} peerings, and Azure allows {} per "
                          "virtual network",
                          b.name, regions, b.peering.explicit_ ? "" : ", the default", regions - 1,
                          model::kMaxPeeringsPerVnet));
    d.help = fmt::format(
        "a boundary can peer at most {} regions; write `peering = none` for this one, whose "
        "regions then reach one another only through public endpoints",
        model::kMaxPeeringsPerVnet + 1);
  }
}

}  // namespace topoc::rules
