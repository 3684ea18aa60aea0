// Service Bus Premium rules S040-S047, the residency of the geo-disaster
// recovery partner (R010), and the ISO 8601 durations both backends write.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "compiler/services/servicebus/durations.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// A one-region topology in `location` running only Service Bus, configured
// by `servicebus` on line 4; the boundary allows `allowed`.
std::string servicebus_in(std::string_view location, std::string_view allowed,
                          std::string_view servicebus) {
  return fmt::format(R"(topology "t" {{
  boundary "b" {{ geography = eu-data-boundary  locations = [{}] }}
  region "r" {{ location = {}  services = [servicebus]  address = 10.2.0.0/16
    servicebus {{ {} }}
  }}
}}
)",
                     allowed, location, servicebus);
}

std::string servicebus_with(std::string_view servicebus) {
  return servicebus_in("westeurope", "westeurope, northeurope", servicebus);
}

TEST(ServiceBusRules, DefaultsPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(servicebus_with("")));
}

TEST(ServiceBusRules, EverySettingAzureAcceptsPasses) {
  EXPECT_EQ(Lines{},
            diagnostics_of(servicebus_with(
                "capacity = 4  partitions = 2  geo_dr { partner = northeurope }  "
                "topic \"sync\" { ttl = 1h  auto_delete = 5m  duplicate_detection = 7d  "
                "partitioned = true  max_size_mb = 5120  subscription \"a\" { max_delivery = 5  "
                "ttl = 30m  dead_letter_on_expiration = true  filter = \"region = 'eu'\" } }")));
}

// S040

TEST(ServiceBusCapacity, UnitsAzureDoesNotOffer) {
  EXPECT_EQ(Lines{"S040 4:29 the Service Bus namespace of region `r` cannot have 3 messaging "
                  "units"},
            diagnostics_of(servicebus_with("capacity = 3")));
}

TEST(ServiceBusCapacity, PartitionsAzureDoesNotOffer) {
  EXPECT_EQ(Lines{"S040"}, codes_of(servicebus_with("partitions = 3")));
}

TEST(ServiceBusCapacity, UnitsNotAMultipleOfPartitions) {
  std::string text = servicebus_with("capacity = 2  partitions = 4");
  EXPECT_EQ(Lines{"S040 4:29 the Service Bus namespace of region `r` spreads 2 messaging units "
                  "over 4 partitions; Azure gives every partition the same number of units"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"4:45 4 partitions chosen here"},
            notes_of(result, result.sink.diagnostics().at(0)));
}

TEST(ServiceBusCapacity, PartnerHeldToTheSame) {
  EXPECT_EQ(Lines{"S040"},
            codes_of(servicebus_with("geo_dr { partner = northeurope  capacity = 32 }")));
  EXPECT_EQ(Lines{}, codes_of(servicebus_with("geo_dr { partner = northeurope  capacity = 2 }")));
}

// S041

TEST(ServiceBusEntities, PartitionedTopicInUnpartitionedNamespace) {
  EXPECT_EQ(Lines{"S041 4:47 topic `sync` of region `r` is partitioned, but its namespace has one "
                  "partition"},
            diagnostics_of(servicebus_with("topic \"sync\" { partitioned = true }")));
}

TEST(ServiceBusEntities, UnpartitionedTopicInPartitionedNamespace) {
  EXPECT_EQ(Lines{"S041"},
            codes_of(servicebus_with(
                "capacity = 2  partitions = 2  topic \"sync\" { partitioned = false }")));
}

TEST(ServiceBusEntities, TopicsFollowTheNamespaceByDefault) {
  EXPECT_EQ(Lines{}, codes_of(servicebus_with("capacity = 2  partitions = 2  topic \"sync\" {}")));
}

// S042

TEST(ServiceBusEntities, DuplicateWindowTooShort) {
  EXPECT_EQ(Lines{"S042 4:55 topic `sync` of region `r` remembers message IDs for 10 seconds; "
                  "Service Bus keeps them from 20 seconds to 7 days"},
            diagnostics_of(servicebus_with("topic \"sync\" { duplicate_detection = 10s }")));
}

TEST(ServiceBusEntities, DuplicateWindowTooLong) {
  EXPECT_EQ(Lines{"S042"},
            codes_of(servicebus_with("topic \"sync\" { duplicate_detection = 8d }")));
  EXPECT_EQ(Lines{}, codes_of(servicebus_with("topic \"sync\" { duplicate_detection = 20s }")));
}

// S043

TEST(ServiceBusEntities, AutoDeleteBelowFiveMinutes) {
  EXPECT_EQ(Lines{"S043 4:47 topic `sync` of region `r` would be deleted after 240 seconds idle; "
                  "Service Bus waits at least 5 minutes"},
            diagnostics_of(servicebus_with("topic \"sync\" { auto_delete = 4m }")));
}

TEST(ServiceBusEntities, ZeroTimeToLive) {
  EXPECT_EQ(Lines{"S043"},
            codes_of(servicebus_with("topic \"sync\" { subscription \"a\" { ttl = 0s } }")));
}

// S044

TEST(ServiceBusEntities, EmptyFilter) {
  EXPECT_EQ(
      Lines{"S044 4:61 the SQL filter of subscription `a` of topic `sync` (region `r`) is "
            "empty"},
      diagnostics_of(servicebus_with("topic \"sync\" { subscription \"a\" { filter = \"\" } }")));
}

TEST(ServiceBusEntities, FilterLongerThan1024Characters) {
  std::string filter = "x = '" + std::string(1020, 'a') + "'";
  EXPECT_EQ(Lines{"S044"},
            codes_of(servicebus_with(fmt::format(
                "topic \"sync\" {{ subscription \"a\" {{ filter = \"{}\" }} }}", filter))));
  filter = "x = '" + std::string(1018, 'a') + "'";
  EXPECT_EQ(1024u, filter.size());
  EXPECT_EQ(Lines{},
            codes_of(servicebus_with(fmt::format(
                "topic \"sync\" {{ subscription \"a\" {{ filter = \"{}\" }} }}", filter))));
}

// S045, S046

TEST(ServiceBusGeoDr, PartnerInTheSameLocation) {
  EXPECT_EQ(Lines{"S045 4:37 the geo-disaster recovery partner of region `r` is in `westeurope`, "
                  "the namespace's own location"},
            diagnostics_of(servicebus_with("geo_dr { partner = westeurope }")));
}

TEST(ServiceBusGeoDr, PartitionedPairedWithUnpartitioned) {
  EXPECT_EQ(Lines{"S046 4:93 the Service Bus namespace of region `r` has 2 partitions and its "
                  "geo-disaster recovery partner 1; Azure pairs only namespaces that are both "
                  "partitioned or both not"},
            diagnostics_of(servicebus_with(
                "capacity = 2  partitions = 2  geo_dr { partner = northeurope  partitions = 1 }")));
}

TEST(ServiceBusGeoDr, PartnerTakesTheNamespacesPartitions) {
  EXPECT_EQ(
      Lines{},
      codes_of(servicebus_with("capacity = 4  partitions = 4  geo_dr { partner = northeurope }")));
}

TEST(ServiceBusGeoDr, PartnerNeedsALocation) {
  EXPECT_EQ(Lines{"M005"}, codes_of(servicebus_with("geo_dr { capacity = 2 }")));
}

// S047

TEST(ServiceBusGeoDr, GeoReplicationRefused) {
  EXPECT_EQ(Lines{"S047 4:36 geo-replication of the Service Bus namespace of region `r` cannot be "
                  "deployed: azurerm 4.55 has no argument for it"},
            diagnostics_of(servicebus_with("geo_replication = northeurope")));
}

// Names written in the topology are checked as Azure names (X001).

TEST(ServiceBusNames, TopicAndSubscriptionNamesAzureRefuses) {
  EXPECT_EQ((Lines{"X001", "X001"}),
            codes_of(servicebus_with("topic \"-events\" { subscription \"a/b\" {} }")));
}

// Placement: the partner (R010).

TEST(ServiceBusResidency, PartnerInsideTheBoundaryPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(servicebus_with("geo_dr { partner = northeurope }")));
}

TEST(ServiceBusResidency, PartnerOutsideTheBoundary) {
  std::string text = servicebus_in("westeurope", "westeurope", "geo_dr { partner = northeurope }");
  EXPECT_EQ(Lines{"R010 4:37 the replica of azurerm_servicebus_namespace `sbns-t-r-prod-dr` is in "
                  "`northeurope`, outside boundary `b`"},
            diagnostics_of(text));
}

// Durations as azurerm and ARM take them.

TEST(ServiceBusDurations, WholeUnits) {
  using services::servicebus::iso8601_duration;
  EXPECT_EQ("PT20S", iso8601_duration(20));
  EXPECT_EQ("PT10M", iso8601_duration(600));
  EXPECT_EQ("PT1H", iso8601_duration(3600));
  EXPECT_EQ("P14D", iso8601_duration(14 * 86400));
  EXPECT_EQ("P1DT1H1M1S", iso8601_duration(90061));
  EXPECT_EQ("PT0S", iso8601_duration(0));
}

}  // namespace
}  // namespace topoc::testing
