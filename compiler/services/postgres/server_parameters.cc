#include "compiler/services/postgres/server_parameters.h"

#include <algorithm>

#include "compiler/catalog/metric_catalog.h"

namespace topoc::services::postgres {

std::vector<std::pair<std::string_view, std::string_view>> server_parameters(
    const model::Topology& t) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const model::Alert& a : t.alerts.alerts) {
    const catalog::MetricInfo* m = catalog::find_metric(a.metric.value);
    if (!m || m->target != catalog::MetricTarget::kPostgres || m->server_parameter.empty())
      continue;
    // Every such parameter is a collector switch: `on` publishes the metric.
    out.emplace_back(m->server_parameter, "on");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace topoc::services::postgres
