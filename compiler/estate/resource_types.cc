#include "compiler/estate/resource_types.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace topoc::estate {
namespace {

// API versions: the newest non-preview version Bicep 0.49.2's type index
// has for each type (bicep build warns BCP081 for versions it lacks).
constexpr ResourceTypePair kPairs[] = {
    {"azurerm_api_management", "Microsoft.ApiManagement/service", "2024-05-01", Parity::kCompared,
     ""},
    {"azurerm_application_insights", "Microsoft.Insights/components", "2020-02-02",
     Parity::kCompared, ""},
    {"azurerm_application_insights_standard_web_test", "Microsoft.Insights/webtests", "2022-06-15",
     Parity::kCompared, ""},
    {"azurerm_automation_account", "Microsoft.Automation/automationAccounts", "2024-10-23",
     Parity::kCompared, ""},
    {"azurerm_automation_job_schedule", "Microsoft.Automation/automationAccounts/jobSchedules",
     "2024-10-23", Parity::kNameFromAzure,
     "azurerm has no name argument (Azure names the link with a GUID); Bicep derives it with "
     "`guid()`"},
    {"azurerm_automation_runbook", "Microsoft.Automation/automationAccounts/runbooks", "2024-10-23",
     Parity::kCompared, ""},
    {"azurerm_automation_schedule", "Microsoft.Automation/automationAccounts/schedules",
     "2024-10-23", Parity::kCompared, ""},
    {"azurerm_cdn_frontdoor_custom_domain", "Microsoft.Cdn/profiles/customDomains", "2026-10-01",
     Parity::kCompared, ""},
    {"azurerm_cdn_frontdoor_endpoint", "Microsoft.Cdn/profiles/afdEndpoints", "2026-10-01",
     Parity::kCompared, ""},
    {"azurerm_cdn_frontdoor_firewall_policy",
     "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies", "2026-04-01", Parity::kCompared,
     ""},
    {"azurerm_cdn_frontdoor_origin", "Microsoft.Cdn/profiles/originGroups/origins", "2026-10-01",
     Parity::kCompared, ""},
    {"azurerm_cdn_frontdoor_origin_group", "Microsoft.Cdn/profiles/originGroups", "2026-10-01",
     Parity::kCompared, ""},
    {"azurerm_cdn_frontdoor_profile", "Microsoft.Cdn/profiles", "2026-10-01", Parity::kCompared,
     ""},
    {"azurerm_cdn_frontdoor_route", "Microsoft.Cdn/profiles/afdEndpoints/routes", "2026-10-01",
     Parity::kCompared, ""},
    {"azurerm_cdn_frontdoor_rule", "Microsoft.Cdn/profiles/ruleSets/rules", "2026-10-01",
     Parity::kCompared, ""},
    {"azurerm_cdn_frontdoor_rule_set", "Microsoft.Cdn/profiles/ruleSets", "2026-10-01",
     Parity::kCompared, ""},
    {"azurerm_cdn_frontdoor_secret", "Microsoft.Cdn/profiles/secrets", "2026-10-01",
     Parity::kCompared, ""},
    {"azurerm_cdn_frontdoor_security_policy", "Microsoft.Cdn/profiles/securityPolicies",
     "2026-10-01", Parity::kCompared, ""},
    {"azurerm_cognitive_account", "Microsoft.CognitiveServices/accounts", "2026-09-01",
     Parity::kCompared, ""},
    {"azurerm_cognitive_deployment", "Microsoft.CognitiveServices/accounts/deployments",
     "2026-09-01", Parity::kCompared, ""},
    {"azurerm_cosmosdb_account", "Microsoft.DocumentDB/databaseAccounts", "2026-03-15",
     Parity::kCompared, ""},
    {"azurerm_cosmosdb_sql_container",
     "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers", "2026-03-15",
     Parity::kCompared, ""},
    {"azurerm_cosmosdb_sql_database", "Microsoft.DocumentDB/databaseAccounts/sqlDatabases",
     "2026-03-15", Parity::kCompared, ""},
    {"azurerm_cosmosdb_sql_stored_procedure",
     "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/storedProcedures", "2026-03-15",
     Parity::kCompared, ""},
    {"azurerm_container_app", "Microsoft.App/containerApps", "2026-07-01", Parity::kCompared, ""},
    {"azurerm_container_app_environment", "Microsoft.App/managedEnvironments", "2026-07-01",
     Parity::kCompared, ""},
    {"azurerm_container_registry", "Microsoft.ContainerRegistry/registries", "2025-04-01",
     Parity::kCompared,
     "geo-replications are `georeplications` blocks in Terraform, "
     "`Microsoft.ContainerRegistry/registries/replications` resources in ARM"},
    {"azurerm_data_protection_backup_instance_blob_storage",
     "Microsoft.DataProtection/backupVaults/backupInstances", "2025-01-01", Parity::kCompared, ""},
    {"azurerm_data_protection_backup_instance_kubernetes_cluster",
     "Microsoft.DataProtection/backupVaults/backupInstances", "2025-01-01", Parity::kCompared, ""},
    {"azurerm_data_protection_backup_instance_postgresql_flexible_server",
     "Microsoft.DataProtection/backupVaults/backupInstances", "2025-01-01", Parity::kCompared, ""},
    {"azurerm_data_protection_backup_policy_blob_storage",
     "Microsoft.DataProtection/backupVaults/backupPolicies", "2026-07-01", Parity::kCompared, ""},
    {"azurerm_data_protection_backup_policy_kubernetes_cluster",
     "Microsoft.DataProtection/backupVaults/backupPolicies", "2026-07-01", Parity::kCompared, ""},
    {"azurerm_data_protection_backup_policy_postgresql_flexible_server",
     "Microsoft.DataProtection/backupVaults/backupPolicies", "2026-07-01", Parity::kCompared, ""},
    {"azurerm_data_protection_backup_vault", "Microsoft.DataProtection/backupVaults", "2026-07-01",
     Parity::kCompared, ""},
    {"azurerm_dns_a_record", "Microsoft.Network/dnsZones/A", "2018-05-01", Parity::kCompared, ""},
    {"azurerm_dns_aaaa_record", "Microsoft.Network/dnsZones/AAAA", "2018-05-01", Parity::kCompared,
     ""},
    {"azurerm_dns_cname_record", "Microsoft.Network/dnsZones/CNAME", "2018-05-01",
     Parity::kCompared, ""},
    {"azurerm_dns_txt_record", "Microsoft.Network/dnsZones/TXT", "2018-05-01", Parity::kCompared,
     ""},
    {"azurerm_dns_zone", "Microsoft.Network/dnsZones", "2018-05-01", Parity::kCompared, ""},
    {"azurerm_eventgrid_system_topic", "Microsoft.EventGrid/systemTopics", "2025-02-15",
     Parity::kCompared, ""},
    {"azurerm_eventgrid_system_topic_event_subscription",
     "Microsoft.EventGrid/systemTopics/eventSubscriptions", "2025-02-15", Parity::kCompared, ""},
    {"azurerm_key_vault", "Microsoft.KeyVault/vaults", "2026-05-15", Parity::kCompared, ""},
    {"azurerm_kubernetes_cluster", "Microsoft.ContainerService/managedClusters", "2026-08-01",
     Parity::kCompared,
     "the system pool is `default_node_pool` in Terraform, `agentPoolProfiles` in ARM"},
    {"azurerm_kubernetes_cluster_extension", "Microsoft.KubernetesConfiguration/extensions",
     "2025-03-01", Parity::kCompared, ""},
    {"azurerm_kubernetes_cluster_node_pool",
     "Microsoft.ContainerService/managedClusters/agentPools", "2026-08-01", Parity::kCompared,
     "user pools"},
    {"azurerm_kubernetes_cluster_trusted_access_role_binding",
     "Microsoft.ContainerService/managedClusters/trustedAccessRoleBindings", "2025-07-01",
     Parity::kCompared, ""},
    {"azurerm_linux_function_app", "Microsoft.Web/sites", "2025-03-01", Parity::kCompared, ""},
    {"azurerm_linux_web_app", "Microsoft.Web/sites", "2025-03-01", Parity::kCompared, ""},
    {"azurerm_log_analytics_workspace", "Microsoft.OperationalInsights/workspaces", "2026-03-01",
     Parity::kCompared, ""},
    {"azurerm_managed_redis", "Microsoft.Cache/redisEnterprise", "2025-07-01", Parity::kCompared,
     ""},
    {"azurerm_managed_redis_geo_replication", "", "", Parity::kTerraformOnly,
     "the `geoReplication.linkedDatabases` of each member's `default` database in ARM"},
    {"azurerm_monitor_action_group", "Microsoft.Insights/actionGroups", "2023-01-01",
     Parity::kCompared, ""},
    {"azurerm_monitor_data_collection_rule", "Microsoft.Insights/dataCollectionRules", "2024-03-11",
     Parity::kCompared, ""},
    {"azurerm_monitor_data_collection_rule_association",
     "Microsoft.Insights/dataCollectionRuleAssociations", "2024-03-11", Parity::kCompared, ""},
    // Bicep's one stable version, 2016-09-01, has no `categoryGroup`.
    {"azurerm_monitor_diagnostic_setting", "Microsoft.Insights/diagnosticSettings",
     "2021-05-01-preview", Parity::kCompared, ""},
    {"azurerm_monitor_activity_log_alert", "Microsoft.Insights/activityLogAlerts", "2026-01-01",
     Parity::kCompared, ""},
    {"azurerm_monitor_metric_alert", "Microsoft.Insights/metricAlerts", "2026-01-01",
     Parity::kCompared, ""},
    {"azurerm_monitor_scheduled_query_rules_alert_v2", "Microsoft.Insights/scheduledQueryRules",
     "2026-03-01", Parity::kCompared, ""},
    {"azurerm_network_security_group", "Microsoft.Network/networkSecurityGroups", "2026-03-01",
     Parity::kCompared,
     "the Front Door back-end rule is an inline `security_rule` in Terraform, a `securityRules` "
     "entry "
     "in ARM"},
    {"azurerm_policy_definition", "Microsoft.Authorization/policyDefinitions", "2026-07-01",
     Parity::kCompared, ""},
    {"azurerm_postgresql_flexible_server", "Microsoft.DBforPostgreSQL/flexibleServers",
     "2026-10-01", Parity::kCompared, ""},
    {"azurerm_postgresql_flexible_server_active_directory_administrator",
     "Microsoft.DBforPostgreSQL/flexibleServers/administrators", "2026-10-01",
     Parity::kNameFromAzure, "named by the object ID of the deploying principal"},
    {"azurerm_postgresql_flexible_server_configuration",
     "Microsoft.DBforPostgreSQL/flexibleServers/configurations", "2026-10-01", Parity::kCompared,
     ""},
    {"azurerm_postgresql_flexible_server_database",
     "Microsoft.DBforPostgreSQL/flexibleServers/databases", "2026-10-01", Parity::kCompared, ""},
    {"azurerm_postgresql_flexible_server_virtual_endpoint",
     "Microsoft.DBforPostgreSQL/flexibleServers/virtualEndpoints", "2026-10-01", Parity::kCompared,
     ""},
    {"azurerm_private_dns_a_record", "Microsoft.Network/privateDnsZones/A", "2024-06-01",
     Parity::kCompared, ""},
    {"azurerm_private_dns_zone", "Microsoft.Network/privateDnsZones", "2024-06-01",
     Parity::kCompared, ""},
    {"azurerm_private_dns_zone_virtual_network_link",
     "Microsoft.Network/privateDnsZones/virtualNetworkLinks", "2024-06-01", Parity::kCompared, ""},
    {"azurerm_private_endpoint", "Microsoft.Network/privateEndpoints", "2026-03-01",
     Parity::kCompared, ""},
    {"azurerm_redis_cache", "Microsoft.Cache/redis", "2024-11-01", Parity::kCompared, ""},
    {"azurerm_redis_linked_server", "Microsoft.Cache/redis/linkedServers", "2024-11-01",
     Parity::kNameFromAzure,
     "azurerm has no name argument (Azure names the link after the replica cache); located where "
     "the replica is, `linkedRedisCacheLocation`"},
    {"azurerm_resource_group", "Microsoft.Resources/resourceGroups", "2025-04-01",
     Parity::kCompared, ""},
    {"azurerm_resource_group_policy_assignment", "Microsoft.Authorization/policyAssignments",
     "2026-07-01", Parity::kCompared, ""},
    {"azurerm_role_assignment", "Microsoft.Authorization/roleAssignments", "2022-04-01",
     Parity::kNameFromAzure,
     "Terraform lets Azure pick the GUID name; Bicep derives it with `guid()` so redeploying is "
     "idempotent"},
    {"azurerm_user_assigned_identity", "Microsoft.ManagedIdentity/userAssignedIdentities",
     "2024-11-30", Parity::kCompared, ""},
    {"azurerm_search_service", "Microsoft.Search/searchServices", "2026-11-01", Parity::kCompared,
     ""},
    {"azurerm_search_shared_private_link_service",
     "Microsoft.Search/searchServices/sharedPrivateLinkResources", "2026-11-01", Parity::kCompared,
     ""},
    {"azurerm_service_plan", "Microsoft.Web/serverfarms", "2025-03-01", Parity::kCompared, ""},
    {"azurerm_servicebus_namespace", "Microsoft.ServiceBus/namespaces", "2026-01-01",
     Parity::kCompared, ""},
    {"azurerm_servicebus_namespace_disaster_recovery_config",
     "Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs", "2026-01-01", Parity::kCompared,
     ""},
    {"azurerm_servicebus_subscription", "Microsoft.ServiceBus/namespaces/topics/subscriptions",
     "2026-01-01", Parity::kCompared, ""},
    {"azurerm_servicebus_subscription_rule",
     "Microsoft.ServiceBus/namespaces/topics/subscriptions/rules", "2026-01-01", Parity::kCompared,
     ""},
    {"azurerm_servicebus_topic", "Microsoft.ServiceBus/namespaces/topics", "2026-01-01",
     Parity::kCompared, ""},
    {"azurerm_storage_account", "Microsoft.Storage/storageAccounts", "2026-09-01",
     Parity::kCompared, ""},
    {"azurerm_storage_container", "Microsoft.Storage/storageAccounts/blobServices/containers",
     "2026-09-01", Parity::kCompared, ""},
    {"azurerm_storage_container_immutability_policy",
     "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies", "2026-09-01",
     Parity::kCompared, ""},
    {"azurerm_storage_object_replication",
     "Microsoft.Storage/storageAccounts/objectReplicationPolicies", "2026-09-01",
     Parity::kNameFromAzure,
     "Azure names the policy with the ID it gives the destination side; Bicep deploys the "
     "destination side (`default`) and then the source side under that ID"},
    {"azurerm_storage_management_policy", "Microsoft.Storage/storageAccounts/managementPolicies",
     "2026-09-01", Parity::kCompared, ""},
    {"azurerm_subnet", "Microsoft.Network/virtualNetworks/subnets", "2026-03-01", Parity::kCompared,
     ""},
    {"azurerm_subnet_network_security_group_association", "", "", Parity::kTerraformOnly,
     "the subnet's `networkSecurityGroup` property in ARM"},
    {"azurerm_traffic_manager_azure_endpoint",
     "Microsoft.Network/trafficmanagerprofiles/AzureEndpoints", "2026-09-01", Parity::kCompared,
     ""},
    {"azurerm_traffic_manager_external_endpoint",
     "Microsoft.Network/trafficmanagerprofiles/ExternalEndpoints", "2026-09-01", Parity::kCompared,
     ""},
    {"azurerm_traffic_manager_nested_endpoint",
     "Microsoft.Network/trafficmanagerprofiles/NestedEndpoints", "2026-09-01", Parity::kCompared,
     ""},
    {"azurerm_traffic_manager_profile", "Microsoft.Network/trafficmanagerprofiles", "2026-09-01",
     Parity::kCompared, ""},
    {"azurerm_virtual_network", "Microsoft.Network/virtualNetworks", "2026-03-01",
     Parity::kCompared, ""},
    {"azurerm_virtual_network_peering", "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
     "2026-03-01", Parity::kCompared, ""},
    {"", "Microsoft.Cache/redisEnterprise/databases", "2025-07-01", Parity::kBicepOnly,
     "the `default_database` block of `azurerm_managed_redis`"},
    {"", "Microsoft.ContainerRegistry/registries/replications", "2025-04-01", Parity::kBicepOnly,
     "the registry's `georeplications` blocks in Terraform"},
    {"", "Microsoft.KeyVault/vaults/keys", "2026-05-15", Parity::kBicepOnly,
     "an `azapi_resource` of the `regional/storage-key` module in Terraform, as azurerm creates "
     "keys only through the vault's data plane"},
    {"", "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "2026-03-01",
     Parity::kBicepOnly, "the `private_dns_zone_group` block of `azurerm_private_endpoint`"},
    {"", "Microsoft.ServiceBus/namespaces/networkRuleSets", "2026-01-01", Parity::kBicepOnly,
     "the `network_rule_set` block of `azurerm_servicebus_namespace`"},
    {"", "Microsoft.Storage/storageAccounts/blobServices", "2026-09-01", Parity::kBicepOnly,
     "the `blob_properties` block of `azurerm_storage_account`"},
    {"", "Microsoft.Web/sites/basicPublishingCredentialsPolicies", "2025-03-01", Parity::kBicepOnly,
     "`ftp_publish_basic_authentication_enabled` and "
     "`webdeploy_publish_basic_authentication_enabled` of the web and function apps"},
};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) {
             return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
           };
           return lower(x) == lower(y);
         });
}

std::string code(std::string_view s) {
  return s.empty() ? "—" : fmt::format("`{}`", s);
}

}  // namespace

std::span<const ResourceTypePair> resource_type_pairs() {
  return kPairs;
}

const ResourceTypePair* find_by_azurerm(std::string_view azurerm_type) {
  // Asked once for every resource of an estate: the table indexed once.
  static const std::unordered_map<std::string_view, const ResourceTypePair*> by_azurerm = [] {
    std::unordered_map<std::string_view, const ResourceTypePair*> index;
    for (const ResourceTypePair& p : kPairs) {
      if (!p.azurerm.empty()) index.emplace(p.azurerm, &p);  // the first pair of a type wins
    }
    return index;
  }();
  auto found = by_azurerm.find(azurerm_type);
  return found == by_azurerm.end() ? nullptr : found->second;
}

const ResourceTypePair* find_by_arm(std::string_view arm_type) {
  for (const ResourceTypePair& p : kPairs) {
    if (!p.arm.empty() && iequals(p.arm, arm_type)) return &p;
  }
  return nullptr;
}

std::string render_parity_document() {
  std::string out =
      "# Terraform and Bicep parity\n"
      "\n"
      "`topoc build --target terraform` and `--target bicep` deploy the same Azure resources "
      "under\n"
      "the same names: both take every name from `compiler/naming` and make the same decisions\n"
      "(which regions get a private endpoint, which Front Door origins serve, where policies are\n"
      "assigned). The Bicep parity test (`tests/bicep_cli_test.cc`) checks it for every example:\n"
      "it compares the resources in the Terraform tree's `environments/<env>/topoc.manifest.json`\n"
      "with the resources `bicep snapshot` predicts from the Bicep tree's `<env>.bicepparam`, by "
      "type\n"
      "(through the table below), name and location.\n"
      "\n"
      "Rules of the comparison:\n"
      "\n"
      "- An ARM child resource is compared by the last segment of its name (`vnet-x/snet-aks` is\n"
      "  `snet-aks`) and, having no location of its own, by its parent's location.\n"
      "- Locations compare case-insensitively (`Global` is `global`).\n"
      "- Rows marked *name from Azure* compare type and location only; rows marked *Terraform "
      "only*\n"
      "  or *Bicep only* are a block or a property on the other side and are not compared.\n"
      "\n"
      "This page is generated from `compiler/estate/resource_types.cc`; a test keeps the two\n"
      "equal (`TOPOC_UPDATE_GOLDEN=1 ctest -R BicepParity` rewrites it).\n"
      "\n"
      "## Resource types\n"
      "\n"
      "| Terraform (azurerm 4.x) | Bicep (ARM type) | API version | Compared | Note |\n"
      "|---|---|---|---|---|\n";
  for (const ResourceTypePair& p : kPairs) {
    const char* compared = p.parity == Parity::kCompared        ? "type, name, location"
                           : p.parity == Parity::kNameFromAzure ? "name from Azure"
                           : p.parity == Parity::kTerraformOnly ? "Terraform only"
                                                                : "Bicep only";
    out += fmt::format("| {} | {} | {} | {} | {} |\n", code(p.azurerm), code(p.arm),
                       p.api_version.empty() ? "—" : std::string(p.api_version), compared, p.note);
  }
  out +=
      "\n"
      "## API versions\n"
      "\n"
      "Each ARM type uses the newest stable (non-preview) API version that Bicep 0.49.2 has type\n"
      "information for, so `bicep build` validates every property (it warns `BCP081` for a version "
      "it\n"
      "does not know, and the Bicep tests fail on any warning). A test checks that every "
      "`resource`\n"
      "declaration of the embedded Bicep modules uses the version in the table above.\n"
      "\n"
      "## Stateful resources and renames\n"
      "\n"
      "The Terraform tree protects Cosmos DB, storage and Key Vault resources with\n"
      "`lifecycle { prevent_destroy = true }` and moves the addresses of a region renamed with\n"
      "`renamed_from` through `moved` blocks (docs/lifecycle.md). The Bicep tree has neither, and "
      "needs\n"
      "neither:\n"
      "\n"
      "- A deployment in incremental mode, the one `topoc build` targets, never deletes a resource "
      "that\n"
      "  left the template, and a property Azure cannot change in place (a container's partition "
      "key)\n"
      "  fails the deployment instead of replacing the resource. Nothing in a Bicep deployment "
      "destroys\n"
      "  data, so there is nothing for `prevent_destroy` to stop.\n"
      "- Bicep has no `moved`: a resource is its ARM name, and a new name is a new resource. "
      "Since\n"
      "  `renamed_from` keeps the region's Azure names (only Terraform addresses change), the "
      "Bicep\n"
      "  deployment after a rename updates the same resources in place.\n"
      "- The uniqueness suffix of the `naming` block is part of the names both trees take from\n"
      "  `compiler/naming`, so it is compared like every other name.\n"
      "\n"
      "The replacement warnings of `topoc build` (L002-L004) compare manifests and are given "
      "whatever the\n"
      "target; for Bicep they mean an orphaned old resource beside a new, empty one rather than a\n"
      "destroyed one.\n";
  return out;
}

}  // namespace topoc::estate
