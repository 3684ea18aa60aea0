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
  if (!t.cosmos->locations.empty()) {
    CosmosAccount account;
    for (const auto& l : t.cosmos->locations) add_location(account.locations, l);
    out.push_back(std::move(account));
    return out;
  }
  for (size_t i = 0; i < t.boundaries.size(); ++i) {
    std::vector<const model::Region*> regions = t.regions_in(i);
    if (regions.empty()) continue;
    CosmosAccount account{&t.boundaries[i], {}};
    for (const model::Region* r : regions) add_location(account.locations, r->location);
    for (const model::Region* r : regions) add_location(account.locations, r->failover);
    out.push_back(std::move(account));
  }
  return out;
}

}  // namespace topoc::naming
