// Whether a region's Service Bus namespace lets trusted Microsoft services
// past its closed public endpoint: exactly when the region's storage sends
// blob events to it. Event Grid never delivers through a private endpoint;
// it reaches a namespace without public access only as a trusted service,
// with its own identity (azure-docs event-grid/consume-private-endpoints.md,
// service-bus-messaging/private-link-service.md, "Trusted Microsoft
// services"). Other namespaces keep the exception off.
#pragma once

#include "compiler/model/topology.h"

namespace topoc::services::servicebus {

inline bool trusts_microsoft_services(const model::Region& r) {
  return r.servicebus && r.storage && r.storage->events;
}

}  // namespace topoc::services::servicebus
