// A008 (warning): some Azure regions are access-restricted (marked so in
// Microsoft's "Azure regions list"; the catalogue's `restricted` flag). A
// subscription can deploy there only after Microsoft enables the region for
// it, which takes a support request ("Azure region access request process",
// Microsoft Learn troubleshooting article). Every location topoc deploys into
// is checked: regions, failover locations (Cosmos DB replicas), an OpenAI
// account placed elsewhere, Redis geo-replicas and Cosmos DB locations. One
// finding per restricted location, at its first mention.
#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

// Locations the topology deploys into, as written, in the order written.
std::vector<const model::Sourced<std::string>*> deployed_locations(const model::Topology& t) {
  std::vector<const model::Sourced<std::string>*> out;
  auto add = [&](const model::Sourced<std::string>& location) {
    if (location.explicit_ && !location.value.empty()) out.push_back(&location);
  };
  for (const model::Region& region : t.regions) {
    add(region.location);
    add(region.failover);
    if (region.openai) add(region.openai->location);
    if (region.redis) add(region.redis->geo_replica);
  }
  if (t.cosmos) {
    for (const auto& location : t.cosmos->locations) add(location);
  }
  return out;
}

}  // namespace

void restricted_regions(const model::Topology& t, diag::DiagnosticSink& sink) {
  // Each restricted region with every place it is used, in the order first used.
  std::vector<std::pair<const catalog::RegionInfo*, std::vector<diag::Location>>> uses;
  for (const model::Sourced<std::string>* location : deployed_locations(t)) {
    const catalog::RegionInfo* info = catalog::find_region(location->value);
    if (!info || !info->restricted) continue;
    auto it =
        std::find_if(uses.begin(), uses.end(), [&](const auto& u) { return u.first == info; });
    if (it == uses.end()) it = uses.insert(uses.end(), {info, {}});
    it->second.push_back(location->location);
  }
  for (const auto& [info, places] : uses) {
    auto& d = sink.report(
        diag::Kind::RestrictedRegion, places.front(),
        fmt::format("`{}` ({}) is an access-restricted Azure region: deployments there fail until "
                    "Microsoft enables it for the subscription",
                    info->name, info->display));
    for (size_t i = 1; i < places.size(); ++i) {
      d.notes.push_back({places[i], fmt::format("`{}` used here too", info->name)});
    }
    d.help = fmt::format(
        "before deploying, open a support request in the Azure portal (Help + support, New "
        "support request; issue type `Service and subscription limits (quotas)`, quota type "
        "`Other Request`) asking for access to {} for each subscription that deploys there",
        info->display);
  }
}

}  // namespace topoc::rules
