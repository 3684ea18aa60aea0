// The built-in catalogue of Azure public-cloud regions: geography, country,
// EU Data Boundary membership, paired region, availability zones and
// coordinates.
// Rules and emitters read Azure's facts from here and nowhere else.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace topoc::catalog {

struct RegionInfo {
  std::string_view name;       // programmatic name: westeurope
  std::string_view display;    // West Europe
  std::string_view geography;  // slug of Microsoft's geography label: europe, united-states
  std::string_view country;    // ISO 3166-1 alpha-2 of the datacenter
  bool eu_data_boundary;       // EU or EFTA country
  std::string_view paired;     // "" = no pair
  bool zones;
  bool restricted;  // needs a support request before use
  bool uncertain;   // not in Microsoft's published list; facts partly unverified
  // Decimal degrees, WGS 84: where `topoc residency` draws the region on its
  // map (compiler/catalog/region_coordinates.json names the sources).
  double latitude;
  double longitude;
};

// The geography slug that means "every region in the EU Data Boundary".
inline constexpr std::string_view kEuDataBoundary = "eu-data-boundary";

std::span<const RegionInfo> all_regions();

// Finds a region by programmatic or display name; spelling is normalised the
// way Azure does ("West Europe" == "westeurope" == "WestEurope").
const RegionInfo* find_region(std::string_view name);
std::string normalise_location(std::string_view name);
// Whether the location (any spelling) has availability zones; false when unknown.
bool has_zones(std::string_view location);

// Regions a boundary of this geography may use; empty if the geography is unknown.
std::vector<std::string_view> regions_in_geography(std::string_view geography);
// All geography slugs, kEuDataBoundary first.
std::vector<std::string_view> all_geographies();

// Whether a region is in the Azure OpenAI data zone "eu" or "us"; "" otherwise.
std::string_view openai_data_zone(const RegionInfo& region);

// Regions where an Azure OpenAI deployment of type `sku` in `account` may
// process prompts: `Standard` the account's region; `DataZoneStandard` the
// account's data zone (the US, or the EU member states); `GlobalStandard` any
// region.
std::vector<std::string_view> openai_processing_regions(std::string_view sku,
                                                        const RegionInfo& account);

}  // namespace topoc::catalog
