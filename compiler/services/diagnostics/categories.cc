#include "compiler/services/diagnostics/categories.h"

#include <algorithm>

namespace topoc::services::diagnostics {
namespace {

// Learn, "Create diagnostic settings at scale by using built-in Azure
// policies" (supported resources, 2025-07-14): `allLogs` exists for Key
// Vault, PostgreSQL flexible server, Azure Cache for Redis, Service Bus,
// AI Search and Cognitive Services accounts, not for AKS clusters.
constexpr std::string_view kAllLogs[] = {"allLogs"};

// Learn, "Supported logs for Microsoft.ContainerService/managedClusters":
// the control plane's categories. `kube-audit` (every read) is left out
// for `kube-audit-admin`, the writes only, as Learn advises for cost.
constexpr std::string_view kAksCategories[] = {
    "cluster-autoscaler",      "guard",          "kube-apiserver", "kube-audit-admin",
    "kube-controller-manager", "kube-scheduler",
};

// Learn, "Supported logs for Microsoft.DataProtection/BackupVaults": four
// categories and no category group.
constexpr std::string_view kBackupVaultCategories[] = {
    "AddonAzureBackupJobs",
    "AddonAzureBackupPolicy",
    "AddonAzureBackupProtectedInstance",
    "CoreAzureBackup",
};

// Learn, "Supported logs for Microsoft.Automation/automationAccounts":
// AuditEvent, DscNodeStatus, JobLogs and JobStreams. topoc's accounts run
// runbooks only (no State Configuration), so DscNodeStatus stays empty and
// is left out.
constexpr std::string_view kAutomationCategories[] = {"AuditEvent", "JobLogs", "JobStreams"};

// Learn, "Supported logs for Microsoft.ApiManagement/service": GatewayLogs
// and WebSocketConnectionLogs, which every cloud's page lists, by name
// (the policy page above names no category group for the type).
constexpr std::string_view kApiManagementCategories[] = {"GatewayLogs", "WebSocketConnectionLogs"};

// Learn, "Supported logs for Microsoft.EventGrid/systemTopics": the one
// category DeliveryFailures.
constexpr std::string_view kSystemTopicCategories[] = {"DeliveryFailures"};

// Each of the three also has a "Supported metrics" page on Learn whose
// metrics are exported by diagnostic settings ("DS Export": Yes), so each
// sends AllMetrics.
// Learn, "Supported logs for Microsoft.Cache/redisEnterprise/databases":
// Azure Managed Redis logs ConnectionEvents on the instance's database
// (the cluster, Microsoft.Cache/redisEnterprise, has metrics only), so its
// setting targets `<instance id>/databases/default` and sends no metrics.
constexpr std::string_view kManagedRedisCategories[] = {"ConnectionEvents"};

// Learn, "Supported logs for Microsoft.Storage/storageAccounts/blobServices":
// StorageRead, StorageWrite and StorageDelete, on the account's blob
// service, so the setting targets `<account id>/blobServices/default`.
// Storage metrics come in the categories Transaction and Capacity rather
// than AllMetrics; the setting sends logs only.
constexpr std::string_view kBlobCategories[] = {"StorageDelete", "StorageRead", "StorageWrite"};

// Learn, "Supported logs for Microsoft.Web/sites": no category group, so
// by name. A Linux web app sends its HTTP, console, application, platform,
// access-audit and IP-restriction audit logs; AppServiceFileAuditLogs and
// AppServiceAntivirusScanAuditLogs are Windows-only and WorkflowRuntime is
// Logic Apps'. A function app's invocations are FunctionAppLogs. Both send
// AllMetrics ("Supported metrics for Microsoft.Web/sites", DS Export: Yes).
constexpr std::string_view kWebAppCategories[] = {
    "AppServiceAppLogs",  "AppServiceAuditLogs",      "AppServiceConsoleLogs",
    "AppServiceHTTPLogs", "AppServiceIPSecAuditLogs", "AppServicePlatformLogs",
};
constexpr std::string_view kFunctionAppCategories[] = {"FunctionAppLogs"};

// Learn, "Supported logs for Microsoft.ContainerRegistry/registries": the
// login and repository audit events, by name; AllMetrics from "Supported
// metrics for Microsoft.ContainerRegistry/registries". A registry is watched
// from its home region (it lives in that region's resource group).
constexpr std::string_view kRegistryCategories[] = {"ContainerRegistryLoginEvents",
                                                    "ContainerRegistryRepositoryEvents"};

const WatchedType kTypes[] = {
    {"azurerm_kubernetes_cluster", "aks", "clusters", {}, kAksCategories, true},
    {"azurerm_search_service", "search", "searchServices", kAllLogs, {}, true},
    {"azurerm_cognitive_account", "openai", "cognitiveAccounts", kAllLogs, {}, true},
    {"azurerm_redis_cache", "redis", "redisCaches", kAllLogs, {}, true},
    // A Premium cache's passive geo-replica, in the region's resource group
    // though in the replica's location.
    {"azurerm_redis_cache",
     "redis",
     "redisCaches",
     kAllLogs,
     {},
     true,
     "replica",
     "replica_id",
     "redis_replica"},
    // The account a Premium cache persists to (`persistence = rdb | aof`).
    {"azurerm_storage_account",
     "redis",
     "blobServices",
     {},
     kBlobCategories,
     false,
     "persistence",
     "persistence_blob_service_id",
     "redis_persistence"},
    {"azurerm_key_vault", "keyvault", "keyVaults", kAllLogs, {}, true},
    {"azurerm_postgresql_flexible_server", "postgres", "postgresServers", kAllLogs, {}, true},
    // Each read replica, keyed like the call's `replicas` (r1, r2...).
    {"azurerm_postgresql_flexible_server",
     "postgres",
     "postgresServers",
     kAllLogs,
     {},
     true,
     "replica",
     "replica_ids",
     "postgres_replica"},
    {"azurerm_servicebus_namespace", "servicebus", "serviceBusNamespaces", kAllLogs, {}, true},
    {"azurerm_storage_account",
     "storage",
     "blobServices",
     {},
     kBlobCategories,
     false,
     "this",
     "blob_service_id"},
    // The account object replication copies to (`replicate_to`), in the
    // region's resource group though in another location.
    {"azurerm_storage_account",
     "storage",
     "blobServices",
     {},
     kBlobCategories,
     false,
     "replica",
     "replica_blob_service_id",
     "storage_replica"},
    {"azurerm_managed_redis",
     "managed_redis",
     "redisEnterpriseDatabases",
     {},
     kManagedRedisCategories,
     false,
     "this",
     "database_id"},
    {"azurerm_data_protection_backup_vault",
     "backup",
     "backupVaults",
     {},
     kBackupVaultCategories,
     true},
    {"azurerm_automation_account",
     "automation",
     "automationAccounts",
     {},
     kAutomationCategories,
     true},
    {"azurerm_eventgrid_system_topic",
     "eventgrid",
     "systemTopics",
     {},
     kSystemTopicCategories,
     true},
    {"azurerm_api_management",
     "api_management",
     "apiManagementServices",
     {},
     kApiManagementCategories,
     true},
    // A region has several sites: one setting each, keyed by site name.
    {"azurerm_linux_web_app",
     "app_service",
     "sites",
     {},
     kWebAppCategories,
     true,
     "this",
     "site_ids"},
    {"azurerm_linux_function_app",
     "app_service",
     "sites",
     {},
     kFunctionAppCategories,
     true,
     "this",
     "site_ids"},
    // Keyed by registry name, not region: one setting per registry.
    {"azurerm_container_registry",
     "container_registry",
     "containerRegistries",
     {},
     kRegistryCategories,
     true},
};

}  // namespace

std::span<const WatchedType> watched_types() {
  return kTypes;
}

bool is_watched_type(std::string_view azurerm_type) {
  return std::any_of(std::begin(kTypes), std::end(kTypes),
                     [&](const WatchedType& t) { return t.azurerm_type == azurerm_type; });
}

}  // namespace topoc::services::diagnostics
