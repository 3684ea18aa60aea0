// `alerts`: action groups with their receivers, and metric alerts.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/catalog/metric_catalog.h"
#include "compiler/catalog/region_catalog.h"
#include "compiler/diag/suggest.h"
#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

using diag::Kind;

constexpr Choice<WebhookKind> kWebhookKinds[] = {
    {"webhook", WebhookKind::kWebhook},
    {"teams", WebhookKind::kTeams},
    {"pagerduty", WebhookKind::kPagerDuty},
};

constexpr Choice<ActivityEvent> kActivityEvents[] = {
    {"service_health", ActivityEvent::kServiceHealth},
    {"resource_health", ActivityEvent::kResourceHealth},
    {"cosmos_failover", ActivityEvent::kCosmosFailover},
    {"postgres_failover", ActivityEvent::kPostgresFailover},
};

constexpr Choice<HealthEvent> kHealthEvents[] = {
    {"incident", HealthEvent::kIncident},
    {"maintenance", HealthEvent::kMaintenance},
    {"informational", HealthEvent::kInformational},
    {"action_required", HealthEvent::kActionRequired},
    {"security", HealthEvent::kSecurity},
};

constexpr Choice<DataClass> kActivityData[] = {
    {"personal", DataClass::kPersonal},
    {"non-personal", DataClass::kNonPersonal},
};

// Where Azure Monitor processes an activity-log alert rule: azurerm 4.55.0
// refuses any other `location` (monitor_activity_log_alert_resource.go,
// CustomizeDiff; eastus2euap, a canary region, left out).
constexpr std::string_view kActivityLocations[] = {"global", "westeurope", "northeurope"};

// The default group's name in `notify` lists.
constexpr std::string_view kDefaultGroup = "default";

struct DefaultAlert {
  const char* name;
  const char* metric;
  Comparison comparison;
  double threshold;
  int64_t window;
  int64_t frequency;
  int64_t severity;
};

// The alerts of the reference architecture's monitoring table.
constexpr DefaultAlert kDefaultAlerts[] = {
    {"cosmos-replication-lag", "cosmos.replication_latency", Comparison::kGreaterThan, 500, 900,
     300, 2},
    {"frontdoor-origin-health", "frontdoor.origin_health", Comparison::kLessThan, 90, 300, 60, 1},
    {"frontdoor-5xx-rate", "frontdoor.5xx_rate", Comparison::kGreaterThan, 1, 300, 60, 1},
    {"aks-ready-nodes", "aks.ready_nodes", Comparison::kLessThan, 3, 300, 60, 1},
    {"openai-throttling", "openai.throttled_requests", Comparison::kGreaterThan, 50, 300, 60, 2},
    {"app-response-time", "app.response_time", Comparison::kGreaterThan, 800, 300, 60, 2},
};

// Azure Monitor metric alerts accept only these windows and evaluation frequencies.
constexpr int64_t kWindows[] = {60, 300, 900, 1800, 3600, 21600, 43200, 86400};
constexpr int64_t kFrequencies[] = {60, 300, 900, 1800, 3600};

bool target_exists(const Topology& t, catalog::MetricTarget target) {
  auto any_region = [&](Service s) {
    return std::any_of(t.regions.begin(), t.regions.end(),
                       [&](const Region& r) { return r.has(s); });
  };
  switch (target) {
    case catalog::MetricTarget::kCosmos:
      return t.cosmos.has_value();
    case catalog::MetricTarget::kFrontDoor:
      return t.frontdoor.has_value();
    case catalog::MetricTarget::kAks:
      return any_region(Service::kAks);
    case catalog::MetricTarget::kOpenAI:
      return any_region(Service::kOpenAI);
    case catalog::MetricTarget::kAppInsights:
      return any_region(Service::kMonitoring);
    case catalog::MetricTarget::kRedis:
      return any_region(Service::kRedis);
    case catalog::MetricTarget::kSearch:
      return any_region(Service::kAiSearch);
  }
  return false;
}

void read_alert(BlockReader& r, Alert& a) {
  const ReadContext& ctx = r.context();
  const catalog::MetricInfo* metric = nullptr;
  if (r.name("metric", a.metric)) {
    metric = catalog::find_metric(a.metric.value);
    if (!metric) {
      std::vector<std::string_view> keys;
      for (const auto& m : catalog::all_metrics()) keys.push_back(m.key);
      auto& d = ctx.sink->report(Kind::UnknownMetric, a.metric.location,
                                 fmt::format("unknown metric `{}`{}", a.metric.value,
                                             diag::did_you_mean(a.metric.value, keys)));
      if (auto best = diag::closest(a.metric.value, keys))
        d.fixit = diag::FixIt{a.metric.location, *best};
      d.help = "run `topoc metrics` to list the metrics alerts can watch";
    }
  } else {
    ctx.sink->report(Kind::MissingAttribute, a.location,
                     fmt::format("alert `{}` needs `metric = ...`", a.name));
  }
  struct Op {
    const char* key;
    Comparison comparison;
  };
  constexpr Op kOps[] = {{"above", Comparison::kGreaterThan},
                         {"at_or_above", Comparison::kGreaterOrEqual},
                         {"below", Comparison::kLessThan},
                         {"at_or_below", Comparison::kLessOrEqual}};
  int found = 0;
  for (const Op& op : kOps) {
    const dsl::Node* n = r.attribute(op.key);
    if (!n) continue;
    if (++found > 1) {
      ctx.report(Kind::Duplicate, n->key_span,
                 "an alert has one threshold (`above`, `below`, ...)");
      continue;
    }
    const dsl::Value& v = n->value;
    bool unit_ok = v.kind == dsl::ValueKind::kNumber;
    if (v.kind == dsl::ValueKind::kQuantity) {
      bool percent = v.text == "%";
      bool ms = v.text == "ms";
      unit_ok = metric ? (percent && metric->unit == catalog::MetricUnit::kPercent) ||
                             (ms && metric->unit == catalog::MetricUnit::kMilliseconds)
                       : (percent || ms);
      if (!unit_ok) {
        ctx.report(Kind::UnknownUnit, v.span,
                   fmt::format(
                       "`{}{}` does not fit metric `{}`; its threshold is {}", v.number, v.text,
                       a.metric.value,
                       !metric                                              ? "a number"
                       : metric->unit == catalog::MetricUnit::kPercent      ? "a percentage like 5%"
                       : metric->unit == catalog::MetricUnit::kMilliseconds ? "a latency like 500ms"
                                                                            : "a count"));
        continue;
      }
    } else if (!unit_ok) {
      ctx.report(
          Kind::WrongValueType, v.span,
          fmt::format("`{}` expects a threshold number, found {}", op.key, dsl::describe(v.kind)));
      continue;
    }
    a.comparison = {op.comparison, ctx.at(n->key_span), true};
    a.threshold = {v.number, ctx.at(v.span), true};
  }
  if (found == 0) {
    ctx.sink->report(
        Kind::MissingAttribute, a.location,
        fmt::format("alert `{}` needs a threshold: `above = ...` or `below = ...`", a.name));
  }
  a.window_seconds.value = 300;
  if (r.duration("window", a.window_seconds) &&
      std::find(std::begin(kWindows), std::end(kWindows), a.window_seconds.value) ==
          std::end(kWindows)) {
    ctx.sink->report(Kind::OutOfRange, a.window_seconds.location,
                     "`window` must be one of 1m, 5m, 15m, 30m, 1h, 6h, 12h, 1d");
  }
  a.frequency_seconds.value = 60;
  if (r.duration("every", a.frequency_seconds)) {
    if (std::find(std::begin(kFrequencies), std::end(kFrequencies), a.frequency_seconds.value) ==
        std::end(kFrequencies)) {
      ctx.sink->report(Kind::OutOfRange, a.frequency_seconds.location,
                       "`every` must be one of 1m, 5m, 15m, 30m, 1h");
    } else if (a.frequency_seconds.value > a.window_seconds.value) {
      ctx.sink->report(Kind::OutOfRange, a.frequency_seconds.location,
                       "an alert cannot be evaluated less often than its window");
    }
  }
  a.severity.value = 2;
  r.integer("severity", a.severity, 0, 4);
  r.names("notify", a.notify);
}

void read_activity(BlockReader& r, ActivityAlert& a) {
  const ReadContext& ctx = r.context();
  if (!r.choice<ActivityEvent>("event", a.event, kActivityEvents)) {
    if (!r.attribute("event"))
      ctx.sink->report(Kind::MissingAttribute, a.location,
                       fmt::format("activity alert `{}` needs `event = ...`: service_health, "
                                   "resource_health, cosmos_failover or postgres_failover",
                                   a.name));
  }
  if (const dsl::Node* n = r.attribute("events")) {
    std::vector<Sourced<std::string>> words;
    r.names("events", words);
    std::vector<std::string_view> spellings;
    for (const auto& c : kHealthEvents) spellings.push_back(c.spelling);
    for (const Sourced<std::string>& w : words) {
      auto c = std::find_if(std::begin(kHealthEvents), std::end(kHealthEvents),
                            [&](const auto& c) { return c.spelling == w.value; });
      if (c == std::end(kHealthEvents)) {
        report_choice(ctx, n->value.span, "events", w.value, spellings);
        continue;
      }
      a.events.push_back({c->value, w.location, true});
    }
  }
  if (r.names("regions", a.regions)) {
    for (const Sourced<std::string>& l : a.regions) {
      if (catalog::find_region(l.value)) continue;
      ctx.sink->report(Kind::UnknownLocation, l.location,
                       fmt::format("unknown Azure location `{}`; write a programmatic name "
                                   "such as `westeurope`",
                                   l.value));
    }
  }
  if (a.event.value != ActivityEvent::kServiceHealth) {
    for (const char* key : {"events", "regions"}) {
      const dsl::Node* n = r.attribute(key);
      if (!n) continue;
      auto& d = ctx.report(
          Kind::HealthFilterOnOtherEvent, n->key_span,
          fmt::format("`{}` filters Service Health events; activity alert `{}` watches `{}`", key,
                      a.name, to_string(a.event.value)));
      d.help = fmt::format("remove `{}`, or write `event = service_health`", key);
    }
  }
  if (r.name("processed_in", a.processed_in) &&
      std::find(std::begin(kActivityLocations), std::end(kActivityLocations),
                a.processed_in.value) == std::end(kActivityLocations)) {
    auto& d = ctx.sink->report(
        Kind::UnsupportedAlertLocation, a.processed_in.location,
        fmt::format("Azure processes activity-log alerts only in `global`, `westeurope` or "
                    "`northeurope`, not `{}`",
                    a.processed_in.value));
    d.help =
        "write `processed_in = westeurope` or `northeurope` to keep processing in the EU, or "
        "remove it to let topoc choose by the boundaries the alert watches";
    a.processed_in = {};
  }
  r.choice<DataClass>("data", a.data, kActivityData);
  r.integer("severity", a.severity, 0, 4);
  r.names("notify", a.notify);
}

// A receiver's name keys the tree's secret inputs: an attribute of the
// Terraform variable `alert_webhook_urls`, an environment variable
// ALERT_WEBHOOK_<NAME> read by the Bicep parameter file. A group's name is
// part of its Azure name. Lowercase letters, digits and `-`, starting with a
// letter, fit all of them.
bool valid_receiver_name(std::string_view name) {
  if (name.empty() || name.size() > 60 || name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

void check_receiver_name(const ReadContext& ctx, std::string_view what, const std::string& name,
                         const Location& at) {
  if (valid_receiver_name(name)) return;
  auto& d = ctx.sink->report(
      Kind::InvalidReceiverName, at,
      fmt::format("{} name `{}` is not lowercase letters, digits and `-` starting with a letter",
                  what, name));
  d.help = fmt::format(
      "the name keys the tree's inputs; write `{} \"{}\"` with such a name, "
      "at most 60 characters",
      what == "group" ? "group" : "webhook", "on-call");
}

void read_group(BlockReader& r, ActionGroup& g) {
  r.string("email", g.email);
  r.names("webhooks", g.webhooks);
  r.integer("max_severity", g.max_severity, 0, 4);
}

// Every name in `refs` is one of `declared`; `what` words the kind.
void check_references(const ReadContext& ctx, const std::vector<Sourced<std::string>>& refs,
                      const std::vector<std::string_view>& declared, std::string_view what,
                      std::string_view declare_hint) {
  for (const Sourced<std::string>& ref : refs) {
    if (std::find(declared.begin(), declared.end(), ref.value) != declared.end()) continue;
    auto& d = ctx.sink->report(Kind::UnknownActionTarget, ref.location,
                               fmt::format("no {} `{}` in `alerts`{}", what, ref.value,
                                           diag::did_you_mean(ref.value, declared)));
    if (auto best = diag::closest(ref.value, declared)) d.fixit = diag::FixIt{ref.location, *best};
    d.help = fmt::format("name a declared one, or declare it: `{}`",
                         fmt::format(fmt::runtime(declare_hint), ref.value));
  }
}

// M031-M033: what the groups and alerts name exists, every group has a
// receiver, and every receiver is in a group.
void check_routing(const ReadContext& ctx, const Alerts& alerts) {
  std::vector<std::string_view> receivers;
  for (const Webhook& w : alerts.receivers) receivers.push_back(w.name);
  std::vector<std::string_view> groups{kDefaultGroup};
  for (const ActionGroup& g : alerts.groups) groups.push_back(g.name);
  constexpr std::string_view kWebhookHint = "webhook \"{}\" {{ kind = webhook }}";
  constexpr std::string_view kGroupHint = "group \"{}\" {{ webhooks = [...] }}";
  check_references(ctx, alerts.webhooks, receivers, "webhook receiver", kWebhookHint);
  for (const ActionGroup& g : alerts.groups) {
    check_references(ctx, g.webhooks, receivers, "webhook receiver", kWebhookHint);
    if (g.email.value.empty() && g.webhooks.empty()) {
      auto& d = ctx.sink->report(Kind::EmptyActionGroup, g.location,
                                 fmt::format("action group `{}` has no receiver", g.name));
      d.help = "write `email = \"...\"` or `webhooks = [...]` in it";
    }
  }
  for (const Alert& a : alerts.alerts)
    check_references(ctx, a.notify, groups, "action group", kGroupHint);
  for (const ActivityAlert& a : alerts.activity)
    check_references(ctx, a.notify, groups, "action group", kGroupHint);
  for (const Webhook& w : alerts.receivers) {
    auto names = [&](const std::vector<Sourced<std::string>>& refs) {
      return std::any_of(refs.begin(), refs.end(),
                         [&](const Sourced<std::string>& ref) { return ref.value == w.name; });
    };
    bool used = names(alerts.webhooks) ||
                std::any_of(alerts.groups.begin(), alerts.groups.end(),
                            [&](const ActionGroup& g) { return names(g.webhooks); });
    if (used) continue;
    auto& d =
        ctx.sink->report(Kind::UnusedWebhook, w.location,
                         fmt::format("no action group sends to webhook receiver `{}`", w.name));
    d.help = fmt::format("list it in a group's `webhooks = [{}]`, or remove it", w.name);
  }
}

}  // namespace

void read_alerts(BlockReader& r, Alerts& alerts) {
  const ReadContext& ctx = r.context();
  alerts.location = r.where();
  r.string("email", alerts.email);
  r.names("webhooks", alerts.webhooks);
  r.boolean("defaults", alerts.defaults);
  DuplicateNames receivers(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("webhook")) {
    auto label = single_label(ctx, *n, "webhook \"on-call\" { kind = pagerduty }");
    if (!label) continue;
    Webhook w;
    w.name = *label;
    w.location = ctx.at(n->labels[0].span);
    check_receiver_name(ctx, "webhook receiver", w.name, w.location);
    BlockReader wr(*n, ctx);
    w.kind.value = WebhookKind::kWebhook;
    wr.choice<WebhookKind>("kind", w.kind, kWebhookKinds);
    wr.finish();
    receivers.declare(w.name, w.location, [&] {
      return fmt::format("webhook receiver `{}` is declared twice", w.name);
    });
    alerts.receivers.push_back(std::move(w));
  }
  DuplicateNames groups(*ctx.sink, "first declared here");
  groups.declare(std::string(kDefaultGroup), alerts.location, [] { return std::string(); });
  for (const dsl::Node* n : r.blocks("group")) {
    auto label = single_label(ctx, *n, "group \"pager\" { webhooks = [on-call] }");
    if (!label) continue;
    ActionGroup g;
    g.name = *label;
    g.location = ctx.at(n->labels[0].span);
    check_receiver_name(ctx, "group", g.name, g.location);
    BlockReader gr(*n, ctx);
    read_group(gr, g);
    gr.finish();
    groups.declare(g.name, g.location, [&] {
      return g.name == kDefaultGroup
                 ? std::string(
                       "group `default` is the `alerts` block's own (its `email` and "
                       "`webhooks`); name this group differently")
                 : fmt::format("group `{}` is declared twice", g.name);
    });
    alerts.groups.push_back(std::move(g));
  }
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("alert")) {
    auto label = single_label(ctx, *n, "alert \"replication-lag\" { metric = ... above = ... }");
    if (!label) continue;
    Alert a;
    a.name = *label;
    a.location = ctx.at(n->labels[0].span);
    BlockReader ar(*n, ctx);
    read_alert(ar, a);
    ar.finish();
    names.declare(a.name, a.location,
                  [&] { return fmt::format("alert `{}` is declared twice", a.name); });
    alerts.alerts.push_back(std::move(a));
  }
  for (const dsl::Node* n : r.blocks("activity")) {
    auto label = single_label(ctx, *n, "activity \"failover\" { event = cosmos_failover }");
    if (!label) continue;
    ActivityAlert a;
    a.name = *label;
    a.location = ctx.at(n->labels[0].span);
    BlockReader ar(*n, ctx);
    read_activity(ar, a);
    ar.finish();
    names.declare(a.name, a.location,
                  [&] { return fmt::format("alert `{}` is declared twice", a.name); });
    alerts.activity.push_back(std::move(a));
  }
  check_routing(ctx, alerts);
}

// The default alerts go first, for the services the topology has; an alert
// the user wrote with the same name replaces the default.
void add_default_alerts(Topology& t) {
  if (!t.alerts.defaults.value) return;
  std::vector<Alert> alerts;
  for (const DefaultAlert& d : kDefaultAlerts) {
    const catalog::MetricInfo* metric = catalog::find_metric(d.metric);
    if (!target_exists(t, metric->target)) continue;
    bool overridden = std::any_of(t.alerts.alerts.begin(), t.alerts.alerts.end(),
                                  [&](const Alert& a) { return a.name == d.name; });
    if (overridden) continue;
    Alert a;
    a.name = d.name;
    a.location = t.alerts.location;
    a.metric.value = d.metric;
    a.comparison.value = d.comparison;
    a.threshold.value = d.threshold;
    a.window_seconds.value = d.window;
    a.frequency_seconds.value = d.frequency;
    a.severity.value = d.severity;
    alerts.push_back(std::move(a));
  }
  for (Alert& a : t.alerts.alerts) alerts.push_back(std::move(a));
  t.alerts.alerts = std::move(alerts);
}

}  // namespace topoc::model
