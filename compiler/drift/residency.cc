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

// Where a deployment of this SKU may process prompts (as rule R005 reads the
// deployment types): `Global*` in any region, `DataZone*` anywhere in the
// account's data zone, the rest in the account's region only.
void processing(std::string_view sku, std::string_view account_location, std::vector<DataLocation>& out) {
  std::string s = lower(sku);
  if (s.rfind("global", 0) == 0) {
    out.push_back({std::string(kAnyRegion), "may process prompts in"});
    return;
  }
  if (s.rfind("datazone", 0) != 0) return;
  const catalog::RegionInfo* account = catalog::find_region(account_location);
  if (!account) return;
  std::string_view zone = catalog::openai_data_zone(*account);
  if (zone.empty()) return;
  for (const catalog::RegionInfo& r : catalog::all_regions()) {
    if (catalog::openai_data_zone(r) == zone) add(out, std::string(r.name), "may process prompts in");
  }
}

}  // namespace

std::vector<DataLocation> data_locations(const DeployedResource& r, std::string_view home) {
  std::vector<DataLocation> out;
  add(out, r.location, "is in");
  if (r.type == "azurerm_cognitive_deployment") {
    const json* sku = find_attribute(r.attributes, "sku.name");
    if (sku && sku->is_string()) {
      processing(sku->get<std::string>(), r.location.empty() ? home : r.location, out);
    }
  }
  if (const json* geo = find_attribute(r.attributes, "geo_location"); geo && geo->is_array()) {
    for (const json& g : *geo) {
      const json* l = find_attribute(g, "location");
      if (l && l->is_string())
        add(out, catalog::normalise_location(l->get<std::string>()), "replicates to");
    }
  }
  // Periodic Cosmos DB backups kept geo-redundant are copied to the pair of
  // the account's write region.
  const json* backup = find_attribute(r.attributes, "backup.storage_redundancy");
  if (backup && backup->is_string() && lower(backup->get<std::string>()) == "geo") {
    if (const catalog::RegionInfo* info = catalog::find_region(r.location)) {
      add(out, std::string(info->paired), "backs up to");
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
