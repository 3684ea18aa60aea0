// N008: Azure allows 500 peerings per virtual network (Azure subscription
// and service limits, networking). A mesh gives every region's VNet one
// peering per other region of the boundary, a hub gives the hub's VNet as
// many, so a boundary of more than 501 peered regions cannot deploy. Such a
// boundary's pairs are not planned (Topology::peered_regions): they would
// grow with the square of its regions.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void peerings_per_vnet(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (size_t i = 0; i < t.boundaries.size(); ++i) {
    const model::Boundary& b = t.boundaries[i];
    if (b.peering.value == model::Peering::kNone) continue;
    // The members Topology::peered_regions plans from (indexed: not a walk
    // over every region per boundary).
    const std::vector<const model::Region*> members = t.regions_in(i);
    size_t regions = members.size();
    if (regions <= model::kMaxPeeringsPerVnet + 1) continue;
    bool hub = b.peering.value == model::Peering::kHub;
    // A hub that is not one of the boundary's regions peers nothing (N006),
    // found among the members as peered_regions finds it.
    if (hub && std::none_of(members.begin(), members.end(),
                            [&](const model::Region* r) { return r->key == b.hub.value; })) {
      continue;
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
