#include "compiler/drift/resource_labels.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace topoc::drift {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 38> kLabels = {{
    {"azurerm_resource_group", "resource group"},
    {"azurerm_virtual_network", "virtual network"},
    {"azurerm_virtual_network_peering", "virtual network peering"},
    {"azurerm_subnet", "subnet"},
    {"azurerm_network_security_group", "network security group"},
    {"azurerm_private_endpoint", "private endpoint"},
    {"azurerm_private_dns_zone", "private DNS zone"},
    {"azurerm_private_dns_zone_virtual_network_link", "private DNS zone link"},
    {"azurerm_log_analytics_workspace", "Log Analytics workspace"},
    {"azurerm_application_insights", "Application Insights component"},
    {"azurerm_kubernetes_cluster", "AKS cluster"},
    {"azurerm_kubernetes_cluster_node_pool", "AKS node pool"},
    {"azurerm_search_service", "AI Search service"},
    {"azurerm_search_shared_private_link_service", "AI Search shared private link"},
    {"azurerm_cognitive_account", "Azure OpenAI account"},
    {"azurerm_cognitive_deployment", "Azure OpenAI deployment"},
    {"azurerm_storage_account", "storage account"},
    {"azurerm_redis_cache", "Redis cache"},
    {"azurerm_redis_linked_server", "Redis geo-replication link"},
    {"azurerm_managed_redis", "Managed Redis instance"},
    {"azurerm_managed_redis_geo_replication", "Managed Redis geo-replication group"},
    {"azurerm_key_vault", "key vault"},
    {"azurerm_cosmosdb_account", "Cosmos DB account"},
    {"azurerm_cosmosdb_sql_database", "Cosmos DB database"},
    {"azurerm_cosmosdb_sql_container", "Cosmos DB container"},
    {"azurerm_cdn_frontdoor_profile", "Front Door profile"},
    {"azurerm_cdn_frontdoor_endpoint", "Front Door endpoint"},
    {"azurerm_cdn_frontdoor_origin_group", "Front Door origin group"},
    {"azurerm_cdn_frontdoor_origin", "Front Door origin"},
    {"azurerm_cdn_frontdoor_route", "Front Door route"},
    {"azurerm_cdn_frontdoor_firewall_policy", "Front Door WAF policy"},
    {"azurerm_resource_group_policy_assignment", "policy assignment"},
    {"azurerm_policy_definition", "policy definition"},
    {"azurerm_monitor_action_group", "action group"},
    {"azurerm_monitor_metric_alert", "metric alert"},
    {"azurerm_monitor_activity_log_alert", "activity log alert"},
    {"azurerm_monitor_scheduled_query_rules_alert_v2", "log search alert"},
    {"azurerm_application_insights_standard_web_test", "availability test"},
}};

}  // namespace

std::string resource_label(std::string_view type) {
  auto it =
      std::find_if(kLabels.begin(), kLabels.end(), [&](const auto& l) { return l.first == type; });
  if (it != kLabels.end()) return std::string(it->second);
  return fmt::format("`{}`", type);
}

std::string resource_phrase(std::string_view type, std::string_view name,
                            std::string_view address) {
  if (!name.empty()) return fmt::format("{} `{}`", resource_label(type), name);
  if (!address.empty()) return fmt::format("`{}`", address);
  return resource_label(type);
}

}  // namespace topoc::drift
