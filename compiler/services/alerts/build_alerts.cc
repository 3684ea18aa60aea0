// `alerts`: action groups with their receivers, and metric alerts.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <span>

#include "compiler/catalog/metric_catalog.h"
#include "compiler/catalog/region_catalog.h"
#include "compiler/diag/suggest.h"
#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"
#include "compiler/services/alerts/targets.h"

namespace topoc::model {
namespace {

using diag::Kind;

constexpr Choice<WebhookKind> kWebhookKinds[] = {
    {"webhook", WebhookKind::kWebhook},
    {"teams", WebhookKind::kTeams},
    {"pagerduty", WebhookKind::kPagerDuty},
};

constexpr Choice<CustomAggregation> kCustomAggregations[] = {
    {"maximum", CustomAggregation::kMaximum},
    {"minimum", CustomAggregation::kMinimum},
    {"average", CustomAggregation::kAverage},
    {"total", CustomAggregation::kTotal},
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

// What an activity-log alert's events or an availability test's responses hold.
constexpr Choice<DataClass> kDataClasses[] = {
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
// The windows of those that a log search alert's `window_duration` accepts too
// (azurerm 4.55.0 monitor_scheduled_query_rules_alert_v2_resource.go: PT1M to
// PT6H and P1D, P2D; no PT12H). Every frequency above is one of its
// `evaluation_frequency` values.
constexpr int64_t kLogWindows[] = {60, 300, 900, 1800, 3600, 21600, 86400};

// An Application Insights custom metric's name goes into the log query as a
// KQL string literal: letters, digits and `_ . - /` and spaces need no
// escape in it, in Terraform or in Bicep.
bool valid_custom_metric_name(std::string_view name) {
  if (name.empty() || name.size() > 150) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '-' || c == '/' || c == ' ';
  });
}

// Keys of the catalogue metrics with a log source of the given kind.
std::string log_metric_keys(bool value_column) {
  std::string out;
  for (const catalog::MetricInfo& m : catalog::all_metrics()) {
    if ((value_column ? m.log_column : m.log_count_if).empty()) continue;
    out += out.empty() ? "" : ", ";
    out += m.key;
  }
  return out;
}

// `custom_metric`, `percentile`, `per` and `aggregation`: the conditions only
// a log search alert evaluates (M037, M038). Sets Alert::log_search. A
// condition refused is dropped, so the estate `topoc check` still plans
// holds only queries log_query.h can write. Returns whether it refused one.
bool read_log_condition(BlockReader& r, Alert& a, const catalog::MetricInfo* metric) {
  const ReadContext& ctx = r.context();
  const bool custom = a.custom_metric.explicit_;
  const std::string custom_name = a.custom_metric.value;  // kept for messages once refused
  bool refused = false;
  if (custom && !valid_custom_metric_name(a.custom_metric.value)) {
    refused = true;
    auto& d = ctx.sink->report(
        Kind::InvalidCustomMetricName, a.custom_metric.location,
        fmt::format("custom metric name `{}` is not letters, digits, spaces and `_ . - /`",
                    a.custom_metric.value));
    d.help = "the name is quoted into the alert's log query; rename the metric where the "
             "application sends it, at most 150 characters";
    a.custom_metric = {};
  }
  auto unsupported = [&](const Location& at, std::string message, std::string help) {
    ctx.sink->report(Kind::LogConditionUnsupported, at, std::move(message)).help = std::move(help);
    refused = true;
  };
  if (r.integer("percentile", a.percentile, 1, 99)) {
    if (custom) {
      unsupported(a.percentile.location,
                  fmt::format("custom metric `{}` arrives pre-aggregated, with no values to take "
                              "a percentile of",
                              custom_name),
                  "remove `percentile`, or write `aggregation = maximum` or another");
      a.percentile = {};
    } else if (metric && metric->log_column.empty()) {
      unsupported(a.percentile.location,
                  fmt::format("`{}` has no per-request value to take a percentile of", a.metric.value),
                  fmt::format("a percentile watches one of: {}", log_metric_keys(true)));
      a.percentile = {};
    }
  }
  if (r.name("per", a.per)) {
    const catalog::MetricInfo* denominator = catalog::find_metric(a.per.value);
    if (a.percentile.explicit_) {
      unsupported(a.per.location, "an alert has a percentile or a ratio, not both",
                  "keep `percentile = ...` or `per = ...`; write another alert for the other");
      a.per = {};
    } else if (custom) {
      unsupported(a.per.location,
                  fmt::format("custom metric `{}` has no requests to divide by", custom_name),
                  "remove `per`, or send the ratio itself as the custom metric");
      a.per = {};
    } else if (bool bad_per = !denominator || denominator->log_count_if.empty();
               bad_per || (metric && metric->log_count_if.empty())) {
      const Sourced<std::string>& culprit = bad_per ? a.per : a.metric;
      unsupported(culprit.location,
                  fmt::format("a ratio divides two request counts; `{}` is not one", culprit.value),
                  fmt::format("write both as request counts: {}", log_metric_keys(false)));
      a.per = {};
    }
  }
  if (r.choice<CustomAggregation>("aggregation", a.aggregation, kCustomAggregations) && !custom) {
    unsupported(a.aggregation.location,
                fmt::format("`aggregation` reduces a custom metric; `{}` aggregates as the "
                            "catalogue says",
                            a.metric.value),
                "remove `aggregation`; `topoc metrics` lists each metric's");
  }
  a.log_search = !a.custom_metric.value.empty() || a.percentile.explicit_ || a.per.explicit_ ||
                 (metric && catalog::log_only(*metric));
  return refused;
}

void read_alert(BlockReader& r, Alert& a) {
  const ReadContext& ctx = r.context();
  const catalog::MetricInfo* metric = nullptr;
  const bool custom = r.string("custom_metric", a.custom_metric);
  if (custom && r.attribute("metric")) {
    ctx.report(Kind::Duplicate, r.attribute("metric")->key_span,
               "an alert watches one metric: `metric` or `custom_metric`");
  } else if (r.name("metric", a.metric)) {
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
  } else if (!custom) {
    ctx.sink->report(Kind::MissingAttribute, a.location,
                     fmt::format("alert `{}` needs `metric = ...` or `custom_metric = \"...\"`",
                                 a.name));
  }
  const bool refused = read_log_condition(r, a, metric);
  // The threshold's unit: a ratio's is a percentage, a custom metric's is
  // whatever the application sends (a plain number); unknown once a
  // condition is refused, which is error enough.
  std::optional<catalog::MetricUnit> unit;
  if (refused) {
    // unit stays unknown
  } else if (a.per.explicit_) {
    unit = catalog::MetricUnit::kPercent;
  } else if (custom) {
    unit = catalog::MetricUnit::kCount;
  } else if (metric) {
    unit = metric->unit;
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
      bool secs = v.text == "s";
      unit_ok = unit ? (percent && *unit == catalog::MetricUnit::kPercent) ||
                           (ms && *unit == catalog::MetricUnit::kMilliseconds) ||
                           (secs && *unit == catalog::MetricUnit::kSeconds)
                     : (percent || ms || secs);
      if (!unit_ok) {
        ctx.report(Kind::UnknownUnit, v.span,
                   fmt::format("`{}{}` does not fit {}; its threshold is {}", v.number, v.text,
                               a.per.explicit_ ? fmt::format("the ratio `{} per {}`",
                                                             a.metric.value, a.per.value)
                               : custom ? fmt::format("custom metric `{}`", a.custom_metric.value)
                                        : fmt::format("metric `{}`", a.metric.value),
                               !unit                                          ? "a number"
                               : *unit == catalog::MetricUnit::kPercent      ? "a percentage like 5%"
                               : *unit == catalog::MetricUnit::kMilliseconds ? "a latency like 500ms"
                               : *unit == catalog::MetricUnit::kSeconds      ? "a duration like 10s"
                               : custom ? "a plain number in the metric's own unit"
                                        : "a count"));
        continue;
      }
    } else if (a.per.explicit_) {
      ctx.report(Kind::UnknownUnit, v.span,
                 fmt::format("a ratio's threshold is a percentage: write `{}%`", v.number));
      continue;
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
  if (r.duration("window", a.window_seconds)) {
    std::span<const int64_t> windows = a.log_search ? std::span<const int64_t>(kLogWindows)
                                                    : std::span<const int64_t>(kWindows);
    if (std::find(windows.begin(), windows.end(), a.window_seconds.value) == windows.end()) {
      ctx.sink->report(Kind::OutOfRange, a.window_seconds.location,
                       a.log_search ? "a log search alert's `window` must be one of 1m, 5m, "
                                      "15m, 30m, 1h, 6h, 1d"
                                    : "`window` must be one of 1m, 5m, 15m, 30m, 1h, 6h, 12h, 1d");
    }
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
  r.choice<DataClass>("data", a.data, kDataClasses);
  r.integer("severity", a.severity, 0, 4);
  r.names("notify", a.notify);
}

// Standard web tests run every 5, 10 or 15 minutes (azurerm 4.55.0
// application_insights_standard_web_test_resource.go: `frequency` 300, 600
// or 900) and give up on a request after at most two minutes (Learn,
// "Application Insights availability tests": timeout up to 120 seconds).
constexpr int64_t kTestFrequencies[] = {300, 600, 900};

// An http(s) URL with a host and nothing a tree's string literal would have
// to escape: no whitespace, quotes, backslashes or `$`/`%` template openers.
bool valid_test_url(std::string_view url) {
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest.front() == '/' || url.size() > 2048) return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '\\' || c == '\'' ||
           c == '$' || c == '%' || c == '{' || c == '}' || c == 0x7f;
  });
}

void read_availability(BlockReader& r, AvailabilityTest& a) {
  const ReadContext& ctx = r.context();
  if (r.string("url", a.url)) {
    if (!valid_test_url(a.url.value)) {
      auto& d = ctx.sink->report(Kind::AvailabilityTestSetup, a.url.location,
                                 fmt::format("`{}` is not an http:// or https:// URL with a host",
                                             a.url.value));
      d.help = "write the full address the probes request, such as "
               "\"https://api.example.com/health\" (no spaces, quotes, `$`, `%` or braces)";
      a.url = {};
    }
  } else if (!r.attribute("url")) {
    ctx.sink->report(Kind::MissingAttribute, a.location,
                     fmt::format("availability test `{}` needs `url = \"https://...\"`", a.name));
  }
  r.name("region", a.region);
  if (r.names("from", a.from)) {
    for (const Sourced<std::string>& l : a.from) {
      if (catalog::find_region(l.value)) continue;
      ctx.sink->report(Kind::UnknownLocation, l.location,
                       fmt::format("unknown Azure location `{}`; write a programmatic name such as "
                                   "`westeurope`",
                                   l.value));
    }
  }
  if (r.duration("every", a.frequency_seconds) &&
      std::find(std::begin(kTestFrequencies), std::end(kTestFrequencies),
                a.frequency_seconds.value) == std::end(kTestFrequencies)) {
    ctx.sink->report(Kind::OutOfRange, a.frequency_seconds.location,
                     "an availability test runs `every` 5m, 10m or 15m");
  }
  if (r.duration("timeout", a.timeout_seconds) &&
      (a.timeout_seconds.value < 1 || a.timeout_seconds.value > 120)) {
    ctx.sink->report(Kind::OutOfRange, a.timeout_seconds.location,
                     "an availability test's `timeout` is 1s to 2m");
  }
  r.integer("status", a.status, 100, 599);
  r.integer("failed_locations", a.failed_locations, 1, 16);
  r.milliseconds("slower_than", a.slower_than_ms);
  if (r.integer("certificate_days", a.certificate_days, 1, 365) && !a.url.value.empty() &&
      !a.url.value.starts_with("https://")) {
    auto& d = ctx.sink->report(Kind::AvailabilityTestSetup, a.certificate_days.location,
                               fmt::format("`{}` serves no certificate to check: it is not https",
                                           a.url.value));
    d.help = "write an https:// URL, or remove `certificate_days`";
    a.certificate_days = {};
  }
  r.choice<DataClass>("data", a.data, kDataClasses);
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
  for (const AvailabilityTest& a : alerts.availability)
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
  for (const dsl::Node* n : r.blocks("availability")) {
    auto label =
        single_label(ctx, *n, "availability \"api\" { url = \"https://api.example.com/health\" }");
    if (!label) continue;
    AvailabilityTest a;
    a.name = *label;
    a.location = ctx.at(n->labels[0].span);
    BlockReader ar(*n, ctx);
    read_availability(ar, a);
    ar.finish();
    names.declare(a.name, a.location,
                  [&] { return fmt::format("alert `{}` is declared twice", a.name); });
    alerts.availability.push_back(std::move(a));
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
    if (!services::alerts::target_exists(t, metric->target)) continue;
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
