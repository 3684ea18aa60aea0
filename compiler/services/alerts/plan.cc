// Alerts: the action groups, one metric alert per watched resource and the
// activity-log alerts. Webhook receivers appear by name only: their URLs are
// secrets the tree takes as inputs.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/catalog/region_catalog.h"
#include "compiler/catalog/web_test_locations.h"
#include "compiler/estate/add_resource.h"
#include "compiler/estate/properties.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/services/alerts/availability.h"
#include "compiler/services/alerts/log_query.h"
#include "compiler/services/alerts/notified_groups.h"
#include "compiler/services/registry.h"

namespace topoc::services::alerts {

using nlohmann::json;

namespace {

json receivers(const model::Sourced<std::string>& email,
               const std::vector<model::Sourced<std::string>>& webhooks) {
  json out = {{"email", email.value.empty() ? json() : json(email.value)}};
  for (const auto& w : webhooks) out["webhooks"].push_back(w.value);
  return out;
}

// A resource of region `r` outside the region's resource group: held by the
// region's boundary.
void held_by(const model::Topology& t, const model::Region& r, estate::Resource& res) {
  res.region = &r;
  if (const model::Boundary* b = rules::boundary_of(t, r))
    res.holders.push_back(static_cast<size_t>(b - t.boundaries.data()));
}

// A `data = ...` the topology writes classes the placement's data, the line
// leading its reasons.
void declare_data(estate::Placement& p, const model::Sourced<model::DataClass>& data,
                  const std::string& declarer) {
  if (!data.explicit_) return;
  p.data_class = data.value;
  p.reasons.insert(p.reasons.begin(),
                   {data.location, fmt::format("{} `data = {}`", declarer,
                                               model::to_string(data.value))});
}

// The operations the failover events are recorded as in the activity log
// (Microsoft Learn, "Azure permissions for Databases"):
// - Cosmos DB: a change of the accounts' failover priorities, which a manual
//   failover is (REST "Database Accounts - Failover Priority Change").
// - PostgreSQL flexible server: a restart, which with `restartWithFailover`
//   fails a high-availability server over to its standby (REST "Servers -
//   Restart"); a plain restart matches too.
struct Watched {
  const char* operation;
  const char* resource_type;
};
constexpr Watched kCosmosFailover{
    "Microsoft.DocumentDB/databaseAccounts/failoverPriorityChange/action",
    "Microsoft.DocumentDB/databaseAccounts"};
constexpr Watched kPostgresFailover{"Microsoft.DBforPostgreSQL/flexibleServers/restart/action",
                                    "Microsoft.DBforPostgreSQL/flexibleServers"};

// Where Azure processes the alert: global, unless every boundary it watches
// allows one of the two EU locations that Azure also offers for
// activity-log alerts (azurerm 4.55.0 accepts global, westeurope,
// northeurope; Microsoft Learn: rules in those two keep processing inside the
// EU Data Boundary).
std::string processing_location(const model::Topology& t, const model::ActivityAlert& a,
                                const std::vector<size_t>& holders) {
  if (a.processed_in.explicit_) return a.processed_in.value;
  if (holders.empty()) return "global";
  for (const char* location : {"westeurope", "northeurope"}) {
    bool all = std::all_of(holders.begin(), holders.end(),
                           [&](size_t b) { return t.boundaries[b].allows(location); });
    if (all) return location;
  }
  return "global";
}

void plan_activity(estate::Estate& e) {
  const model::Topology& t = *e.topology;
  for (const model::ActivityAlert& a : t.alerts.activity) {
    estate::ActivityAlertInstance x;
    x.key = a.name;
    x.name = e.names.get("alerts.activity." + a.name);
    x.alert = &a;
    // Boundary indexes, made a sorted set below.
    auto hold_boundary = [&](const model::Boundary* b) {
      if (b) x.holders.push_back(static_cast<size_t>(b - t.boundaries.data()));
    };
    auto hold = [&](const model::Region& r) { hold_boundary(rules::boundary_of(t, r)); };
    switch (a.event.value) {
      case model::ActivityEvent::kCosmosFailover:
        x.category = "Administrative";
        x.operation = kCosmosFailover.operation;
        x.resource_type = kCosmosFailover.resource_type;
        for (const estate::CosmosAccount& account : e.cosmos) {
          if (!account.non_personal) hold_boundary(account.boundary);
        }
        break;
      case model::ActivityEvent::kPostgresFailover:
        x.category = "Administrative";
        x.operation = kPostgresFailover.operation;
        x.resource_type = kPostgresFailover.resource_type;
        for (const model::Region& r : t.regions)
          if (r.has(model::Service::kPostgres)) hold(r);
        break;
      case model::ActivityEvent::kResourceHealth:
        x.category = "ResourceHealth";
        for (const model::Region& r : t.regions) hold(r);
        break;
      case model::ActivityEvent::kServiceHealth: {
        x.category = "ServiceHealth";
        for (const model::Region& r : t.regions) hold(r);
        if (a.events.empty()) {
          x.events = {"ActionRequired", "Incident"};
        } else {
          for (const auto& ev : a.events) x.events.push_back(model::azure_name(ev.value));
        }
        std::vector<std::string> locations;
        if (a.regions.empty()) {
          for (const model::Region& r : t.regions) locations.push_back(r.location.value);
        } else {
          for (const auto& l : a.regions) locations.push_back(l.value);
        }
        for (const std::string& l : locations) {
          const catalog::RegionInfo* info = catalog::find_region(l);
          if (info) x.regions.emplace_back(info->display);
        }
        break;
      }
    }
    std::sort(x.events.begin(), x.events.end());
    x.events.erase(std::unique(x.events.begin(), x.events.end()), x.events.end());
    std::sort(x.regions.begin(), x.regions.end());
    x.regions.erase(std::unique(x.regions.begin(), x.regions.end()), x.regions.end());
    std::sort(x.holders.begin(), x.holders.end());
    x.holders.erase(std::unique(x.holders.begin(), x.holders.end()), x.holders.end());
    x.location = processing_location(t, a, x.holders);
    x.groups = notified_groups(t.alerts, a);
    e.activity_alerts.push_back(std::move(x));
  }
}

// A log search alert on each region's Application Insights, evaluated where
// the component is: the query reads the region's telemetry, and Azure runs it
// and holds its results in the rule's location.
void plan_log(estate::Estate& e) {
  const model::Topology& t = *e.topology;
  for (const model::Alert& a : t.alerts.alerts) {
    if (!a.log_search) continue;
    if (a.custom_metric.value.empty() && !catalog::find_metric(a.metric.value)) continue;
    for (const model::Region& r : t.regions) {
      if (!r.monitoring) continue;
      const std::string key = "alerts." + a.name + ".region." + r.key;
      if (e.names.get(key).empty()) continue;
      const std::string& component = e.names.region(r.key, "appi");
      e.log_alerts.push_back({a.name + "/" + r.key, e.names.get(key), &a, &r, e.names.scope(key),
                              component, log_query(a), log_description(a, component),
                              notified_groups(t.alerts, a)});
    }
  }
  std::sort(e.log_alerts.begin(), e.log_alerts.end(),
            [](const auto& x, const auto& y) { return x.key < y.key; });
}

void add_log(estate::Estate& e) {
  for (const estate::LogAlertInstance& x : e.log_alerts) {
    const model::Alert& a = *x.alert;
    const model::Region& r = *x.region;
    auto& res = estate::add_resource(
        e,
        "module.alerts.azurerm_monitor_scheduled_query_rules_alert_v2.this" +
            estate::instance(x.key),
        "azurerm_monitor_scheduled_query_rules_alert_v2", x.name, r.location.value,
        r.boundary_name.value, x.resource_group,
        estate::Props()
            .set("severity", a.severity.value)
            .set("evaluation_frequency", estate::iso_duration(a.frequency_seconds.value))
            .set("window_duration", estate::iso_duration(a.window_seconds.value))
            .set("criteria", estate::Props()
                                 .set("query", x.query)
                                 .set("operator", model::to_string(a.comparison.value))
                                 .set("threshold", a.threshold.value))
            .set("action_groups", x.groups)
            .set("target", estate::Props()
                               .set("kind", "app_insights")
                               .set("key", r.key)
                               .set("name", x.watched)),
        true);
    res.source = a.location;
    held_by(*e.topology, r, res);
    // In the region's own location, so covered by the region's placement
    // (follows_region leaves it unchecked): listed, not reported twice.
    estate::Placement p = estate::follows_region(r, "the log search alert");
    p.kind = estate::PlacementKind::kProcessing;
    p.reasons.push_back({a.location, fmt::format("alert `{}` queries the telemetry of region "
                                                 "`{}` and Azure runs the query where the rule is",
                                                 a.name, r.key)});
    res.placements.push_back(std::move(p));
  }
}

void plan_availability(estate::Estate& e) {
  const model::Topology& t = *e.topology;
  for (const model::AvailabilityTest& a : t.alerts.availability) {
    const model::Region* region = availability_region(t, a);
    if (!region || a.url.value.empty()) continue;  // M039, M005
    std::vector<std::string> probes = probe_locations(t, a, *region);
    if (probes.empty()) continue;  // M039
    const std::string key = "alerts.availability." + a.name;
    estate::AvailabilityTestInstance x;
    x.key = a.name;
    x.name = e.names.get(key);
    x.alert_name = e.names.get(key + ".alert");
    if (a.slower_than_ms.explicit_) x.duration_alert_name = e.names.get(key + ".duration");
    x.test = &a;
    x.region = region;
    x.resource_group = e.names.scope(key);
    x.alert_resource_group = e.names.scope(key + ".alert");
    for (const std::string& l : probes) x.probe_ids.emplace_back(catalog::web_test_location(l));
    x.probe_locations = std::move(probes);
    x.failed_locations = failed_locations(a, x.probe_locations.size());
    x.groups = notified_groups(t.alerts, a);
    e.availability_tests.push_back(std::move(x));
  }
}

// The web test runs its requests from each probe location, where Azure
// holds the responses until it records the results in the region's
// Application Insights: a processing placement there.
void add_availability(estate::Estate& e) {
  const model::Topology& t = *e.topology;
  for (const estate::AvailabilityTestInstance& x : e.availability_tests) {
    const model::AvailabilityTest& a = *x.test;
    const model::Region& r = *x.region;
    const std::string k = estate::instance(x.key);
    auto& test = estate::add_resource(
        e, "module.alerts.azurerm_application_insights_standard_web_test.this" + k,
        "azurerm_application_insights_standard_web_test", x.name, r.location.value,
        r.boundary_name.value, x.resource_group,
        {{"url", a.url.value},
         {"frequency", a.frequency_seconds.value},
         {"timeout", a.timeout_seconds.value},
         {"expected_status_code", a.status.value},
         {"geo_locations", x.probe_ids},
         {"target", {{"kind", "app_insights"}, {"key", r.key}}}},
        true);
    test.source = a.location;
    held_by(t, r, test);
    estate::Placement p{estate::PlacementKind::kProcessing, x.probe_locations};
    p.reasons.push_back(
        {a.location, fmt::format("availability test `{}` requests its URL from {} and Azure "
                                 "holds the responses there",
                                 a.name, rules::quoted_list(x.probe_locations, 4))});
    if (!a.from.empty()) {
      p.reasons.push_back({a.from.front().location, "the probe locations `from` lists"});
    } else {
      p.reasons.push_back({a.location, fmt::format("by default, the locations of region `{}`'s "
                                                   "boundary where Azure runs availability tests",
                                                   r.key)});
    }
    declare_data(p, a.data, fmt::format("availability test `{}` declares its responses", a.name));
    test.placements.push_back(std::move(p));
    json alert = {{"severity", a.severity.value},
                  {"failed_locations", x.failed_locations},
                  {"action_groups", x.groups}};
    estate::add_resource(e, "module.alerts.azurerm_monitor_metric_alert.availability" + k,
                         "azurerm_monitor_metric_alert", x.alert_name, "global", "",
                         x.alert_resource_group, alert, true)
        .source = a.location;
    if (x.duration_alert_name.empty()) continue;
    estate::add_resource(
        e, "module.alerts.azurerm_monitor_metric_alert.availability_duration" + k,
        "azurerm_monitor_metric_alert", x.duration_alert_name, "global", "",
        x.alert_resource_group,
        {{"severity", a.severity.value},
         {"threshold_ms", a.slower_than_ms.value},
         {"action_groups", x.groups}},
        true)
        .source = a.slower_than_ms.location;
  }
}

void add_activity(estate::Estate& e, const std::string& rg) {
  for (const estate::ActivityAlertInstance& x : e.activity_alerts) {
    const model::ActivityAlert& a = *x.alert;
    json criteria = {{"category", x.category}};
    if (!x.operation.empty()) criteria["operation_name"] = x.operation;
    if (!x.resource_type.empty()) criteria["resource_type"] = x.resource_type;
    if (!x.events.empty())
      criteria["service_health"] = {{"events", x.events}, {"locations", x.regions}};
    auto& r = estate::add_resource(
        e, "module.alerts.azurerm_monitor_activity_log_alert.this" + estate::instance(x.key),
        "azurerm_monitor_activity_log_alert", x.name, x.location, "", rg,
        {{"criteria", criteria}, {"action_groups", x.groups}}, true);
    r.source = a.location;
    r.holders = x.holders;
    estate::Placement p{estate::PlacementKind::kProcessing, {x.location}};
    p.reasons.push_back(
        {a.location, fmt::format("activity alert `{}` watches `{}` in the subscription's activity "
                                 "log, processed in `{}`",
                                 a.name, model::to_string(a.event.value), x.location)});
    if (!a.processed_in.explicit_ && x.location == "global") {
      p.reasons.push_back({a.location,
                           "Azure processes activity-log alerts only in `global`, "
                           "`westeurope` or `northeurope`, and no EU location fits "
                           "every boundary the alert watches"});
    }
    declare_data(p, a.data, fmt::format("activity alert `{}` declares its events", a.name));
    r.placements.push_back(std::move(p));
  }
}

}  // namespace

void plan(estate::Estate& e) {
  plan_activity(e);
  plan_log(e);
  plan_availability(e);
  if (!e.has_alerts()) return;
  const model::Topology& t = *e.topology;
  if (e.placements_only) {
    add_activity(e, e.names.get("global.rg"));
    add_log(e);
    add_availability(e);
    return;
  }
  const std::string& rg = e.names.get("global.rg");
  json group = receivers(t.alerts.email, t.alerts.webhooks);
  group["short_name"] = e.names.get("alerts.action_group.short_name");
  estate::add_resource(e, "module.alerts.azurerm_monitor_action_group.this",
                       "azurerm_monitor_action_group", e.names.get("alerts.action_group"), "global",
                       "", rg, group, true)
      .source = t.alerts.location;
  for (const model::ActionGroup& g : t.alerts.groups) {
    const std::string key = "alerts.group." + g.name;
    json named = receivers(g.email, g.webhooks);
    named["short_name"] = e.names.get(key + ".short_name");
    estate::add_resource(
        e, "module.alerts.azurerm_monitor_action_group.named" + estate::instance(g.name),
        "azurerm_monitor_action_group", e.names.get(key), "global", "", rg, named, true)
        .source = g.location;
  }
  for (const estate::AlertInstance& a : e.alerts) {
    estate::Props criteria;
    criteria.set("metric_namespace", a.metric->namespace_)
        .set("metric_name", a.metric->metric)
        .set("aggregation", a.metric->aggregation)
        .set("operator", model::to_string(a.alert->comparison.value))
        .set("threshold", a.alert->threshold.value);
    if (!a.metric->dimension.empty()) {
      criteria.set("dimension", estate::Props()
                                    .set("name", a.metric->dimension)
                                    .set("values", json::array_t{a.metric->dimension_value}));
    }
    estate::add_resource(
        e, "module.alerts.azurerm_monitor_metric_alert.this" + estate::instance(a.key),
        "azurerm_monitor_metric_alert", a.name, "global", "", a.resource_group,
        estate::Props()
            .set("severity", a.alert->severity.value)
            .set("frequency", estate::iso_duration(a.alert->frequency_seconds.value))
            .set("window_size", estate::iso_duration(a.alert->window_seconds.value))
            .set("criteria", std::move(criteria))
            .set("action_groups", a.groups)
            .set("target", estate::Props()
                               .set("kind", a.target)
                               .set("key", a.target_key)
                               .set("name", a.watched)),
        true)
        .source = a.alert->location;
  }
  add_log(e);
  add_availability(e);
  add_activity(e, rg);
}

}  // namespace topoc::services::alerts
