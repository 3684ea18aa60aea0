// Topics and subscriptions of a Service Bus Premium namespace.
// S041: every entity of a partitioned namespace is partitioned and no entity
// of another one is (azurerm 4.55 servicebus_topic_resource.go refuses both
// at apply time; Microsoft Learn, "Enable partitioning for an Azure Service
// Bus Premium namespace"). S042: a duplicate detection window is 20 seconds
// to 7 days. S043: idle deletion is at least 5 minutes, and a time to live
// is longer than zero (Microsoft Learn, Service Bus management API
// `AutoDeleteOnIdle`, `DuplicateDetectionHistoryTimeWindow`; "Message
// expiration"). S044: a SQL filter is 1-1024 characters (azurerm 4.55
// internal/services/servicebus/validate/sql_filter.go).
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

constexpr int64_t kMinDuplicateWindow = 20;
constexpr int64_t kMaxDuplicateWindow = 7 * 86400;
constexpr int64_t kMinAutoDelete = 5 * 60;
constexpr size_t kMaxFilter = 1024;

void lifetimes(const model::Sourced<int64_t>& ttl, const model::Sourced<int64_t>& auto_delete,
               std::string_view what, diag::DiagnosticSink& sink) {
  if (ttl.explicit_ && ttl.value <= 0) {
    auto& d = sink.report(diag::Kind::ServiceBusLifetime, ttl.location,
                          fmt::format("messages of {} would expire as soon as they arrive", what));
    d.help = "write a `ttl` longer than zero, or remove it so messages never expire";
  }
  if (auto_delete.explicit_ && auto_delete.value < kMinAutoDelete) {
    auto& d = sink.report(diag::Kind::ServiceBusLifetime, auto_delete.location,
                          fmt::format("{} would be deleted after {} seconds idle; Service Bus "
                                      "waits at least 5 minutes",
                                      what, auto_delete.value));
    d.help = "write `auto_delete = 5m` or longer, or remove it to keep the entity";
  }
}

}  // namespace

void servicebus_entities(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.servicebus) continue;
    const model::ServiceBus& sb = *region.servicebus;
    for (const model::ServiceBusTopic& topic : sb.topics) {
      std::string what = fmt::format("topic `{}` of region `{}`", topic.name, region.key);
      if (topic.partitioned.explicit_ && topic.partitioned.value != sb.partitioned()) {
        auto& d = sink.report(
            diag::Kind::ServiceBusTopicPartitioning, topic.partitioned.location,
            topic.partitioned.value
                ? fmt::format("{} is partitioned, but its namespace has one partition", what)
                : fmt::format("{} is not partitioned, but its namespace has {} partitions", what,
                              sb.partitions.value));
        if (sb.partitions.explicit_) {
          d.notes.push_back({sb.partitions.location, "the namespace's partitions are set here"});
        }
        d.help = topic.partitioned.value
                     ? "remove `partitioned`, or give the namespace `partitions = 2` or 4"
                     : "remove `partitioned`: a partitioned namespace partitions every topic";
      }
      const auto& window = topic.duplicate_detection;
      if (window.explicit_ &&
          (window.value < kMinDuplicateWindow || window.value > kMaxDuplicateWindow)) {
        auto& d = sink.report(diag::Kind::ServiceBusDuplicateWindow, window.location,
                              fmt::format("{} remembers message IDs for {} seconds; Service Bus "
                                          "keeps them from 20 seconds to 7 days",
                                          what, window.value));
        d.help = "write a `duplicate_detection` window from 20s to 7d";
      }
      lifetimes(topic.ttl, topic.auto_delete, what, sink);
      for (const model::ServiceBusSubscription& sub : topic.subscriptions) {
        std::string sub_what = fmt::format("subscription `{}` of topic `{}` (region `{}`)",
                                           sub.name, topic.name, region.key);
        lifetimes(sub.ttl, sub.auto_delete, sub_what, sink);
        if (!sub.filter.explicit_) continue;
        size_t length = sub.filter.value.size();
        if (length >= 1 && length <= kMaxFilter) continue;
        auto& d = sink.report(
            diag::Kind::ServiceBusFilterLength, sub.filter.location,
            length == 0 ? fmt::format("the SQL filter of {} is empty", sub_what)
                        : fmt::format("the SQL filter of {} is {} characters; Service Bus takes "
                                      "at most {}",
                                      sub_what, length, kMaxFilter));
        d.help = length == 0 ? "remove `filter` for a subscription that gets every message"
                             : "shorten the filter, or split it over several subscriptions";
      }
    }
  }
}

}  // namespace topoc::rules
