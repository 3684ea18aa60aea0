#include "compiler/drift/arm_types.h"

#include <algorithm>
#include <array>

namespace topoc::drift {
namespace {

struct ArmType {
  std::string_view arm;  // lower case, as Resource Graph writes it
  std::string_view azurerm;
  bool in_resources_table;
};

constexpr std::array kTypes = {
    ArmType{"microsoft.resources/resourcegroups", "azurerm_resource_group", false},
    ArmType{"microsoft.resources/subscriptions/resourcegroups", "azurerm_resource_group", false},
    ArmType{"microsoft.network/virtualnetworks", "azurerm_virtual_network", true},
    // A child of the virtual network that Resource Graph's resources table
    // does not list (the VNet's `virtualNetworkPeerings` property carries
    // it): mapped for exports that list it, never reported missing.
    ArmType{"microsoft.network/virtualnetworks/virtualnetworkpeerings",
            "azurerm_virtual_network_peering", false},
    ArmType{"microsoft.network/networksecuritygroups", "azurerm_network_security_group", true},
    ArmType{"microsoft.network/privateendpoints", "azurerm_private_endpoint", true},
    ArmType{"microsoft.network/privatednszones", "azurerm_private_dns_zone", true},
    ArmType{"microsoft.network/privatednszones/virtualnetworklinks",
            "azurerm_private_dns_zone_virtual_network_link", true},
    // Record sets are children of their zone that Resource Graph's resources
    // table does not list: mapped for exports that list them (`az resource
    // list` does), never reported missing.
    ArmType{"microsoft.network/privatednszones/a", "azurerm_private_dns_a_record", false},
    ArmType{"microsoft.operationalinsights/workspaces", "azurerm_log_analytics_workspace", true},
    ArmType{"microsoft.insights/components", "azurerm_application_insights", true},
    ArmType{"microsoft.insights/webtests", "azurerm_application_insights_standard_web_test", true},
    ArmType{"microsoft.insights/actiongroups", "azurerm_monitor_action_group", true},
    ArmType{"microsoft.insights/metricalerts", "azurerm_monitor_metric_alert", true},
    ArmType{"microsoft.insights/activitylogalerts", "azurerm_monitor_activity_log_alert", true},
    ArmType{"microsoft.insights/scheduledqueryrules",
            "azurerm_monitor_scheduled_query_rules_alert_v2", true},
    ArmType{"microsoft.insights/datacollectionrules", "azurerm_monitor_data_collection_rule", true},
    // Extension resources of the resource they watch or bind: Resource Graph's
    // resources table does not list them, so they are never reported missing.
    ArmType{"microsoft.insights/diagnosticsettings", "azurerm_monitor_diagnostic_setting", false},
    ArmType{"microsoft.insights/datacollectionruleassociations",
            "azurerm_monitor_data_collection_rule_association", false},
    ArmType{"microsoft.containerservice/managedclusters", "azurerm_kubernetes_cluster", true},
    // The backup extension and the vault's trusted access on a cluster:
    // Resource Graph's resources table lists neither (extensions are in
    // kubernetesconfigurationresources); mapped for exports that list them.
    ArmType{"microsoft.kubernetesconfiguration/extensions", "azurerm_kubernetes_cluster_extension",
            false},
    ArmType{"microsoft.containerservice/managedclusters/trustedaccessrolebindings",
            "azurerm_kubernetes_cluster_trusted_access_role_binding", false},
    ArmType{"microsoft.search/searchservices", "azurerm_search_service", true},
    // A child of the search service: mapped for exports that list it, but,
    // like the Redis link, never reported missing from one.
    ArmType{"microsoft.search/searchservices/sharedprivatelinkresources",
            "azurerm_search_shared_private_link_service", false},
    ArmType{"microsoft.cognitiveservices/accounts", "azurerm_cognitive_account", true},
    ArmType{"microsoft.storage/storageaccounts", "azurerm_storage_account", true},
    ArmType{"microsoft.eventgrid/systemtopics", "azurerm_eventgrid_system_topic", true},
    // A child of the system topic that the resources table does not list:
    // mapped for exports that list it, never reported missing.
    ArmType{"microsoft.eventgrid/systemtopics/eventsubscriptions",
            "azurerm_eventgrid_system_topic_event_subscription", false},
    // Children of the storage account that Resource Graph's resources table
    // does not list: mapped for exports that list them, never reported
    // missing.
    ArmType{"microsoft.storage/storageaccounts/objectreplicationpolicies",
            "azurerm_storage_object_replication", false},
    ArmType{"microsoft.storage/storageaccounts/managementpolicies",
            "azurerm_storage_management_policy", false},
    ArmType{"microsoft.storage/storageaccounts/blobservices/containers",
            "azurerm_storage_container", false},
    ArmType{"microsoft.storage/storageaccounts/blobservices/containers/immutabilitypolicies",
            "azurerm_storage_container_immutability_policy", false},
    ArmType{"microsoft.cache/redis", "azurerm_redis_cache", true},
    ArmType{"microsoft.cache/redisenterprise", "azurerm_managed_redis", true},
    // The default database, written by azurerm inside azurerm_managed_redis
    // and linked by azurerm_managed_redis_geo_replication: mapped for exports
    // that list it, never reported missing.
    ArmType{"microsoft.cache/redisenterprise/databases", "azurerm_managed_redis_geo_replication",
            false},
    ArmType{"microsoft.keyvault/vaults", "azurerm_key_vault", true},
    ArmType{"microsoft.documentdb/databaseaccounts", "azurerm_cosmosdb_account", true},
    ArmType{"microsoft.cdn/profiles", "azurerm_cdn_frontdoor_profile", true},
    ArmType{"microsoft.cdn/profiles/afdendpoints", "azurerm_cdn_frontdoor_endpoint", true},
    ArmType{"microsoft.cdn/profiles/customdomains", "azurerm_cdn_frontdoor_custom_domain", true},
    // The secret a custom domain's Key Vault certificate is served through:
    // mapped for exports that list it, never reported missing.
    ArmType{"microsoft.cdn/profiles/secrets", "azurerm_cdn_frontdoor_secret", false},
    ArmType{"microsoft.network/dnszones", "azurerm_dns_zone", true},
    // Records of a zone: mapped for exports that list them, never reported
    // missing (a zone holds records topoc does not write).
    ArmType{"microsoft.network/dnszones/a", "azurerm_dns_a_record", false},
    ArmType{"microsoft.network/dnszones/aaaa", "azurerm_dns_aaaa_record", false},
    ArmType{"microsoft.network/dnszones/cname", "azurerm_dns_cname_record", false},
    ArmType{"microsoft.network/dnszones/txt", "azurerm_dns_txt_record", false},
    ArmType{"microsoft.network/frontdoorwebapplicationfirewallpolicies",
            "azurerm_cdn_frontdoor_firewall_policy", true},
    ArmType{"microsoft.authorization/policyassignments", "azurerm_resource_group_policy_assignment",
            false},
    ArmType{"microsoft.authorization/policydefinitions", "azurerm_policy_definition", false},
    ArmType{"microsoft.dbforpostgresql/flexibleservers", "azurerm_postgresql_flexible_server",
            true},
    // Children of the server: mapped for exports that list them, never
    // reported missing from the resources table.
    ArmType{"microsoft.dbforpostgresql/flexibleservers/virtualendpoints",
            "azurerm_postgresql_flexible_server_virtual_endpoint", false},
    ArmType{"microsoft.dbforpostgresql/flexibleservers/databases",
            "azurerm_postgresql_flexible_server_database", false},
    ArmType{"microsoft.dbforpostgresql/flexibleservers/configurations",
            "azurerm_postgresql_flexible_server_configuration", false},
    // Resource Graph lists the profile; its endpoints are sub-resources it
    // does not list.
    ArmType{"microsoft.dataprotection/backupvaults", "azurerm_data_protection_backup_vault", true},
    // Children of the vault: mapped for exports that list them, never
    // reported missing from the resources table. A blob or AKS one is told
    // from a PostgreSQL server's by its data source (read_arg.cc).
    ArmType{"microsoft.dataprotection/backupvaults/backuppolicies",
            "azurerm_data_protection_backup_policy_postgresql_flexible_server", false},
    ArmType{"microsoft.dataprotection/backupvaults/backupinstances",
            "azurerm_data_protection_backup_instance_postgresql_flexible_server", false},
    ArmType{"microsoft.app/managedenvironments", "azurerm_container_app_environment", true},
    ArmType{"microsoft.app/containerapps", "azurerm_container_app", true},
    ArmType{"microsoft.managedidentity/userassignedidentities", "azurerm_user_assigned_identity",
            true},
    ArmType{"microsoft.servicebus/namespaces", "azurerm_servicebus_namespace", true},
    // Children of the namespace: mapped for exports that list them, never
    // reported missing from the resources table.
    ArmType{"microsoft.servicebus/namespaces/topics", "azurerm_servicebus_topic", false},
    ArmType{"microsoft.servicebus/namespaces/topics/subscriptions",
            "azurerm_servicebus_subscription", false},
    ArmType{"microsoft.servicebus/namespaces/topics/subscriptions/rules",
            "azurerm_servicebus_subscription_rule", false},
    ArmType{"microsoft.servicebus/namespaces/disasterrecoveryconfigs",
            "azurerm_servicebus_namespace_disaster_recovery_config", false},
    ArmType{"microsoft.network/trafficmanagerprofiles", "azurerm_traffic_manager_profile", true},
    ArmType{"microsoft.web/serverfarms", "azurerm_service_plan", true},
    ArmType{"microsoft.apimanagement/service", "azurerm_api_management", true},
    ArmType{"microsoft.automation/automationaccounts", "azurerm_automation_account", true},
    ArmType{"microsoft.automation/automationaccounts/runbooks", "azurerm_automation_runbook", true},
    // Schedules are proxy resources Resource Graph does not list: mapped for
    // exports that do, never reported missing.
    ArmType{"microsoft.automation/automationaccounts/schedules", "azurerm_automation_schedule",
            false},
    // One ARM type for web apps and function apps: read_arm_resource tells
    // them apart by `kind` ("functionapp,linux").
    ArmType{"microsoft.web/sites", "azurerm_linux_web_app", true},
    ArmType{"microsoft.web/sites", "azurerm_linux_function_app", true},
    ArmType{"microsoft.containerregistry/registries", "azurerm_container_registry", true},
    // A registry's geo-replications are resources of their own in ARM and
    // Resource Graph, blocks of the registry in azurerm: read, never
    // reported missing or unmanaged on their own.
    ArmType{"microsoft.containerregistry/registries/replications", "azurerm_container_registry",
            false},
};

}  // namespace

std::string_view azurerm_type_of(std::string_view arm_type) {
  auto it = std::find_if(kTypes.begin(), kTypes.end(),
                         [&](const ArmType& t) { return t.arm == arm_type; });
  return it == kTypes.end() ? std::string_view() : it->azurerm;
}

bool listed_by_resource_graph(std::string_view azurerm_type) {
  return std::any_of(kTypes.begin(), kTypes.end(), [&](const ArmType& t) {
    return t.azurerm == azurerm_type && t.in_resources_table;
  });
}

}  // namespace topoc::drift
