// The model of `alerts`: action groups with their receivers, and metric
// alerts (dsl/README.md). Part of compiler/model/topology.h,
// which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

// What listens at a webhook receiver's URL. The URL itself is a secret and
// never part of the topology: the tree takes it from a sensitive input.
enum class WebhookKind { kWebhook, kTeams, kPagerDuty };

const char* to_string(WebhookKind);  // the DSL word: webhook, teams, pagerduty
// What the receiver's URL is, in words, for the tree's input descriptions.
const char* url_description(WebhookKind);

struct Webhook {
  std::string name;
  Location location;
  Sourced<WebhookKind> kind;
};

// An action group: where alerts are sent. The default group (`default`)
// takes the `alerts` block's own `email` and `webhooks`; `group` blocks
// declare more.
struct ActionGroup {
  std::string name;
  Location location;
  Sourced<std::string> email;                  // empty = none
  std::vector<Sourced<std::string>> webhooks;  // names of `webhook` receivers
  // Alerts that name no groups go to every group whose `max_severity` is at
  // least theirs (severity 0 is the most urgent).
  Sourced<int64_t> max_severity{4};
};

// How a log search alert reduces an Application Insights custom metric's
// values in its window.
enum class CustomAggregation { kMaximum, kMinimum, kAverage, kTotal };

const char* to_string(CustomAggregation);  // the DSL word: maximum, minimum, average, total

struct Alert {
  std::string name;
  Location location;
  Sourced<std::string> metric;  // catalogue key, e.g. cosmos.replication_latency; empty with custom_metric
  // An Application Insights custom metric by name (`customMetrics` table).
  Sourced<std::string> custom_metric;
  Sourced<CustomAggregation> aggregation{CustomAggregation::kMaximum};  // custom metrics only
  Sourced<int64_t> percentile;  // 1..99 of a value metric's log column; 0 = none
  Sourced<std::string> per;     // a ratio's denominator, a count metric's key; empty = none
  // Evaluated by a log search alert (a scheduled query rule on Application
  // Insights) rather than a metric alert: a custom metric, a percentile, a
  // ratio or a metric with no platform metric. Set by the reader.
  bool log_search = false;
  Sourced<Comparison> comparison;
  Sourced<double> threshold;
  Sourced<int64_t> window_seconds;
  Sourced<int64_t> frequency_seconds;
  Sourced<int64_t> severity;                 // 0 (critical) .. 4 (verbose)
  std::vector<Sourced<std::string>> notify;  // action groups; empty = by severity
};

// What an activity-log alert listens for (dsl/README.md, `activity`).
enum class ActivityEvent { kServiceHealth, kResourceHealth, kCosmosFailover, kPostgresFailover };

// The Service Health event types Azure Monitor filters on.
enum class HealthEvent { kIncident, kMaintenance, kInformational, kActionRequired, kSecurity };

const char* to_string(ActivityEvent);  // the DSL word: service_health, cosmos_failover, ...
const char* to_string(HealthEvent);    // the DSL word: incident, action_required, ...
const char* azure_name(HealthEvent);   // Incident, ActionRequired, ...

// An activity-log alert: Azure Monitor matches events of the subscription's
// activity log (administrative operations, Service Health, Resource Health)
// where the rule's location says, and notifies action groups.
struct ActivityAlert {
  std::string name;
  Location location;
  Sourced<ActivityEvent> event;
  std::vector<Sourced<HealthEvent>>
      events;  // service_health only; empty = incident, action_required
  std::vector<Sourced<std::string>> regions;  // service_health only; empty = the regions' locations
  Sourced<std::string> processed_in;  // global, westeurope, northeurope; empty = by boundary
  Sourced<DataClass> data{DataClass::kPersonal};  // what the matched events are taken to hold
  Sourced<int64_t> severity{1};  // routing only: Azure gives activity-log alerts no severity
  std::vector<Sourced<std::string>> notify;  // action groups; empty = by severity
};

// An availability (standard web) test: Azure requests `url` from each probe
// location every `every` and records the results in a region's Application
// Insights; an alert fires when `failed_locations` of them fail, and another
// when the responses are on average slower than `slower_than`.
struct AvailabilityTest {
  std::string name;
  Location location;
  Sourced<std::string> url;
  Sourced<std::string> region;             // whose Application Insights; empty = the only one
  std::vector<Sourced<std::string>> from;  // Azure locations; empty = those of the boundary
  Sourced<int64_t> frequency_seconds{300};
  Sourced<int64_t> timeout_seconds{30};
  Sourced<int64_t> status{200};
  Sourced<int64_t> failed_locations;  // 0 = the probe locations less two, at least one
  Sourced<int64_t> slower_than_ms;    // 0 = no latency alert
  Sourced<int64_t> certificate_days;  // fail when the TLS certificate expires sooner; 0 = not checked
  Sourced<DataClass> data{DataClass::kPersonal};  // what the responses are taken to hold
  Sourced<int64_t> severity{1};
  std::vector<Sourced<std::string>> notify;  // action groups; empty = by severity
};

struct Alerts {
  Location location;
  Sourced<std::string> email;                  // the default group's email receiver; empty = none
  std::vector<Sourced<std::string>> webhooks;  // the default group's webhook receivers
  Sourced<bool> defaults{true};                // add the built-in alerts for the services present
  std::vector<Webhook> receivers;
  std::vector<ActionGroup> groups;  // the declared groups, without the default one
  std::vector<Alert> alerts;
  std::vector<ActivityAlert> activity;
  std::vector<AvailabilityTest> availability;
};

}  // namespace topoc::model
