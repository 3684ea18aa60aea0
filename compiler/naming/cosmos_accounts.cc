#include "compiler/naming/cosmos_accounts.h"

#include <algorithm>

namespace topoc::naming {
namespace {

void add_location(std::vector<model::Sourced<std::string>>& out,
                  const model::Sourced<std::string>& location) {
  if (location.value.empty()) return;
  bool seen =
      std::any_of(out.begin(), out.end(), [&](const auto& l) { return l.value == location.value; });
  if (!seen) out.push_back(location);
}

}  // namespace

std::vector<CosmosAccount> cosmos_accounts(const model::Topology& t) {
  std::vector<CosmosAccount> out;
  if (!t.cosmos) return out;
  std::vector<const model::Container*> personal, non_personal;
  for (const model::Container& c : t.cosmos->containers) {
    (c.data.value == model::DataClass::kNonPersonal ? non_personal : personal).push_back(&c);
  }
  if (!t.cosmos->locations.empty()) {
    CosmosAccount account;
    for (const auto& l : t.cosmos->locations) add_location(account.locations, l);
    account.containers = personal;
    out.push_back(std::move(account));
  } else {
    for (size_t i = 0; i < t.boundaries.size(); ++i) {
      std::vector<const model::Region*> regions = t.regions_in(i);
      if (regions.empty()) continue;
      CosmosAccount account{&t.boundaries[i], false, personal, {}};
      for (const model::Region* r : regions) add_location(account.locations, r->location);
      for (const model::Region* r : regions) add_location(account.locations, r->failover);
      out.push_back(std::move(account));
    }
  }
  // Every region reads the global configuration locally: a replica in each
  // region's location, the first region's the write region. Failovers add
  // nothing, since every region's location already has a replica.
  if (!non_personal.empty() && !t.regions.empty()) {
    CosmosAccount account{nullptr, true, non_personal, {}};
    for (const model::Region& r : t.regions) add_location(account.locations, r.location);
    out.push_back(std::move(account));
  }
  return out;
}

}  // namespace topoc::naming
