#include "compiler/catalog/region_catalog.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>

#include "compiler/catalog/country_catalog.h"

namespace topoc::catalog {
namespace {

constexpr RegionInfo kRegions[] = {
#include "compiler/catalog/regions.inc"
};

}  // namespace

std::span<const RegionInfo> all_regions() { return kRegions; }

std::string normalise_location(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == ' ' || c == '-' || c == '_') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

const RegionInfo* find_region(std::string_view name) {
  // Asked for every location of every rule: hashed, and a name already in
  // Azure's form (`westeurope`) is looked up without a copy.
  static const std::unordered_map<std::string_view, const RegionInfo*> by_name = [] {
    std::unordered_map<std::string_view, const RegionInfo*> out;
    for (const RegionInfo& r : kRegions) out.emplace(r.name, &r);
    return out;
  }();
  bool normal = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
  auto it = normal ? by_name.find(name) : by_name.find(normalise_location(name));
  return it == by_name.end() ? nullptr : it->second;
}

bool has_zones(std::string_view location) {
  const RegionInfo* info = find_region(location);
  return info && info->zones;
}

std::vector<std::string_view> regions_in_geography(std::string_view geography) {
  std::vector<std::string_view> out;
  for (const RegionInfo& r : kRegions) {
    if (geography == kEuDataBoundary ? r.eu_data_boundary : r.geography == geography) {
      out.push_back(r.name);
    }
  }
  return out;
}

std::vector<std::string_view> all_geographies() {
  std::vector<std::string_view> out;
  for (const RegionInfo& r : kRegions) out.push_back(r.geography);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  out.insert(out.begin(), kEuDataBoundary);
  return out;
}

std::string_view openai_data_zone(const RegionInfo& region) {
  if (region.country == "US") return "us";
  const CountryInfo* country = find_country(region.country);
  return country && country->eu_member ? "eu" : "";
}

std::vector<std::string_view> openai_processing_regions(std::string_view sku,
                                                        const RegionInfo& account) {
  std::vector<std::string_view> out;
  std::string_view zone = openai_data_zone(account);
  for (const RegionInfo& r : kRegions) {
    bool may = sku == "GlobalStandard" ||
               (sku == "DataZoneStandard" && !zone.empty() && openai_data_zone(r) == zone) ||
               r.name == account.name;
    if (may) out.push_back(r.name);
  }
  return out;
}

}  // namespace topoc::catalog
