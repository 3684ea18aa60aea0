// Diagnostic settings: each watched resource of a region with `monitoring`
// sends its platform logs and metrics to a Log Analytics workspace: the
// region's own, or the one of the region `logs_to` names. Each setting is a
// log-sink placement at the workspace's location, checked against the
// boundaries whose data the watched resource holds (R013).
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/estate/add_resource.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/services/diagnostics/categories.h"
#include "compiler/services/registry.h"

namespace topoc::services::diagnostics {
namespace {

// R013, worded for the watched resource rather than the setting.
void word_sink(const estate::Breach& b, diag::DiagnosticSink& sink) {
  const estate::Resource& r = *b.resource;
  const estate::Placement& p = *b.placement;
  auto& d = sink.report(
      diag::Kind::LogSinkOutsideBoundary, p.reasons.front().at,
      fmt::format("diagnostic logs of `{}` land in {}, outside boundary `{}`",
                  r.properties.value("target_resource_name", r.name),
                  rules::quoted_list(b.outside, 3), b.boundary ? b.boundary->name : ""));
  for (const estate::ReasonStep& step : p.reasons) d.notes.push_back({step.at, step.text});
  if (b.boundary) d.notes.push_back(rules::declared_here(*b.boundary));
  d.help = fmt::format(
      "set `logs_to` to a region of boundary `{}` that runs `monitoring`, or remove it to keep "
      "the logs in the region's own workspace",
      b.boundary ? b.boundary->name : "");
}

// The region whose workspace receives `r`'s logs; null when `logs_to`
// names no region with `monitoring` (rule S120 reports it).
const model::Region* workspace_region(const model::Topology& t, const model::Region& r) {
  if (r.monitoring->logs_to.value.empty()) return &r;
  const model::Region* ws = t.find_region(r.monitoring->logs_to.value);
  return ws && ws->monitoring ? ws : nullptr;
}

estate::Placement sink_placement(const estate::Estate& e, const model::Region& r,
                                 const model::Region& ws, std::string_view watched) {
  estate::Placement p;
  p.kind = estate::PlacementKind::kLogSink;
  p.locations = {ws.location.value};
  const std::string& workspace = e.names.region(ws.key, "log");
  if (&ws == &r) {
    p.reasons.push_back(
        {r.monitoring->location,
         fmt::format("diagnostic logs of `{}` land in workspace `{}` in {} because `region \"{}\"` "
                     "sets `monitoring {{ ... }}`",
                     watched, workspace, ws.location.value, r.key)});
    // The region's own location: checked once, on its resource group (R001).
    p.checked = false;
  } else {
    p.reasons.push_back(
        {r.monitoring->logs_to.location,
         fmt::format("diagnostic logs of `{}` land in workspace `{}` in {} because `region \"{}\"` "
                     "sets `monitoring {{ logs_to = \"{}\" }}`",
                     watched, workspace, ws.location.value, r.key, ws.key)});
    p.reasons.push_back(
        {ws.location.location,
         fmt::format("region `{}` keeps its workspace in `{}`", ws.key, ws.location.value)});
    p.wording = word_sink;
  }
  return p;
}

// The watched resource's instance key inside its call's `this`: empty for a
// resource the call makes once, else the unquoted key of `this["<key>"]`.
// A site's key is part of its Azure name, which the naming rules keep to
// letters, digits and `-`, so it needs no unescaping.
std::string member_key(std::string_view estate_key) {
  size_t at = estate_key.rfind(".this[\"");
  if (at == std::string_view::npos || !estate_key.ends_with("\"]")) return "";
  at += 7;
  return std::string(estate_key.substr(at, estate_key.size() - 2 - at));
}

}  // namespace

void plan(estate::Estate& e) {
  const model::Topology& t = *e.topology;
  // Each watched resource by its call's address up to `.this`, found in one
  // pass: a call may make several (App Service sites). The settings are
  // added after: adding moves the resources, indexes stay valid.
  std::unordered_map<std::string, std::vector<size_t>> by_call;
  for (size_t i = 0; i < e.resources.size(); ++i) {
    if (!find_watched_type(e.resources[i].azurerm_type)) continue;
    const std::string& key = e.resources[i].key;
    size_t end = key.rfind(".this");
    if (end == std::string::npos) continue;
    end += 5;
    if (end == key.size() || key[end] == '[') by_call[key.substr(0, end)].push_back(i);
  }
  // Registries by home region, found once rather than per region.
  std::unordered_map<std::string, std::vector<const model::Registry*>> homed;
  for (const model::Registry& reg : t.registries) homed[reg.home.value].push_back(&reg);
  // Each watched resource's index and its member key: the registry's name
  // for a registry, else its key inside its call's `this`.
  std::vector<std::pair<size_t, std::string>> watched;
  for (const model::Region& r : t.regions) {
    if (!r.monitoring || !r.monitoring->diagnostics.value) continue;
    const model::Region* ws = workspace_region(t, r);
    if (!ws) continue;
    const std::string k = estate::instance(r.key);
    watched.clear();
    auto watch = [&](const std::string& call, const std::string* registry) {
      auto it = by_call.find(call);
      if (it == by_call.end()) return;
      for (size_t i : it->second)
        watched.emplace_back(i, registry ? *registry : member_key(e.resources[i].key));
    };
    for (const WatchedType& type : watched_types()) {
      if (type.module == kRegistryModule) {
        if (auto it = homed.find(r.key); it != homed.end()) {
          for (const model::Registry* reg : it->second) {
            watch(fmt::format("module.{}{}.{}.this", type.module, estate::instance(reg->name),
                              type.azurerm_type),
                  &reg->name);
          }
        }
        continue;
      }
      watch(fmt::format("module.{}{}.{}.this", type.module, k, type.azurerm_type), nullptr);
    }
    const std::string& name = e.names.region(r.key, "diag");
    for (const auto& [i, member] : watched) {
      const WatchedType& type = *find_watched_type(e.resources[i].azurerm_type);
      const std::string target = e.resources[i].key;
      const std::string target_name = e.resources[i].name;
      const std::vector<size_t> holders = e.resources[i].holders;
      estate::DiagnosticSetting s;
      s.key = member.empty() ? std::string(type.module) : fmt::format("{}/{}", type.module, member);
      s.module = type.module;
      s.instance = r.key;
      s.watched = target;
      s.watched_name = target_name;
      s.name = name;
      s.workspace = ws;
      s.category_groups.assign(type.category_groups.begin(), type.category_groups.end());
      s.categories.assign(type.categories.begin(), type.categories.end());
      s.metrics = type.metrics;
      nlohmann::json props = {
          {"target_resource_name", target_name},
          {"log_analytics_workspace_name", e.names.region(ws->key, "log")},
          {"enabled_log_category_groups", s.category_groups},
          {"enabled_log_categories", s.categories},
          {"enabled_metric_categories",
           s.metrics ? std::vector<std::string>{"AllMetrics"} : std::vector<std::string>{}},
      };
      auto& res = estate::add_resource(
          e,
          fmt::format("module.diagnostics{}.azurerm_monitor_diagnostic_setting.this{}", k,
                      estate::instance(s.key)),
          "azurerm_monitor_diagnostic_setting", name, "", r.boundary_name.value,
          e.names.region(r.key, "rg"), std::move(props), false);
      res.region = &r;
      res.source = r.monitoring->location;
      res.holders = holders;
      res.depends_on = {target, "module.monitoring" + estate::instance(ws->key) +
                                    ".azurerm_log_analytics_workspace.this"};
      res.placements.push_back(sink_placement(e, r, *ws, target_name));
      e.diagnostic_settings.push_back(std::move(s));
    }
  }
}

}  // namespace topoc::services::diagnostics
