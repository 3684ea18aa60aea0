#include "compiler/services/monitoring/log_sink.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/rules/residency_facts.h"

namespace topoc::services::monitoring {

const model::Region* log_workspace_region(const model::Topology& t, const model::Region& r) {
  if (!r.monitoring) return nullptr;
  if (r.monitoring->logs_to.value.empty()) return &r;
  const model::Region* ws = t.find_region(r.monitoring->logs_to.value);
  return ws && ws->monitoring ? ws : nullptr;
}

estate::Placement log_sink(const estate::Estate& e, const model::Region& r, const model::Region& ws,
                           std::string_view subject, estate::Wording wording) {
  estate::Placement p;
  p.kind = estate::PlacementKind::kLogSink;
  p.locations = {ws.location.value};
  const std::string& workspace = e.names.region(ws.key, "log");
  if (&ws == &r) {
    p.reasons.push_back(
        {r.monitoring->location,
         fmt::format("{} land in workspace `{}` in {} because `region \"{}\"` sets `monitoring "
                     "{{ ... }}`",
                     subject, workspace, ws.location.value, r.key)});
    p.checked = false;
    return p;
  }
  p.reasons.push_back(
      {r.monitoring->logs_to.location,
       fmt::format("{} land in workspace `{}` in {} because `region \"{}\"` sets `monitoring {{ "
                   "logs_to = \"{}\" }}`",
                   subject, workspace, ws.location.value, r.key, ws.key)});
  p.reasons.push_back({ws.location.location, fmt::format("region `{}` keeps its workspace in `{}`",
                                                         ws.key, ws.location.value)});
  p.wording = wording;
  return p;
}

void report_log_sink(const estate::Breach& b, diag::DiagnosticSink& sink, std::string_view lead,
                     std::string_view attribute) {
  const estate::Placement& p = *b.placement;
  const std::string boundary = b.boundary ? b.boundary->name : "";
  auto& d = sink.report(diag::Kind::LogSinkOutsideBoundary, p.reasons.front().at,
                        fmt::format("{} in {}, outside boundary `{}`", lead,
                                    rules::quoted_list(b.outside, 3), boundary));
  for (const estate::ReasonStep& step : p.reasons) d.notes.push_back({step.at, step.text});
  if (b.boundary) d.notes.push_back(rules::declared_here(*b.boundary));
  if (attribute == "logs_to") {
    d.help = fmt::format(
        "set `logs_to` to a region of boundary `{}` that runs `monitoring`, or remove it to keep "
        "the logs in the region's own workspace",
        boundary);
  } else {
    d.help = fmt::format("set `{}` to a region of boundary `{}` that runs `monitoring`", attribute,
                         boundary);
  }
}

namespace {

bool is_boundary_insights(const estate::Resource& res) {
  return res.azurerm_type == "azurerm_application_insights" &&
         res.key.find(".azurerm_application_insights.boundary[") != std::string::npos;
}

}  // namespace

BoundaryInsights::BoundaryInsights(const estate::Estate& e) {
  for (const estate::Resource& res : e.resources) {
    if (!is_boundary_insights(res)) continue;
    any_ = true;
    by_region_[res.region].push_back(&res);
  }
  for (auto& [region, hosted] : by_region_) {
    std::sort(hosted.begin(), hosted.end(),
              [](const estate::Resource* a, const estate::Resource* b) { return a->key < b->key; });
  }
}

std::span<const estate::Resource* const> BoundaryInsights::in(const model::Region& r) const {
  auto it = by_region_.find(&r);
  if (it == by_region_.end()) return {};
  return it->second;
}

}  // namespace topoc::services::monitoring
