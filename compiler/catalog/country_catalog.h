// ISO 3166-1 alpha-2 country codes, for Front Door geo-match rules.
#pragma once

#include <span>
#include <string_view>

namespace topoc::catalog {

struct CountryInfo {
  std::string_view code;  // DE
  std::string_view name;  // Germany
  bool eu_member;
  bool efta_member;
};

std::span<const CountryInfo> all_countries();
const CountryInfo* find_country(std::string_view code);

}  // namespace topoc::catalog
