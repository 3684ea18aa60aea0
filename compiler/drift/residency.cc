#include "compiler/drift/residency.h"

#include <algorithm>

#include "compiler/catalog/region_catalog.h"
#include "compiler/drift/attributes.h"

namespace topoc::drift {
namespace {

using json = nlohmann::json;

// GRS, RAGRS, GZRS and RAGZRS copy every write to the region's Azure pair.
bool geo_redundant(std::string_view replication) {
  std::string r = lower(replication);
  return r == "grs" || r == "ragrs" || r == "gzrs" || r == "ragzrs";
}

void add(std::vector<DataLocation>& out, std::string location, const char* how) {
  if (location.empty() || location == "global") return;
  bool seen = std::any_of(out.begin(), out.end(),
                          [&](const DataLocation& d) { return d.location == location; });
  if (!seen) out.push_back({std::move(location), how});
}

}  // namespace

std::vector<DataLocation> data_locations(const DeployedResource& r) {
  std::vector<DataLocation> out;
  add(out, r.location, "is in");
  if (const json* geo = find_attribute(r.attributes, "geo_location"); geo && geo->is_array()) {
    for (const json& g : *geo) {
      const json* l = find_attribute(g, "location");
      if (l && l->is_string())
        add(out, catalog::normalise_location(l->get<std::string>()), "replicates to");
    }
  }
  const json* replication = find_attribute(r.attributes, "account_replication_type");
  if (replication && replication->is_string() && geo_redundant(replication->get<std::string>())) {
    std::string secondary;
    if (const json* s = find_attribute(r.attributes, "secondary_location"); s && s->is_string()) {
      secondary = catalog::normalise_location(s->get<std::string>());
    }
    if (secondary.empty()) {
      if (const catalog::RegionInfo* info = catalog::find_region(r.location)) {
        secondary = std::string(info->paired);
      }
    }
    add(out, secondary, "geo-replicates to");
  }
  return out;
}

}  // namespace topoc::drift
