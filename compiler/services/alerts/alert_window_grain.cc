// M022: Azure Monitor evaluates a metric alert over the data points its
// window holds, and a metric published only every hour (Cosmos DB's
// ServiceAvailability, at PT1H) has none in a five-minute window: the alert
// never fires. The catalogue records each metric's shortest time grain.
#include <fmt/format.h>

#include "compiler/catalog/metric_catalog.h"
#include "compiler/rules/duration_text.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void alert_window_grain(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Alert& a : t.alerts.alerts) {
    const catalog::MetricInfo* metric = catalog::find_metric(a.metric.value);
    if (!metric || a.window_seconds.value >= metric->min_grain_seconds) continue;
    const std::string grain = duration_text(metric->min_grain_seconds);
    bool written = a.window_seconds.explicit_;
    auto& d = sink.report(
        diag::Kind::WindowBelowMetricGrain, written ? a.window_seconds.location : a.location,
        fmt::format("`{}` is published every {} at the shortest, so a {} window{} holds no data "
                    "point to evaluate",
                    a.metric.value, grain, duration_text(a.window_seconds.value),
                    written ? "" : " (the default)"));
    d.help = fmt::format("write `window = {}` or longer", grain);
    if (written) d.fixit = diag::FixIt{a.window_seconds.location, grain};
  }
}

}  // namespace topoc::rules
