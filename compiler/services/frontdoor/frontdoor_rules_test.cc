// Front Door geo-routing rules F001-F004 and country codes (M013).
#include <gtest/gtest.h>

#include "compiler/catalog/country_catalog.h"
#include "compiler/rules/residency_test_support.h"
#include "compiler/services/frontdoor/unrouted.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// kTwoBoundaries with a Front Door holding `routes`, which start on line 9.
// The regions run no services, so Front Door has no origins and the
// unrouted checks (F005-F007) stay out of the geo-route tests.
std::string two_boundaries_with(std::string_view routes) {
  std::string text = kTwoBoundaries;
  text = replaced(text, "address = 10.1.0.0/16 }", "address = 10.1.0.0/16  services = [] }");
  text = replaced(text, "address = 10.2.0.0/16 }", "address = 10.2.0.0/16  services = [] }");
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
  frontdoor { geo "uk" = [US, GB]  unrouted = deny }
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
  text += "  frontdoor { geo \"jp\" = [JP]  unrouted = deny }\n}\n";
  EXPECT_EQ(
      Lines{"F004 9:19 geo route `jp` sends requests to boundary `jp`, which has no region to "
            "serve them"},
      diagnostics_of(text));
}

// kTwoBoundaries with AKS in both regions (so Front Door has origins) and a
// Front Door holding `body`, which starts on line 9.
std::string served_with(std::string_view body) {
  std::string text = two_boundaries_with(body);
  text = replaced(text, "10.1.0.0/16  services = [] }", "10.1.0.0/16  services = [aks] }");
  return replaced(text, "10.2.0.0/16  services = [] }", "10.2.0.0/16  services = [aks] }");
}

constexpr std::string_view kEuAndEfta =
    "AT, BE, BG, CH, CY, CZ, DE, DK, EE, ES, FI, FR, GR, HR, HU, IE, IS, IT, LI, LT, LU, LV, MT, "
    "NL, NO, PL, PT, RO, SE, SI, SK";

// F005

TEST(FrontDoorUnrouted, NotWrittenNamesTheFirstBoundaryWithOrigins) {
  std::string text = served_with(fmt::format("    geo \"eu\" = [{}]\n", kEuAndEfta));
  EXPECT_EQ(Lines{"F005 8:3 Front Door does not say where requests from countries no geo route "
                  "lists go, so boundary `us`, the first with origins, serves them"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ("write `unrouted = us` to keep this, or `unrouted = deny` to refuse those requests",
            result.sink.diagnostics().at(0).help);
}

TEST(FrontDoorUnrouted, NotWrittenWithoutOriginsIsNotReported) {
  EXPECT_EQ(Lines{}, diagnostics_of(two_boundaries_with("    geo \"eu\" = [DE]\n")));
}

TEST(FrontDoorUnrouted, WrittenBoundaryPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(served_with(
                         fmt::format("    geo \"eu\" = [{}]\n    unrouted = us\n", kEuAndEfta))));
}

// F006

TEST(FrontDoorUnrouted, EuMemberStatesRoutedToTheUsListedWithAFixIt) {
  std::string text = served_with(
      "    geo \"eu\" = [DE, FR, NL, IT, ES, BE, AT, IE, PT, FI, SE, DK, PL, CZ]\n"
      "    unrouted = us\n");
  EXPECT_EQ(Lines{"F006 9:69 countries no geo route lists go to boundary `us`, including 17 that "
                  "belong to boundary `eu`: BG, CH, CY, EE, GR, HR, HU, IS, LI, LT, LU, LV, MT, "
                  "NO, RO, SI, SK"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ((Lines{"10:16 `unrouted` sends them to boundary `us` here",
                   "3:12 boundary `eu` declared here"}),
            notes_of(result, d));
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("CZ, BG, CH, CY, EE, GR, HR, HU, IS, LI, LT, LU, LV, MT, NO, RO, SI, SK",
            d.fixit->replacement);
  const dsl::Span& span = d.fixit->location.span;
  EXPECT_EQ("CZ", text.substr(span.begin, span.end - span.begin));
  EXPECT_EQ("add them to `geo \"eu\"`", d.help);
}

TEST(FrontDoorUnrouted, ImplicitDefaultIsCheckedToo) {
  std::string text = served_with("    geo \"eu\" = [DE]\n    geo \"us\" = [US]\n");
  EXPECT_EQ((Lines{"F005", "F006"}), codes_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(1);
  EXPECT_EQ("F006 9:17 ", diagnostics_of(text).at(1).substr(0, 10));
  EXPECT_EQ((Lines{"8:3 without `unrouted`, boundary `us` gets them",
                   "3:12 boundary `eu` declared here"}),
            notes_of(result, d));
}

TEST(FrontDoorUnrouted, BoundaryWithoutGeoRouteGetsHelpInstead) {
  std::string text = served_with("    geo \"us\" = [US]\n    unrouted = us\n");
  auto result = check_text(text);
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ("F006", std::string(diag::info(d.kind).code));
  EXPECT_FALSE(d.fixit);
  EXPECT_EQ(fmt::format("route them to their boundary: `geo \"eu\" = [{}]`", kEuAndEfta), d.help);
}

TEST(FrontDoorUnrouted, UnroutedToTheEuPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(served_with("    geo \"us\" = [US]\n    unrouted = eu\n")));
}

// F007

TEST(FrontDoorUnrouted, CanadaRoutedToTheUsIsAWarning) {
  EXPECT_EQ(Lines{"F007 6:26 countries no geo route lists go to boundary `us`, including 1 that "
                  "belongs to boundary `ca`: CA"},
            diagnostics_of(R"(topology "t" {
  boundary "us" { geography = united-states }
  boundary "ca" { geography = canada }
  region "us" { location = eastus  boundary = us  failover = westus  address = 10.1.0.0/16  aks {} }
  region "ca" { location = canadacentral  boundary = ca  failover = canadaeast  address = 10.2.0.0/16  aks {} }
  frontdoor { unrouted = us  geo "us" = [US] }
}
)"));
}

// F004 for `unrouted`

TEST(FrontDoorUnrouted, UnroutedToABoundaryWithoutIngress) {
  std::string text = replaced(served_with("    geo \"us\" = [US]\n    unrouted = eu\n"),
                              "address = 10.2.0.0/16  services = [aks] }",
                              "address = 10.2.0.0/16  services = [] }");
  EXPECT_EQ(Lines{"F004 10:16 `unrouted` sends requests to boundary `eu`, which has no region "
                  "with an ingress (`aks`) to serve them"},
            diagnostics_of(text));
}

TEST(FrontDoorUnrouted, UnknownBoundaryIsM004) {
  EXPECT_EQ(Lines{"M004"}, codes_of(served_with("    unrouted = mars\n")));
}

// F008, F009

TEST(FrontDoorDeny, DetectionModeOnlyLogs) {
  std::string text = served_with(
      "    waf_mode = detection\n    geo \"us\" = [US]\n    geo \"eu\" = [DE]\n    unrouted = "
      "deny\n");
  EXPECT_EQ(Lines{"F008 12:16 `unrouted = deny` refuses requests with a WAF custom rule, but "
                  "`waf_mode = detection` only logs what the rule matches"},
            diagnostics_of(text));
}

TEST(FrontDoorDeny, WafOff) {
  EXPECT_EQ(
      Lines{"F008 11:16 `unrouted = deny` refuses requests with a WAF custom rule, but this "
            "Front Door has `waf = false`"},
      diagnostics_of(served_with("    waf = false\n    geo \"us\" = [US]\n    unrouted = deny\n")));
}

TEST(FrontDoorDeny, NoGeoRouteRefusesEverything) {
  EXPECT_EQ(Lines{"F009 9:16 `unrouted = deny` with no geo route refuses every request"},
            diagnostics_of(served_with("    unrouted = deny\n")));
}

TEST(FrontDoorDeny, MoreThanOneHundredCountries) {
  // 101 countries no boundary of the test owns besides the US, so only
  // the count is reported.
  std::string codes;
  size_t n = 0;
  for (const catalog::CountryInfo& c : catalog::all_countries()) {
    if (c.eu_member || c.efta_member || n == 101) continue;
    codes += (codes.empty() ? "" : ", ") + std::string(c.code);
    ++n;
  }
  EXPECT_EQ(Lines{"F009 10:16 `unrouted = deny` admits the 101 countries the geo routes list, but "
                  "one WAF custom rule matches at most 100 (10 conditions of 10 codes)"},
            diagnostics_of(
                served_with(fmt::format("    geo \"us\" = [{}]\n    unrouted = deny\n", codes))));
}

TEST(FrontDoorDeny, ListedCountriesInGroupsOfTen) {
  model::FrontDoor fd;
  model::GeoRoute route;
  for (std::string_view c :
       {"US", "DE", "FR", "DE", "QQ", "AT", "BE", "BG", "CH", "CY", "CZ", "DK", "EE"}) {
    route.countries.push_back({std::string(c), {}, true});
  }
  fd.geo_routes.push_back(route);
  EXPECT_EQ((std::vector<std::vector<std::string>>{
                {"AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "FR"}, {"US"}}),
            services::frontdoor::admitted_country_groups(fd));
}

// F010 and origin blocks

TEST(FrontDoorOrigins, OriginForARegionWithoutAks) {
  std::string text = replaced(served_with("    unrouted = us\n    origin \"eu\" { weight = 30 }\n"),
                              "address = 10.2.0.0/16  services = [aks] }",
                              "address = 10.2.0.0/16  services = [] }");
  EXPECT_EQ(Lines{"F010 10:12 region `eu` runs no AKS ingress, so Front Door has no origin there "
                  "to weigh"},
            diagnostics_of(text));
}

TEST(FrontDoorOrigins, UnknownRegionSuggestsTheClosest) {
  std::string text =
      served_with("    geo \"us\" = [US]\n    unrouted = eu\n    origin \"euu\" { weight = 30 }\n");
  EXPECT_EQ(Lines{"M004 11:12 origin `euu` refers to a region that is not declared; did you mean "
                  "`eu`?"},
            diagnostics_of(text));
  auto result = check_text(text);
  ASSERT_TRUE(result.sink.diagnostics().at(0).fixit);
  EXPECT_EQ("\"eu\"", result.sink.diagnostics().at(0).fixit->replacement);
}

TEST(FrontDoorOrigins, WeightAndPriorityRanges) {
  EXPECT_EQ((Lines{"M011", "M011"}),
            codes_of(served_with("    geo \"us\" = [US]\n    unrouted = eu\n    origin \"eu\" { "
                                 "weight = 0  priority = 6 }\n")));
  EXPECT_EQ(Lines{"M003"},
            codes_of(served_with(
                "    geo \"us\" = [US]\n    unrouted = eu\n    origin \"eu\" { weight = 1 }\n"
                "    origin \"eu\" { weight = 2 }\n")));
}

// F019, F020 and origins that are API Management gateways. In
// `with_gateway`, region `eu` runs an instance and `us` runs AKS.

std::string with_gateway(std::string_view body) {
  return replaced(served_with(body), "10.2.0.0/16  services = [aks] }",
                  "10.2.0.0/16  services = [api_management]  api_management { publisher_name = "
                  "\"C\"  publisher_email = \"api@c.com\" } }");
}

TEST(FrontDoorGateways, GatewayOriginsWithTheirProbePass) {
  std::string text = with_gateway(
      "    geo \"us\" = [US]\n    unrouted = eu\n    probe { path = \"/status-0123456789abcdef\" "
      "}\n"
      "    origin \"eu\" { target = api_management }\n");
  EXPECT_EQ(Lines{}, diagnostics_of(text));
}

TEST(FrontDoorGateways, OriginInARegionWithoutAGateway) {
  std::string text =
      served_with("    unrouted = us\n    origin \"eu\" { target = api_management }\n");
  EXPECT_EQ(Lines{"F019 10:28 region `eu` runs no API Management gateway for Front Door to reach"},
            diagnostics_of(text));
}

TEST(FrontDoorGateways, AdditionalLocationRunsTheGateway) {
  std::string text = replaced(
      with_gateway("    geo \"us\" = [US]\n    unrouted = eu\n    probe { path = \"/status\" }\n"
                   "    origin \"us\" { target = api_management }\n"
                   "    origin \"eu\" { target = api_management }\n"),
      "publisher_email = \"api@c.com\" }",
      "publisher_email = \"api@c.com\"  sku = Premium  additional_locations = [us] }");
  // The `eu` instance's gateway in `us` is the residency engine's to report.
  EXPECT_EQ((Lines{"R012", "R014"}), codes_of(text));
}

TEST(FrontDoorGateways, IngressBesideGatewaysNeedsAProbePath) {
  std::string text = with_gateway(
      "    geo \"us\" = [US]\n    unrouted = eu\n    origin \"eu\" { target = api_management }\n");
  EXPECT_EQ(
      Lines{"F020 4:10 Front Door reaches region `us` through its ingress, which does not "
            "answer the API Management health path `/status-0123456789abcdef` the probe uses"},
      diagnostics_of(text));
}

TEST(FrontDoorGateways, GatewayOriginsProbeTheStatusEndpoint) {
  auto result = check_text(with_gateway(
      "    geo \"us\" = [US]\n    unrouted = eu\n    origin \"eu\" { target = api_management }\n"
      "    origin \"us\" { target = api_management }\n"));
  ASSERT_TRUE(result.models.at(0) && result.models.at(0)->frontdoor);
  EXPECT_EQ("/status-0123456789abcdef", result.models.at(0)->frontdoor->probe_path.value);
}

// Custom domains: F011-F014. The domain lines start at line 9, column 5.

namespace domains {

std::string with_domains(std::string_view domains) { return two_boundaries_with(domains); }

TEST(FrontDoorDomains, SubdomainsOfTheirZonesPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(with_domains(
                         "    domain \"rag.company.com\" { zone = \"company.com\" }\n"
                         "    domain \"api.rag.company.com\" { zone = \"company.com\"  certificate = managed }\n"
                         "    domain \"www.example.org\" {}\n")));
}

// F011

TEST(FrontDoorDomains, InvalidHostNames) {
  EXPECT_EQ((Lines{"F011 9:12 `API.example.com` is not a valid custom domain: write it in lowercase",
                   "F011 10:12 `*.example.com` is not a valid custom domain: wildcard domains are "
                   "not supported; name each host",
                   "F011 11:12 `localhost` is not a valid custom domain: a domain has at least two "
                   "labels, like `example.com`",
                   "F011 12:12 `a..b.com` is not a valid custom domain: it has an empty label (`..`)",
                   "F011 13:12 `-x.b.com` is not a valid custom domain: label `-x` starts or ends "
                   "with a hyphen",
                   "F011 14:12 `c_d.com` is not a valid custom domain: `_` is not a letter, digit "
                   "or hyphen"}),
            diagnostics_of(with_domains("    domain \"API.example.com\" {}\n"
                                        "    domain \"*.example.com\" {}\n"
                                        "    domain \"localhost\" {}\n"
                                        "    domain \"a..b.com\" {}\n"
                                        "    domain \"-x.b.com\" {}\n"
                                        "    domain \"c_d.com\" {}\n")));
}

TEST(FrontDoorDomains, InvalidZoneName) {
  EXPECT_EQ(Lines{"F011 9:39 `com` is not a valid DNS zone name: a domain has at least two labels, "
                  "like `example.com`"},
            diagnostics_of(with_domains("    domain \"api.example.com\" { zone = \"com\" }\n")));
}

// F012

TEST(FrontDoorDomains, DomainTwiceNotesTheFirst) {
  std::string text = with_domains("    domain \"api.example.com\" {}\n"
                                  "    domain \"api.example.com\" { zone = \"example.com\" }\n");
  EXPECT_EQ(Lines{"F012 10:12 custom domain `api.example.com` is declared twice"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"9:12 first declared here"},
            notes_of(result, result.sink.diagnostics().at(0)));
}

// F013

TEST(FrontDoorDomains, DomainOutsideItsZoneSuggestsTheParent) {
  std::string text = with_domains("    domain \"api.example.com\" { zone = \"example.org\" }\n");
  EXPECT_EQ(Lines{"F013 9:39 custom domain `api.example.com` is not under zone `example.org`; "
                  "its records cannot go there"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ("write `zone = \"example.com\"`, the zone the domain belongs to",
            result.sink.diagnostics().at(0).help);
}

TEST(FrontDoorDomains, SuffixWithoutDotIsNotUnderTheZone) {
  EXPECT_EQ(Lines{"F013 9:38 custom domain `apiexample.com` is not under zone `example.com`; "
                  "its records cannot go there"},
            diagnostics_of(with_domains("    domain \"apiexample.com\" { zone = \"example.com\" }\n")));
}

// F014

TEST(FrontDoorDomains, ApexDomainIsRefused) {
  std::string text = with_domains("    domain \"example.com\" { zone = \"example.com\" }\n");
  EXPECT_EQ(Lines{"F014 9:12 `example.com` is the apex of zone `example.com`, where DNS allows "
                  "no CNAME record; Front Door needs an alias record there, which topoc does "
                  "not write"},
            diagnostics_of(text));
}

// F015 and the Key Vault certificate checks: frontdoor_certificates_test.cc.

TEST(FrontDoorDomains, UnknownCertificateKindIsAChoiceError) {
  auto lines = diagnostics_of(with_domains("    domain \"api.example.com\" { certificate = managd }\n"));
  ASSERT_EQ(1u, lines.size());
  EXPECT_EQ(0u, lines[0].find("M0"));
}

}  // namespace domains

// Rate limits: F016 and the model's checks. The limit lines start at line 9.

TEST(FrontDoorRateLimits, WrittenWithAWafInPreventionModeTheyPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(two_boundaries_with(
                         "    rate_limit \"api\" { requests = 1000  window = 5m  paths = [\"/api/\"] }\n")));
}

TEST(FrontDoorRateLimits, WithoutAWafNothingEnforcesThem) {
  std::string text = two_boundaries_with(
      "    rate_limit \"api\" { requests = 1000 }\n    waf = false\n");
  EXPECT_EQ(Lines{"F016 9:16 rate limit `api` is a WAF custom rule, but this Front Door has "
                  "`waf = false`"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"10:11 WAF turned off here"},
            notes_of(result, result.sink.diagnostics().at(0)));
}

TEST(FrontDoorRateLimits, DetectionModeOnlyLogs) {
  EXPECT_EQ(Lines{"F016 9:16 rate limit `api` blocks nothing: `waf_mode = detection` only logs "
                  "the requests over the limit"},
            diagnostics_of(two_boundaries_with(
                "    rate_limit \"api\" { requests = 10 }\n    waf_mode = detection\n")));
}

TEST(FrontDoorRateLimits, WindowIsOneOrFiveMinutesAndRequestsAreRequired) {
  EXPECT_EQ((Lines{"M011 9:46 a rate limit's `window` is `1m` or `5m`, the two windows Front "
                   "Door counts over",
                   "M005 10:16 rate limit `b` needs `requests = ...`, the requests one client "
                   "address may make per window"}),
            diagnostics_of(two_boundaries_with("    rate_limit \"a\" { requests = 10  window = 2m }\n"
                                               "    rate_limit \"b\" { window = 1m }\n")));
}

TEST(FrontDoorRateLimits, LabelsMeetingInOneRuleNameAreDuplicates) {
  auto lines = diagnostics_of(two_boundaries_with("    rate_limit \"chat-api\" { requests = 10 }\n"
                                                  "    rate_limit \"chatapi\" { requests = 20 }\n"));
  EXPECT_EQ(Lines{"M003 10:16 rate limit `chatapi` would be WAF rule `RateLimitchatapi`, as an "
                  "earlier one is"},
            lines);
}

TEST(FrontDoorRateLimits, AtMostTenPaths) {
  EXPECT_EQ(Lines{"M011 9:96 a rate limit counts at most 10 `paths`, found 11"},
            diagnostics_of(two_boundaries_with(
                "    rate_limit \"a\" { requests = 10  paths = [\"a\", \"b\", \"c\", \"d\", \"e\", "
                "\"f\", \"g\", \"h\", \"i\", \"j\", \"k\"] }\n")));
}

}  // namespace
}  // namespace topoc::testing
