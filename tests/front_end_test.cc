#include <gtest/gtest.h>

#include "tests/check_support.h"

namespace topoc::testing {
namespace {

TEST(FrontEnd, TwoBoundaryTopologyIsClean) {
  EXPECT_EQ(std::vector<std::string>{}, diagnostics_of(kTwoBoundaries));
}

TEST(FrontEnd, UnknownLocationSuggestsTheClosest) {
  EXPECT_EQ(std::vector<std::string>{"M006 2:28 unknown Azure location `westeurop`; did you mean `westeurope`?"},
            diagnostics_of("topology \"t\" {\n  region \"eu\" { location = westeurop address = 10.2.0.0/16 }\n"
                           "  boundary \"eu\" { geography = eu-data-boundary }\n}\n"));
}

TEST(FrontEnd, UnknownKeySuggestsTheClosest) {
  EXPECT_EQ(std::vector<std::string>{"M001 4:3 `topology` has no attribute `enviroment`; did you mean `environment`?"},
            diagnostics_of("topology \"t\" {\n  region \"eu\" { location = westeurope address = 10.2.0.0/16 "
                           "boundary = eu }\n  boundary \"eu\" { geography = eu-data-boundary }\n"
                           "  enviroment = \"prod\"\n}\n"));
}

TEST(FrontEnd, UnknownKeysAmongManyTenantsInTheOrderWritten) {
  // Past 16 items the topology's body is read through an index by key; each
  // unknown item is still reported with its hint, and a tenant declared
  // again against its first declaration.
  std::string text =
      "topology \"t\" {\n  boundary \"eu\" { geography = eu-data-boundary }\n"
      "  region \"eu\" { location = westeurope  boundary = eu  address = 10.2.0.0/16 }\n";
  for (int i = 0; i < 20; ++i) {
    text += fmt::format("  tenant \"t{}\" {{ residency = eu }}\n", i % 18);
    if (i == 4) text += "  tenat \"x\" { residency = eu }\n";
    if (i == 12) text += "  colour = blue\n";
  }
  text += "}\n";
  EXPECT_EQ((std::vector<std::string>{
                "M001 9:3 `topology` has no block `tenat`; did you mean `tenant`?",
                "M001 18:3 `topology` has no attribute `colour`",
                "M003 24:10 tenant `t0` is declared twice",
                "M003 25:10 tenant `t1` is declared twice",
            }),
            diagnostics_of(text));
}

TEST(FrontEnd, DanglingBoundaryReference) {
  auto d = diagnostics_of(
      "topology \"t\" {\n  boundary \"eu\" { geography = eu-data-boundary }\n"
      "  region \"eu\" { location = westeurope  boundary = ue  address = 10.2.0.0/16 }\n"
      "  tenant \"x\" { residency = eu }\n}\n");
  EXPECT_EQ(std::vector<std::string>{
                "M004 3:51 region `eu` refers to boundary `ue`, which is not declared; did you mean `eu`?"},
            d);
}

TEST(FrontEnd, SyntaxErrorIsP001WithPosition) {
  EXPECT_EQ(std::vector<std::string>{"P001 2:10 expected a value after `=`: a string, number, duration "
                                     "like 30s, CIDR, name or list; found `}`"},
            diagnostics_of("topology \"t\" {\n  mode = }\n"));
}

TEST(FrontEnd, EmptyFileHasNoTopology) {
  EXPECT_EQ(std::vector<std::string>{
                "M012 1:1 the file holds no topology; start with `topology \"name\" { ... }`"},
            diagnostics_of(""));
}

TEST(FrontEnd, FrontDoorProbeIntervalWithinAzurermRange) {
  // azurerm 4.x: health_probe.interval_in_seconds is 1 to 255.
  auto with_interval = [](std::string_view interval) {
    return fmt::format(
        "topology \"t\" {{\n  boundary \"eu\" {{ geography = eu-data-boundary }}\n"
        "  region \"eu\" {{ location = westeurope  address = 10.2.0.0/16 }}\n"
        "  frontdoor {{\n    probe {{ interval = {} }}\n    unrouted = eu\n  }}\n}}\n",
        interval);
  };
  EXPECT_EQ(std::vector<std::string>{}, codes_of(with_interval("255s")));
  EXPECT_EQ(std::vector<std::string>{}, codes_of(with_interval("1s")));
  EXPECT_EQ(std::vector<std::string>{"M011 5:24 probe `interval` must be between 1s and 255s"},
            diagnostics_of(with_interval("5m")));
}

}  // namespace
}  // namespace topoc::testing
