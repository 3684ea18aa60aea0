// N006: `hub = <region>` must name a region of the boundary that writes it.
// Peering is what lets one region's workloads reach another's private
// endpoints, so a hub in another boundary would open a path for tenant data
// across the residency boundary; topoc peers regions of one boundary only.
// N007: `hub` means something only with `peering = hub`.
#include <fmt/format.h>

#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

void check_hub(const model::Topology& t, size_t index, diag::DiagnosticSink& sink) {
  const model::Boundary& b = t.boundaries[index];
  if (!b.hub.explicit_) return;
  if (b.peering.value != model::Peering::kHub) {
    sink.report(
            diag::Kind::PeeringHubWithoutHubPeering, b.hub.location,
            fmt::format("boundary `{}` names hub region `{}`, but its peering is `{}`", b.name,
                        b.hub.value, b.peering.value == model::Peering::kNone ? "none" : "mesh"))
        .help = "write `peering = hub` to peer every region with the hub only, or remove `hub`";
    return;
  }
  std::vector<std::string> members;
  for (const model::Region* r : t.regions_in(index)) {
    if (r->key == b.hub.value) return;
    members.push_back(r->key);
  }
  const model::Region* hub = t.find_region(b.hub.value);
  const model::Boundary* other = hub ? boundary_of(t, *hub) : nullptr;
  std::string message =
      other ? fmt::format(
                  "hub region `{}` of boundary `{}` is in boundary `{}`; peering across "
                  "boundaries would let tenant data flow out of `{}`",
                  b.hub.value, b.name, other->name, b.name)
            : fmt::format("hub region `{}` of boundary `{}` is not a declared region", b.hub.value,
                          b.name);
  auto& d = sink.report(diag::Kind::PeeringHubOutsideBoundary, b.hub.location, message);
  if (hub) {
    d.notes.push_back({hub->location_of_block, fmt::format("region `{}` declared here", hub->key)});
  }
  if (members.empty()) {
    d.help = fmt::format("boundary `{}` has no region yet", b.name);
  } else {
    d.help = fmt::format("choose a region of boundary `{}`: {}", b.name, quoted_list(members, 4));
    if (members.size() == 1) d.fixit = diag::FixIt{b.hub.location, members[0]};
  }
}

}  // namespace

void peering_hub_in_boundary(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (size_t i = 0; i < t.boundaries.size(); ++i) check_hub(t, i, sink);
}

}  // namespace topoc::rules
