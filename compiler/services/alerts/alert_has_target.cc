// M040: an alert on a metric that nothing in the topology publishes. A
// metric alert is written once per resource of its metric's service, and a
// log search alert once per region's Application Insights; with none there
// is nothing to write, and the alert the topology declares would be missing
// from the tree without a word.
#include <fmt/format.h>

#include "compiler/catalog/metric_catalog.h"
#include "compiler/rules/rules.h"
#include "compiler/services/alerts/targets.h"

namespace topoc::rules {

using catalog::MetricTarget;

void alert_has_target(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Alert& a : t.alerts.alerts) {
    const catalog::MetricInfo* metric =
        a.metric.value.empty() ? nullptr : catalog::find_metric(a.metric.value);
    if (!a.log_search && !metric) continue;  // an unknown metric is M009's
    // Log search alerts query each region's Application Insights.
    const MetricTarget target = a.log_search ? MetricTarget::kAppInsights : metric->target;
    if (services::alerts::target_exists(t, target)) continue;
    const diag::Location& at = a.metric.explicit_          ? a.metric.location
                               : a.custom_metric.explicit_ ? a.custom_metric.location
                                                           : a.location;
    std::string what = a.custom_metric.value.empty()
                           ? fmt::format("`{}`", a.metric.value)
                           : fmt::format("custom metric `{}`", a.custom_metric.value);
    auto& d = sink.report(
        diag::Kind::AlertWithoutTarget, at,
        a.log_search
            ? fmt::format("alert `{}` queries {} in Application Insights, but no region runs "
                          "`monitoring`: nothing is watched and no alert is written",
                          a.name, what)
            : fmt::format("alert `{}` watches {}, a metric of {}, which the topology does not "
                          "have: nothing is watched and no alert is written",
                          a.name, what, services::alerts::target_noun(target)));
    d.help = fmt::format("{}, or remove the alert", services::alerts::target_fix(target));
  }
}

}  // namespace topoc::rules
