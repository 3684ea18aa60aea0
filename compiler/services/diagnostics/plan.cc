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
#include "compiler/services/diagnostics/categories.h"
#include "compiler/services/monitoring/log_sink.h"
#include "compiler/services/registry.h"
#include "compiler/text/concat.h"

namespace topoc::services::diagnostics {
namespace {

// R013, worded for the watched resource rather than the setting.
void word_sink(const estate::Breach& b, diag::DiagnosticSink& sink) {
  const estate::Resource& r = *b.resource;
  monitoring::report_log_sink(b, sink,
                              fmt::format("diagnostic logs of `{}` land",
                                          r.properties.value("target_resource_name", r.name)));
}

// A resource's address without the instance key of its last step:
// `module.storage["weu"].azurerm_storage_account.replica[0]` ->
// `module.storage["weu"].azurerm_storage_account.replica`.
std::string_view resource_address(std::string_view estate_key) {
  if (!estate_key.ends_with(']')) return estate_key;
  size_t open = estate_key.rfind('[');
  return open == std::string_view::npos ? estate_key : estate_key.substr(0, open);
}

}  // namespace

void plan(estate::Estate& e) {
  const model::Topology& t = *e.topology;
  // Each watched resource by its address up to its instance key, found in
  // one pass: a call may make several (App Service sites). The settings are
  // added after: adding moves the resources, indexes stay valid.
  std::unordered_map<std::string, std::vector<size_t>> by_address;
  for (size_t i = 0; i < e.resources.size(); ++i) {
    if (!is_watched_type(e.resources[i].azurerm_type)) continue;
    by_address[std::string(resource_address(e.resources[i].key))].push_back(i);
  }
  // Registries by home region, found once rather than per region.
  std::unordered_map<std::string, std::vector<const model::Registry*>> homed;
  for (const model::Registry& reg : t.registries) homed[reg.home.value].push_back(&reg);
  // Each watched resource's index, its type and its member key: the
  // registry's name for a registry, else its instance key in its call
  // (empty for a resource the call makes once or counts).
  struct Watched {
    size_t index;
    const WatchedType* type;
    std::string member;
  };
  std::vector<Watched> watched;
  for (const model::Region& r : t.regions) {
    if (!r.monitoring || !r.monitoring->diagnostics.value) continue;
    const model::Region* ws = monitoring::log_workspace_region(t, r);
    if (!ws) continue;
    const std::string k = estate::instance(r.key);
    watched.clear();
    auto watch = [&](const WatchedType& type, std::string_view instance,
                     const std::string* registry) {
      const std::string address =
          concat("module.", type.module, instance, ".", type.azurerm_type, ".", type.resource);
      auto it = by_address.find(address);
      if (it == by_address.end()) return;
      for (size_t i : it->second)
        watched.push_back(
            {i, &type, registry ? *registry : estate::last_instance_key(e.resources[i].key)});
    };
    for (const WatchedType& type : watched_types()) {
      if (type.module == kRegistryModule) {
        if (auto it = homed.find(r.key); it != homed.end()) {
          for (const model::Registry* reg : it->second)
            watch(type, estate::instance(reg->name), &reg->name);
        }
        continue;
      }
      watch(type, k, nullptr);
    }
    const std::string& name = e.names.region(r.key, "diag");
    for (const Watched& w : watched) {
      const WatchedType& type = *w.type;
      const std::string target = e.resources[w.index].key;
      const std::string target_name = e.resources[w.index].name;
      const std::vector<size_t> holders = e.resources[w.index].holders;
      const std::string setting_key = w.member.empty() ? std::string(type.setting_key())
                                                       : concat(type.setting_key(), "/", w.member);
      // A check keeps what residency reads: the watched resource's name,
      // which R013's wording gives (word_sink).
      nlohmann::json props = {{"target_resource_name", target_name}};
      if (!e.placements_only) {
        estate::DiagnosticSetting s;
        s.key = setting_key;
        s.module = type.module;
        s.id_output = type.id_output;
        s.bicep_list = type.bicep_field;
        s.instance = r.key;
        s.watched = target;
        s.watched_name = target_name;
        s.name = name;
        s.workspace = ws;
        s.category_groups.assign(type.category_groups.begin(), type.category_groups.end());
        s.categories.assign(type.categories.begin(), type.categories.end());
        s.metrics = type.metrics;
        props["log_analytics_workspace_name"] = e.names.region(ws->key, "log");
        props["enabled_log_category_groups"] = s.category_groups;
        props["enabled_log_categories"] = s.categories;
        props["enabled_metric_categories"] =
            s.metrics ? std::vector<std::string>{"AllMetrics"} : std::vector<std::string>{};
        e.diagnostic_settings.push_back(std::move(s));
      }
      auto& res = estate::add_resource(
          e,
          concat("module.diagnostics", k, ".azurerm_monitor_diagnostic_setting.this",
                 estate::instance(setting_key)),
          "azurerm_monitor_diagnostic_setting", name, "", r.boundary_name.value,
          e.names.region(r.key, "rg"), std::move(props), false);
      res.region = &r;
      res.source = r.monitoring->location;
      res.holders = holders;
      if (!e.placements_only) {
        res.depends_on = {target, "module.monitoring" + estate::instance(ws->key) +
                                      ".azurerm_log_analytics_workspace.this"};
      }
      res.placements.push_back(monitoring::log_sink(
          e, r, *ws, fmt::format("diagnostic logs of `{}`", target_name), word_sink));
    }
  }
}

}  // namespace topoc::services::diagnostics
