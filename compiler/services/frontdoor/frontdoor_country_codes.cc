// M013: Front Door geo-match conditions take ISO 3166-1 alpha-2 codes in
// capitals; anything else never matches a request, so its traffic silently
// follows latency routing instead.
#include <fmt/format.h>

#include <cctype>

#include "compiler/catalog/country_catalog.h"
#include "compiler/diag/suggest.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

// Codes people write that ISO spells differently.
struct Alias {
  std::string_view written;
  std::string_view iso;
};
constexpr Alias kAliases[] = {{"UK", "GB"}, {"EL", "GR"}};

std::string upper(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The code the user most likely meant: the same letters in capitals, a known
// alias, or a country written by name. Two-letter codes are all close to
// each other, so edit distance alone would suggest noise.
const catalog::CountryInfo* meant(std::string_view written) {
  std::string code = upper(written);
  if (const catalog::CountryInfo* c = catalog::find_country(code)) return c;
  for (const Alias& a : kAliases) {
    if (a.written == code) return catalog::find_country(a.iso);
  }
  if (written.size() <= 3) return nullptr;
  std::vector<std::string_view> names;
  for (const catalog::CountryInfo& c : catalog::all_countries()) names.push_back(c.name);
  auto best = diag::closest(written, names);
  if (!best) return nullptr;
  for (const catalog::CountryInfo& c : catalog::all_countries()) {
    if (c.name == *best) return &c;
  }
  return nullptr;
}

}  // namespace

void frontdoor_country_codes(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor) return;
  for (const model::GeoRoute& route : t.frontdoor->geo_routes) {
    for (const auto& country : route.countries) {
      if (catalog::find_country(country.value)) continue;
      std::string message = fmt::format("unknown country code `{}`", country.value);
      const catalog::CountryInfo* suggestion = meant(country.value);
      if (suggestion)
        message += fmt::format("; did you mean `{}` ({})?", suggestion->code, suggestion->name);
      auto& d = sink.report(diag::Kind::UnknownCountry, country.location, std::move(message));
      if (suggestion) {
        d.fixit = diag::FixIt{country.location, std::string(suggestion->code)};
      } else {
        d.help = "Front Door matches ISO 3166-1 alpha-2 codes in capitals, such as `DE` or `US`";
      }
    }
  }
}

}  // namespace topoc::rules
