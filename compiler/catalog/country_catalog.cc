#include "compiler/catalog/country_catalog.h"

#include <algorithm>

namespace topoc::catalog {
namespace {

constexpr CountryInfo kCountries[] = {
#include "compiler/catalog/countries.inc"
};

}  // namespace

std::span<const CountryInfo> all_countries() { return kCountries; }

const CountryInfo* find_country(std::string_view code) {
  auto it = std::lower_bound(std::begin(kCountries), std::end(kCountries), code,
                             [](const CountryInfo& c, std::string_view k) { return c.code < k; });
  return it != std::end(kCountries) && it->code == code ? &*it : nullptr;
}

}  // namespace topoc::catalog
