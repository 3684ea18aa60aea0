// Front Door geo-routing rules F001-F004 and country codes (M013).
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// kTwoBoundaries with a Front Door holding `routes`, which start on line 9.
std::string two_boundaries_with(std::string_view routes) {
  std::string text = kTwoBoundaries;
  text.erase(text.rfind('}'));
  return text + fmt::format("  frontdoor {{\n{}  }}\n}}\n", routes);
}

TEST(FrontDoorGeoRoutes, RoutesMatchingTheirBoundariesPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(two_boundaries_with(
                         "    geo \"eu\" = [DE, FR, NL, NO, CH]\n"
                         "    geo \"us\" { countries = [US, CA, JP]  fallback = us }\n")));
}

// M013

TEST(FrontDoorCountryCodes, LowercaseCodeSuggestsCapitals) {
  std::string text = two_boundaries_with("    geo \"eu\" = [DE, fr]\n");
  EXPECT_EQ(Lines{"M013 9:21 unknown country code `fr`; did you mean `FR` (France)?"},
            diagnostics_of(text));
  auto result = check_text(text);
  ASSERT_TRUE(result.sink.diagnostics().at(0).fixit);
  EXPECT_EQ("FR", result.sink.diagnostics().at(0).fixit->replacement);
}

TEST(FrontDoorCountryCodes, UkIsGbAndNamesAreRecognised) {
  EXPECT_EQ((Lines{"M013 9:17 unknown country code `UK`; did you mean `GB` (United Kingdom)?",
                   "M013 9:21 unknown country code `Irland`; did you mean `IE` (Ireland)?",
                   "M013 9:29 unknown country code `QQ`"}),
            diagnostics_of(two_boundaries_with("    geo \"us\" = [UK, Irland, QQ]\n")));
}

// F001

TEST(FrontDoorCountryOwner, GermanyRoutedToTheUs) {
  std::string text = two_boundaries_with("    geo \"us\" = [US, DE]\n");
  EXPECT_EQ(
      Lines{"F001 9:21 `DE` (Germany) is routed to boundary `us`, but its users' data belongs "
            "to boundary `eu`"},
      diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ(Lines{"3:12 boundary `eu` declared here"}, notes_of(result, d));
  EXPECT_EQ("move `DE` to `geo \"eu\"`", d.help);
}

TEST(FrontDoorCountryOwner, EftaBelongsToTheEuDataBoundary) {
  EXPECT_EQ(Lines{"F001"}, codes_of(two_boundaries_with("    geo \"us\" = [US, CH]\n")));
}

TEST(FrontDoorCountryOwner, NarrowedBoundaryOwnsTheCountriesOfItsLocations) {
  EXPECT_EQ(Lines{"F001 6:27 `US` (United States) is routed to boundary `uk`, but its users' data "
                  "belongs to boundary `us`"},
            diagnostics_of(R"(topology "t" {
  boundary "us" { locations = [eastus, westus] }
  boundary "uk" { geography = united-kingdom }
  region "us" { location = eastus  boundary = us  failover = westus  address = 10.1.0.0/16 }
  region "uk" { location = uksouth  boundary = uk  failover = ukwest  address = 10.2.0.0/16 }
  frontdoor { geo "uk" = [US, GB] }
}
)"));
}

// F002

TEST(FrontDoorCountryOnce, CountryInTwoRoutes) {
  std::string text = two_boundaries_with("    geo \"us\" = [US, JP]\n    geo \"eu\" = [DE, JP]\n");
  EXPECT_EQ(Lines{"F002 10:21 `JP` is routed to boundary `eu` here and to boundary `us` before; a "
                  "country goes to one boundary"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"9:21 `JP` first routed to boundary `us` here"},
            notes_of(result, result.sink.diagnostics().at(0)));
}

TEST(FrontDoorCountryOnce, MisroutedCountryIsLeftToF001) {
  EXPECT_EQ(Lines{"F001"},
            codes_of(two_boundaries_with("    geo \"eu\" = [DE]\n    geo \"us\" = [US, DE]\n")));
}

// F003

TEST(FrontDoorFallback, FallbackToAnotherBoundary) {
  EXPECT_EQ(
      Lines{"F003 9:49 geo route `eu` falls back to boundary `us`; when its origins are down, "
            "users of boundary `eu` would be served, and their sessions kept, outside it"},
      diagnostics_of(
          two_boundaries_with("    geo \"eu\" { countries = [DE, FR]  fallback = us }\n")));
}

TEST(FrontDoorFallback, NoFallbackPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(two_boundaries_with(
                         "    geo \"eu\" { countries = [DE, FR]  fallback = none }\n")));
}

// F004

TEST(FrontDoorRouteHasOrigins, RouteToBoundaryWithoutRegions) {
  std::string text = replaced(kTwoBoundaries, "  region \"eu\"",
                              "  boundary \"jp\" { geography = japan }\n  region \"eu\"");
  text.erase(text.rfind('}'));
  text += "  frontdoor { geo \"jp\" = [JP] }\n}\n";
  EXPECT_EQ(
      Lines{"F004 9:19 geo route `jp` sends requests to boundary `jp`, which has no region to "
            "serve them"},
      diagnostics_of(text));
}

}  // namespace
}  // namespace topoc::testing
