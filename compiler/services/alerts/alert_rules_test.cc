// M022: an alert's window against the time grain its metric is published at.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// One region with Cosmos DB; the alert's body starts on line 7.
std::string with_alert(std::string_view body) {
  return fmt::format(R"(topology "t" {{
  boundary "us" {{ geography = united-states }}
  region "east" {{ location = eastus  failover = westus  address = 10.1.0.0/16 }}
  cosmos {{}}
  alerts {{
    alert "availability" {{
{}    }}
  }}
}}
)",
                     body);
}

TEST(AlertWindowGrain, HourlyMetricNeedsAnHourlyWindow) {
  std::string text = with_alert(
      "      metric = cosmos.availability\n"
      "      below  = 99.9%\n"
      "      window = 15m\n");
  EXPECT_EQ(Lines{"M022 9:16 `cosmos.availability` is published every 1h at the shortest, so a "
                  "15m window holds no data point to evaluate"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ("write `window = 1h` or longer", d.help);
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("1h", d.fixit->replacement);
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(text, "window = 15m", "window = 6h")));
}

TEST(AlertWindowGrain, TheDefaultWindowIsNamed) {
  EXPECT_EQ(Lines{"M022 6:11 `cosmos.availability` is published every 1h at the shortest, so a "
                  "5m window (the default) holds no data point to evaluate"},
            diagnostics_of(with_alert("      metric = cosmos.availability\n"
                                      "      below  = 99.9%\n")));
}

TEST(AlertWindowGrain, MinuteMetricsTakeAnyWindow) {
  EXPECT_EQ(Lines{}, diagnostics_of(with_alert("      metric = cosmos.replication_latency\n"
                                               "      above  = 500ms\n"
                                               "      window = 1m\n")));
}

}  // namespace
}  // namespace topoc::testing
