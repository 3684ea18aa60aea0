// A Traffic Manager profile routing by priority, performance, weight or
// multivalue may answer any client with any endpoint: each endpoint location
// is a processing placement of the boundaries the profile's regions belong
// to, and one outside a boundary is R014. Geographic routing is T001's.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// A US and an EU region (lines 4 and 5) and the profiles, from line 6.
std::string with_profiles(std::string_view profiles) {
  return fmt::format(R"(topology "t" {{
  boundary "us" {{ geography = united-states }}
  boundary "eu" {{ geography = eu-data-boundary }}
  region "us" {{ location = eastus      boundary = us  address = 10.1.0.0/16  services = [aks] }}
  region "eu" {{ location = westeurope  boundary = eu  address = 10.2.0.0/16  services = [aks] }}
{}}}
)",
                     profiles);
}

TEST(TrafficManagerPlacements, PriorityAcrossBoundariesSendsEachBoundaryAway) {
  std::string text = with_profiles(
      "  traffic_manager \"global\" {\n"
      "    routing = priority\n"
      "    endpoint \"us\" { region = us  priority = 1 }\n"
      "    endpoint \"eu\" { region = eu  priority = 2 }\n"
      "  }\n");
  EXPECT_EQ((Lines{"R014 8:14 Traffic Manager may send clients of boundary `eu` to `eastus`, "
                   "outside the boundary, where their requests are processed",
                   "R014 9:14 Traffic Manager may send clients of boundary `us` to `westeurope`, "
                   "outside the boundary, where their requests are processed"}),
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ((Lines{"8:14 endpoint `us` sends clients to region `us` in `eastus`",
                   "7:15 traffic_manager `global` routes by `priority`: any client may be sent "
                   "to any endpoint",
                   "3:12 boundary `eu` declared here"}),
            notes_of(result, result.sink.diagnostics().at(0)));
}

TEST(TrafficManagerPlacements, OneBoundaryOrGeographicRoutingPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(with_profiles(
                         "  traffic_manager \"us\" {\n"
                         "    routing = performance\n"
                         "    endpoint \"us\" { region = us }\n"
                         "  }\n")));
  EXPECT_EQ(Lines{}, diagnostics_of(with_profiles(
                         "  traffic_manager \"geo\" {\n"
                         "    routing  = geographic\n"
                         "    unmapped = nodata\n"
                         "    endpoint \"us\" { region = us  geo = [US] }\n"
                         "    endpoint \"eu\" { region = eu  geo = [DE] }\n"
                         "  }\n")));
}

// A parent that mixes clients reaches the child's regions too.
TEST(TrafficManagerPlacements, NestedProfilesAreFollowed) {
  std::string text = with_profiles(
      "  traffic_manager \"europe\" {\n"
      "    routing = priority\n"
      "    endpoint \"eu\" { region = eu }\n"
      "  }\n"
      "  traffic_manager \"us\" {\n"
      "    routing = weighted\n"
      "    endpoint \"us\" { region = us }\n"
      "    endpoint \"europe\" { profile = europe  location = westeurope }\n"
      "  }\n");
  // Profile `us` reaches both boundaries, so each one's clients may go to
  // the other's region; `europe` alone stays in the EU.
  EXPECT_EQ((Lines{"R014 12:14 Traffic Manager may send clients of boundary `eu` to `eastus`, "
                   "outside the boundary, where their requests are processed",
                   "R014 13:14 Traffic Manager may send clients of boundary `us` to "
                   "`westeurope`, outside the boundary, where their requests are processed"}),
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ("13:14 endpoint `europe` (nested profile `europe`) sends clients to region `eu` in "
            "`westeurope`",
            notes_of(result, result.sink.diagnostics().at(1)).at(0));
}

}  // namespace
}  // namespace topoc::testing
