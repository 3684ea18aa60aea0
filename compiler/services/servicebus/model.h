// The model of `servicebus`: the namespace, topics, subscriptions and pairing (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

// A subscription of a Service Bus topic (build_servicebus.cc). Durations are
// in seconds; an unwritten one keeps Azure's default.
struct ServiceBusSubscription {
  std::string name;
  Location location;
  Sourced<int64_t> max_delivery;         // 10
  Sourced<int64_t> ttl;                  // unwritten: the topic's
  Sourced<int64_t> auto_delete;          // unwritten: never
  Sourced<bool> dead_letter_on_expiration;
  Sourced<std::string> filter;           // SQL filter; empty = every message
};

struct ServiceBusTopic {
  std::string name;
  Location location;
  Sourced<int64_t> ttl;                  // unwritten: messages never expire
  Sourced<int64_t> auto_delete;          // unwritten: never
  Sourced<int64_t> duplicate_detection;  // the window; unwritten: no detection
  Sourced<bool> partitioned;             // default: whether the namespace is
  Sourced<int64_t> max_size_mb;          // 1024
  std::vector<ServiceBusSubscription> subscriptions;
};

// The geo-disaster recovery partner: a second Premium namespace that Azure
// keeps a copy of the entities and their settings in (not the messages).
struct ServiceBusGeoDr {
  Location location;                     // the `geo_dr` block
  Sourced<std::string> partner;          // Azure location of the partner
  Sourced<int64_t> capacity;             // default: the namespace's
  Sourced<int64_t> partitions;           // default: the namespace's
};

// A Service Bus Premium namespace and its topics (build_servicebus.cc).
struct ServiceBus {
  Location location;
  Sourced<int64_t> capacity;             // messaging units: 1, 2, 4, 8 or 16
  Sourced<int64_t> partitions;           // 1, 2 or 4
  std::optional<ServiceBusGeoDr> geo_dr;
  Sourced<std::string> geo_replication;  // refused: S047
  std::vector<ServiceBusTopic> topics;
  bool partitioned() const { return partitions.value > 1; }
};

}  // namespace topoc::model
