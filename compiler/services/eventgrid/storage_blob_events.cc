// S090: `storage { events { blob_created = "<topic>" } }` delivers the blob
// created events of the region's storage account to a Service Bus topic of
// the same region. An Event Grid system topic lives in its source's location
// (Microsoft Learn, "System topics in Azure Event Grid"), and topoc keeps the
// delivery inside the region, so the topic must be one the region's own
// `servicebus` block declares.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void storage_blob_events(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.storage || !region.storage->events) continue;
    const model::Sourced<std::string>& topic = region.storage->events->blob_created;
    if (!topic.explicit_) continue;
    if (!region.servicebus) {
      auto& d = sink.report(
          diag::Kind::BlobEventsTopicUnknown, topic.location,
          fmt::format("blob events of region `{}` go to Service Bus topic `{}`, but the region "
                      "runs no Service Bus namespace",
                      region.key, topic.value));
      d.help = fmt::format(
          "add `servicebus` to the region's services with `topic \"{}\" {{ }}` in its "
          "`servicebus` block",
          topic.value);
      continue;
    }
    bool found = false;
    for (const model::ServiceBusTopic& tp : region.servicebus->topics) {
      found = found || tp.name == topic.value;
    }
    if (found) continue;
    auto& d = sink.report(
        diag::Kind::BlobEventsTopicUnknown, topic.location,
        fmt::format("blob events of region `{}` go to Service Bus topic `{}`, which the region's "
                    "namespace does not have",
                    region.key, topic.value));
    d.notes.push_back({region.servicebus->location, "the region's namespace is declared here"});
    std::string names;
    for (const model::ServiceBusTopic& tp : region.servicebus->topics) {
      names += (names.empty() ? "`" : ", `") + tp.name + "`";
    }
    d.help = names.empty()
                 ? fmt::format("declare `topic \"{}\" {{ }}` in the region's `servicebus` block",
                               topic.value)
                 : fmt::format(
                       "name one of the region's topics ({}), or declare `topic \"{}\" "
                       "{{ }}` in its `servicebus` block",
                       names, topic.value);
  }
}

}  // namespace topoc::rules
