// A region's Event Grid system topic on its storage account, and the
// subscription that delivers the account's blob created events to a Service
// Bus topic of the region (`storage { events { blob_created = ... } }`).
// Event Grid handles each event (the blob's URL and metadata) in the system
// topic's location, which is its source's: a processing placement.
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::eventgrid {

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.storage || !r.storage->events || !r.servicebus) continue;
    const model::StorageEvents& events = *r.storage->events;
    const std::string k = estate::instance(r.key);
    const std::string module = "module.eventgrid" + k;
    const std::string& name = e.names.region(r.key, "eventgrid");
    auto& topic = estate::add_regional(e, r, module + ".azurerm_eventgrid_system_topic.this",
                                       "azurerm_eventgrid_system_topic", name, r.location.value,
                                       {{"topic_type", "Microsoft.Storage.StorageAccounts"}}, true);
    topic.source = events.location;
    estate::Placement processing{estate::PlacementKind::kProcessing, {r.location.value}};
    processing.reasons.push_back(
        {events.blob_created.location,
         fmt::format("region `{}` sets `events {{ blob_created = \"{}\" }}`: Event Grid reads "
                     "each new blob's URL and metadata in `{}`, the location of the storage "
                     "account it watches",
                     r.key, events.blob_created.value, r.location.value)});
    topic.placements.push_back(std::move(processing));
    // The system topic's identity sends to the topic: the namespace refuses
    // shared access keys. Role assignments have no location.
    auto& role = estate::add_regional(
        e, r, module + ".azurerm_role_assignment.sender", "azurerm_role_assignment", "", "",
        {{"role_definition_name", "Azure Service Bus Data Sender"}}, false);
    role.resource_group.clear();
    role.source = events.blob_created.location;
    estate::add_regional(e, r,
                         module + ".azurerm_eventgrid_system_topic_event_subscription.blob_created",
                         "azurerm_eventgrid_system_topic_event_subscription",
                         e.names.region(r.key, "eventgrid.blob_created"), r.location.value,
                         {{"included_event_types", {"Microsoft.Storage.BlobCreated"}}}, false)
        .source = events.blob_created.location;
  }
}

}  // namespace topoc::services::eventgrid
