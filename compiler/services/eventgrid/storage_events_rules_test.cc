// Blob events to Service Bus (S090), and the processing placement of the
// Event Grid system topic.
#include <gtest/gtest.h>

#include "compiler/estate/estate.h"
#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// A West Europe region with storage and Service Bus: `storage` on line 4,
// the namespace with a topic `index-sync-events` on line 5.
std::string events_with(std::string_view storage, std::string_view allowed = "westeurope") {
  return fmt::format(R"(topology "t" {{
  boundary "b" {{ geography = eu-data-boundary  locations = [{}] }}
  region "r" {{ location = westeurope  services = [storage, servicebus]  address = 10.2.0.0/16
    storage {{ {} }}
    servicebus {{ topic "index-sync-events" {{ }} }}
  }}
}}
)",
                     allowed, storage);
}

TEST(StorageBlobEvents, TopicOfTheRegionPasses) {
  EXPECT_EQ(Lines{},
            diagnostics_of(events_with("events { blob_created = \"index-sync-events\" }")));
}

TEST(StorageBlobEvents, TopicTheNamespaceLacks) {
  std::string text = events_with("events { blob_created = \"uploads\" }");
  EXPECT_EQ(Lines{"S090 4:39 blob events of region `r` go to Service Bus topic `uploads`, which "
                  "the region's namespace does not have"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  EXPECT_EQ(Lines{"5:5 the region's namespace is declared here"}, notes_of(result, d));
  EXPECT_EQ(
      "name one of the region's topics (`index-sync-events`), or declare `topic "
      "\"uploads\" { }` in its `servicebus` block",
      d.help);
}

TEST(StorageBlobEvents, RegionWithoutNamespace) {
  std::string text = R"(topology "t" {
  boundary "b" { geography = eu-data-boundary }
  region "r" { location = westeurope  services = [storage]  address = 10.2.0.0/16
    storage { events { blob_created = "uploads" } }
  }
}
)";
  EXPECT_EQ(Lines{"S090 4:39 blob events of region `r` go to Service Bus topic `uploads`, but the "
                  "region runs no Service Bus namespace"},
            diagnostics_of(text));
}

TEST(StorageBlobEvents, SystemTopicProcessesInTheRegion) {
  auto result = check_text(events_with("events { blob_created = \"index-sync-events\" }"));
  ASSERT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.front(), {});
  const estate::Resource* topic = nullptr;
  for (const estate::Resource& r : e.resources) {
    if (r.azurerm_type == "azurerm_eventgrid_system_topic") topic = &r;
  }
  ASSERT_NE(nullptr, topic);
  EXPECT_EQ("westeurope", topic->location);
  ASSERT_EQ(1u, topic->placements.size());
  EXPECT_EQ(estate::PlacementKind::kProcessing, topic->placements[0].kind);
  EXPECT_EQ(std::vector<std::string>{"westeurope"}, topic->placements[0].locations);
}

}  // namespace
}  // namespace topoc::testing
