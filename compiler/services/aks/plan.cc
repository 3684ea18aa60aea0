// A region's AKS cluster, its user node pools and its network role; with
// `monitoring`, the data collection rule Container insights sends through.
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/services/monitoring/log_sink.h"
#include "compiler/services/registry.h"

namespace topoc::services::aks {

using nlohmann::json;

namespace {

// R013 for Container insights sent to another boundary's workspace.
void word_insights_sink(const estate::Breach& b, diag::DiagnosticSink& sink) {
  monitoring::report_log_sink(
      b, sink,
      fmt::format("Container insights of the AKS cluster of region `{}` lands",
                  b.resource->region ? b.resource->region->key : ""));
}

// Container insights with managed identity authentication
// (`msi_auth_for_monitoring_enabled`) collects through a data collection rule
// that azurerm does not create: the rule sends the
// Microsoft-ContainerInsights-Group-Default stream to the workspace that
// receives the region's logs (its own, or the one `logs_to` names), and an
// association binds it to the cluster (Microsoft's Container insights MSI
// onboarding for Terraform). Azure Monitor requires a rule in the location
// of its Log Analytics destination (Learn, "Create and edit data collection
// rules"), so the rule is created there, in the cluster's resource group.
void container_insights(estate::Estate& e, const model::Region& r) {
  const model::Region* ws = monitoring::log_workspace_region(*e.topology, r);
  if (!ws) return;  // `logs_to` names no workspace: S120
  const std::string k = estate::instance(r.key);
  const std::string& workspace = e.names.region(ws->key, "log");
  auto& rule = estate::add_regional(
      e, r, "module.aks" + k + ".azurerm_monitor_data_collection_rule.container_insights[0]",
      "azurerm_monitor_data_collection_rule", e.names.region(r.key, "aks.dcr"), ws->location.value,
      {{"kind", "Linux"},
       {"streams", json::array({"Microsoft-ContainerInsights-Group-Default"})},
       {"log_analytics_workspace_name", workspace}},
      true);
  rule.source = r.monitoring->location;
  rule.placements.push_back(monitoring::log_sink(
      e, r, *ws,
      fmt::format("the Container insights logs of the AKS cluster of region `{}`", r.key),
      word_insights_sink));
  if (e.placements_only) return;  // the association holds no data
  const std::string rule_key = rule.key;
  auto& association = estate::add_regional(
      e, r,
      "module.aks" + k + ".azurerm_monitor_data_collection_rule_association.container_insights[0]",
      "azurerm_monitor_data_collection_rule_association", "ContainerInsightsExtension", "", nullptr,
      false);
  association.source = r.monitoring->location;
  association.depends_on.push_back(rule_key);
}

}  // namespace

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.aks) continue;
    const model::Aks& a = *r.aks;
    const model::NodePool& sys = a.system_pool;
    const std::string k = estate::instance(r.key);
    const std::string& loc = r.location.value;
    // A check plans placements alone and reads no property.
    json cluster;
    if (!e.placements_only) {
      cluster = {
          {"kubernetes_version",
           a.kubernetes_version.value.empty() ? json() : json(a.kubernetes_version.value)},
          {"sku_tier", "Standard"},
          {"private_cluster_enabled", a.private_cluster.value},
          {"network_plugin", "azure"},
          {"network_policy", a.network_policy.value},
          {"service_cidr", a.service_cidr.value},
          {"default_node_pool",
           {{"name", sys.name},
            {"vm_size", sys.vm_size.value},
            {"min_count", sys.min_count.value},
            {"max_count", sys.max_count.value},
            {"zones", sys.zones.value},
            {"max_pods", sys.max_pods},
            {"os_disk_size_gb", sys.os_disk_gb}}},
      };
    }
    auto& aks = estate::add_regional(e, r, "module.aks" + k + ".azurerm_kubernetes_cluster.this",
                                     "azurerm_kubernetes_cluster", e.names.region(r.key, "aks"),
                                     loc, std::move(cluster), true);
    aks.source = a.location;
    aks.placements.push_back(estate::follows_region(r, "the AKS cluster"));
    // The pools and role assignments hold no data of their own: a check,
    // which plans the resources that declare placements, skips them.
    if (e.placements_only) {
      if (r.monitoring) container_insights(e, r);
      continue;
    }
    for (const model::NodePool& p : a.user_pools) {
      json pool = {{"mode", "User"},
                   {"vm_size", p.vm_size.value},
                   {"min_count", p.min_count.value},
                   {"max_count", p.max_count.value},
                   {"zones", p.zones.value},
                   {"node_labels", p.labels},
                   {"node_taints", p.taints},
                   {"max_pods", p.max_pods},
                   {"os_disk_size_gb", p.os_disk_gb}};
      estate::add_regional(e, r,
                           "module.aks" + k + ".azurerm_kubernetes_cluster_node_pool.this" +
                               estate::instance(p.name),
                           "azurerm_kubernetes_cluster_node_pool", p.name, loc, std::move(pool),
                           true)
          .source = p.location;
    }
    if (r.monitoring) container_insights(e, r);
    for (const char* subnet : {"aks", "ingress"}) {
      // Role assignments live at subscription scope, without a location.
      auto& role =
          estate::add_regional(e, r,
                               "module.aks" + k + ".azurerm_role_assignment.network_contributor" +
                                   estate::instance(subnet),
                               "azurerm_role_assignment", "", "",
                               {{"role_definition_name", "Network Contributor"}}, false);
      role.resource_group.clear();
      role.source = a.location;
    }
  }
}

}  // namespace topoc::services::aks
