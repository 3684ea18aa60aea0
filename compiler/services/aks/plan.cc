// A region's AKS cluster, its user node pools and its network role.
#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::aks {

using nlohmann::json;

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.aks) continue;
    const model::Aks& a = *r.aks;
    const model::NodePool& sys = a.system_pool;
    const std::string k = estate::instance(r.key);
    const std::string& loc = r.location.value;
    json cluster = {
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
    auto& aks = estate::add_regional(e, r, "module.aks" + k + ".azurerm_kubernetes_cluster.this",
                                     "azurerm_kubernetes_cluster", e.names.region(r.key, "aks"),
                                     loc, std::move(cluster), true);
    aks.source = a.location;
    aks.placements.push_back(estate::follows_region(r, "the AKS cluster"));
    for (const model::NodePool& p : a.user_pools) {
      estate::add_regional(e, r,
                           "module.aks" + k + ".azurerm_kubernetes_cluster_node_pool.this" +
                               estate::instance(p.name),
                           "azurerm_kubernetes_cluster_node_pool", p.name, loc,
                           {{"mode", "User"},
                            {"vm_size", p.vm_size.value},
                            {"min_count", p.min_count.value},
                            {"max_count", p.max_count.value},
                            {"zones", p.zones.value},
                            {"node_labels", p.labels},
                            {"node_taints", p.taints},
                            {"max_pods", p.max_pods},
                            {"os_disk_size_gb", p.os_disk_gb}},
                           true)
          .source = p.location;
    }
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
