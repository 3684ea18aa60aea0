#include "compiler/naming/naming_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <bitset>
#include <functional>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace topoc::naming {
namespace {

using enum Scope;
using enum Letters;

// A Backup vault's policy or backup instance: 3-150 letters, digits and
// `-`, unique in the vault.
constexpr NamingRule vault_child(std::string_view resource_type, std::string_view noun) {
  return {.resource_type = resource_type,
          .noun = noun,
          .min_length = 3,
          .max_length = 150,
          .punctuation = "-",
          .scope = kParent,
          .summary = "3-150 letters, digits and `-`"};
}

// From /work/shared/reference/naming.md (Azure's naming rules and the checks
// of azurerm v4.81.0). Where the two differ the stricter one is here: Cosmos
// DB accounts 3-44 with no edge hyphens, OpenAI accounts without `_` and `.`,
// private endpoints 2-64, Front Door profiles 2-90 and origin groups, origins
// and routes 2-50.
constexpr NamingRule kRules[] = {
    {.resource_type = "azurerm_resource_group",
     .noun = "resource group",
     .min_length = 1,
     .max_length = 90,
     .punctuation = "_-.()",
     .end = End::kNotPeriod,
     .scope = kSubscription,
     .caf_prefix = "rg",
     .summary = "1-90 letters, digits, `_`, `-`, `.`, `(` and `)`, not ending in `.`"},
    {.resource_type = "azurerm_virtual_network",
     .noun = "virtual network",
     .min_length = 2,
     .max_length = 64,
     .punctuation = "_.-",
     .start = Start::kAlnum,
     .end = End::kAlnumOrUnderscore,
     .caf_prefix = "vnet",
     .summary = "2-64 letters, digits, `_`, `.` and `-`, starting with a letter or digit and "
                "ending with a letter, digit or `_`"},
    {.resource_type = "azurerm_subnet",
     .noun = "subnet",
     .min_length = 1,
     .max_length = 80,
     .punctuation = "_.-",
     .start = Start::kAlnum,
     .end = End::kAlnumOrUnderscore,
     .scope = kParent,
     .caf_prefix = "snet",
     .summary = "1-80 letters, digits, `_`, `.` and `-`, starting with a letter or digit and "
                "ending with a letter, digit or `_`"},
    // Learn, Microsoft.Network/virtualNetworks/virtualNetworkPeerings; azurerm
    // v4.55.0 validates no more than that the name is set.
    {.resource_type = "azurerm_virtual_network_peering",
     .noun = "virtual network peering",
     .min_length = 1,
     .max_length = 80,
     .punctuation = "_.-",
     .start = Start::kAlnum,
     .end = End::kAlnumOrUnderscore,
     .scope = kParent,
     .caf_prefix = "peer",
     .summary = "1-80 letters, digits, `_`, `.` and `-`, starting with a letter or digit and "
                "ending with a letter, digit or `_`"},
    {.resource_type = "azurerm_network_security_group",
     .noun = "network security group",
     .min_length = 1,
     .max_length = 80,
     .punctuation = "_.-",
     .start = Start::kAlnum,
     .end = End::kAlnumOrUnderscore,
     .caf_prefix = "nsg",
     .summary = "1-80 letters, digits, `_`, `.` and `-`, starting with a letter or digit and "
                "ending with a letter, digit or `_`"},
    {.resource_type = "azurerm_kubernetes_cluster",
     .noun = "AKS cluster",
     .min_length = 1,
     .max_length = 63,
     .punctuation = "_-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .caf_prefix = "aks",
     .summary = "1-63 letters, digits, `_` and `-`, starting and ending with a letter or digit"},
    {.resource_type = "azurerm_kubernetes_cluster.dns_prefix",
     .noun = "AKS DNS prefix",
     .min_length = 1,
     .max_length = 54,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .summary = "1-54 letters, digits and `-`, starting and ending with a letter or digit"},
    // Linux pools; topoc creates no Windows pools (those allow 6 characters).
    {.resource_type = "azurerm_kubernetes_cluster_node_pool",
     .noun = "AKS node pool",
     .min_length = 1,
     .max_length = 12,
     .letters = kLowercase,
     .start = Start::kLetter,
     .scope = kParent,
     .caf_prefix = "np",
     .summary = "1-12 lowercase letters and digits, starting with a letter"},
    {.resource_type = "azurerm_cosmosdb_account",
     .noun = "Cosmos DB account",
     .min_length = 3,
     .max_length = 44,
     .letters = kLowercase,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kGlobal,
     .caf_prefix = "cosno",
     .summary = "3-44 lowercase letters, digits and `-`, starting and ending with a letter or "
                "digit"},
    // Cosmos DB resource ids may not hold `/`, `\`, `#` or `?` (they would
    // break the resource's URI) nor end in a space.
    {.resource_type = "azurerm_cosmosdb_sql_database",
     .noun = "Cosmos DB database",
     .min_length = 1,
     .max_length = 255,
     .free_text = true,
     .forbidden = "/\\#?",
     .end = End::kNotPeriodOrSpace,
     .scope = kParent,
     .summary = "1-255 characters without `/`, `\\`, `#` or `?`, not ending in a space or `.`"},
    {.resource_type = "azurerm_cosmosdb_sql_container",
     .noun = "Cosmos DB container",
     .min_length = 1,
     .max_length = 255,
     .free_text = true,
     .forbidden = "/\\#?",
     .end = End::kNotPeriodOrSpace,
     .scope = kParent,
     .summary = "1-255 characters without `/`, `\\`, `#` or `?`, not ending in a space or `.`"},
    {.resource_type = "azurerm_cosmosdb_sql_stored_procedure",
     .noun = "stored procedure",
     .min_length = 1,
     .max_length = 255,
     .free_text = true,
     .forbidden = "/\\#?",
     .end = End::kNotPeriodOrSpace,
     .scope = kParent,
     .summary = "1-255 characters without `/`, `\\`, `#` or `?`, not ending in a space or `.`"},
    {.resource_type = "azurerm_storage_account",
     .noun = "storage account",
     .min_length = 3,
     .max_length = 24,
     .letters = kLowercase,
     .scope = kGlobal,
     .caf_prefix = "st",
     .summary = "3-24 lowercase letters and digits"},
    {.resource_type = "azurerm_key_vault",
     .noun = "key vault",
     .min_length = 3,
     .max_length = 24,
     .punctuation = "-",
     .start = Start::kLetter,
     .end = End::kAlnum,
     .no_double_hyphen = true,
     .scope = kGlobal,
     .caf_prefix = "kv",
     .summary = "3-24 letters, digits and `-`, starting with a letter, ending with a letter or "
                "digit, without `--`"},
    {.resource_type = "azurerm_search_service",
     .noun = "AI Search service",
     .min_length = 2,
     .max_length = 60,
     .letters = kLowercase,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kNotHyphen,
     .no_double_hyphen = true,
     .no_hyphen_in_first_two = true,
     .scope = kGlobal,
     .caf_prefix = "srch",
     .summary = "2-60 lowercase letters, digits and `-`, without `-` in the first two "
                "characters, at the end or twice in a row"},
    {.resource_type = "azurerm_cognitive_account",
     .noun = "Azure OpenAI account",
     .min_length = 2,
     .max_length = 64,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .caf_prefix = "oai",
     .summary = "2-64 letters, digits and `-`, starting and ending with a letter or digit"},
    {.resource_type = "azurerm_cognitive_account.custom_subdomain_name",
     .noun = "Azure OpenAI custom subdomain",
     .min_length = 2,
     .max_length = 64,
     .punctuation = "-",
     .end = End::kNotHyphen,
     .scope = kGlobal,
     .summary = "2-64 letters, digits and `-`, not ending in `-`"},
    {.resource_type = "azurerm_redis_cache",
     .noun = "Redis cache",
     .min_length = 1,
     .max_length = 63,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .no_double_hyphen = true,
     .scope = kGlobal,
     .caf_prefix = "redis",
     .summary = "1-63 letters, digits and `-`, starting and ending with a letter or digit, "
                "without `--`"},
    // azurerm v4.55.0 managedredis/validate/managed_redis_name.go takes 3-63;
    // the ARM name pattern of Microsoft.Cache/redisEnterprise stops at 60.
    {.resource_type = "azurerm_managed_redis",
     .noun = "Managed Redis instance",
     .min_length = 3,
     .max_length = 60,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .no_double_hyphen = true,
     .scope = kGlobal,
     .caf_prefix = "amr",
     .summary = "3-60 letters, digits and `-`, starting and ending with a letter or digit, "
                "without `--`"},
    {.resource_type = "azurerm_log_analytics_workspace",
     .noun = "Log Analytics workspace",
     .min_length = 4,
     .max_length = 63,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .caf_prefix = "log",
     .summary = "4-63 letters, digits and `-`, starting and ending with a letter or digit"},
    {.resource_type = "azurerm_application_insights",
     .noun = "Application Insights",
     .min_length = 1,
     .max_length = 260,
     .free_text = true,
     .forbidden = "%&\\?/",
     .end = End::kNotPeriodOrSpace,
     .caf_prefix = "appi",
     .summary = "1-260 characters without `%`, `&`, `\\`, `?` or `/`, not ending in a space or "
                "`.`"},
    // Microsoft.Insights/webtests, a child of its component by tag: the
    // component's characters (Learn, "Naming rules and restrictions for
    // Azure resources").
    {.resource_type = "azurerm_application_insights_standard_web_test",
     .noun = "availability test",
     .min_length = 1,
     .max_length = 260,
     .free_text = true,
     .forbidden = "%&\\?/",
     .end = End::kNotPeriodOrSpace,
     .summary = "1-260 characters without `%`, `&`, `\\`, `?` or `/`, not ending in a space or "
                "`.`"},
    // azurerm v4.55.0 internal/services/monitor/validate/monitor_diagnostic_setting.go:
    // 1-260 characters, none of `<>*%&:\?+/`. Unique per watched resource.
    {.resource_type = "azurerm_monitor_diagnostic_setting",
     .noun = "diagnostic setting",
     .min_length = 1,
     .max_length = 260,
     .free_text = true,
     .forbidden = "<>*%&:\\?+/",
     .scope = kParent,
     .caf_prefix = "diag",
     .summary = "1-260 characters without `<`, `>`, `*`, `%`, `&`, `:`, `\\`, `?`, `+` or `/`"},
    // azurerm v4.55.0 only asks for a name and Bicep 0.49.2's type index sets
    // no pattern; topoc keeps to the characters and length ARM names of the
    // Microsoft.Insights provider share.
    {.resource_type = "azurerm_monitor_data_collection_rule",
     .noun = "data collection rule",
     .min_length = 1,
     .max_length = 64,
     .punctuation = "-_.",
     .start = Start::kAlnum,
     .end = End::kAlnumOrUnderscore,
     .caf_prefix = "dcr",
     .summary = "1-64 letters, digits, `-`, `_` and `.`, starting with a letter or digit and "
                "ending with a letter, digit or `_`"},
    {.resource_type = "azurerm_cdn_frontdoor_profile",
     .noun = "Front Door profile",
     .min_length = 2,
     .max_length = 90,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .caf_prefix = "afd",
     .summary = "2-90 letters, digits and `-`, starting and ending with a letter or digit"},
    // The endpoint's host name is `<name>-<hash>.z01.azurefd.net`.
    {.resource_type = "azurerm_cdn_frontdoor_endpoint",
     .noun = "Front Door endpoint",
     .min_length = 2,
     .max_length = 46,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kGlobal,
     .caf_prefix = "fde",
     .summary = "2-46 letters, digits and `-`, starting and ending with a letter or digit"},
    // azurerm v4.55.0 validate/front_door_custom_domain_name.go.
    {.resource_type = "azurerm_cdn_frontdoor_custom_domain",
     .noun = "Front Door custom domain",
     .min_length = 2,
     .max_length = 260,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kParent,
     .summary = "2-260 letters, digits and `-`, starting and ending with a letter or digit"},
    // azurerm v4.55.0 validate/front_door_validation_helpers.go
    // (CdnFrontDoorSecretName).
    {.resource_type = "azurerm_cdn_frontdoor_secret",
     .noun = "Front Door secret",
     .min_length = 2,
     .max_length = 260,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kParent,
     .summary = "2-260 letters, digits and `-`, starting and ending with a letter or digit"},
    {.resource_type = "azurerm_cdn_frontdoor_origin_group",
     .noun = "Front Door origin group",
     .min_length = 2,
     .max_length = 50,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kParent,
     .caf_prefix = "og",
     .summary = "2-50 letters, digits and `-`, starting and ending with a letter or digit"},
    {.resource_type = "azurerm_cdn_frontdoor_origin",
     .noun = "Front Door origin",
     .min_length = 2,
     .max_length = 50,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kParent,
     .summary = "2-50 letters, digits and `-`, starting and ending with a letter or digit"},
    {.resource_type = "azurerm_cdn_frontdoor_route",
     .noun = "Front Door route",
     .min_length = 2,
     .max_length = 50,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kParent,
     .summary = "2-50 letters, digits and `-`, starting and ending with a letter or digit"},
    {.resource_type = "azurerm_cdn_frontdoor_rule_set",
     .noun = "Front Door rule set",
     .min_length = 1,
     .max_length = 60,
     .start = Start::kLetter,
     .scope = kParent,
     .summary = "1-60 letters and digits, starting with a letter"},
    {.resource_type = "azurerm_cdn_frontdoor_rule",
     .noun = "Front Door rule",
     .min_length = 1,
     .max_length = 260,
     .start = Start::kLetter,
     .scope = kParent,
     .summary = "1-260 letters and digits, starting with a letter"},
    {.resource_type = "azurerm_cdn_frontdoor_firewall_policy",
     .noun = "Front Door WAF policy",
     .min_length = 1,
     .max_length = 128,
     .start = Start::kLetter,
     .caf_prefix = "fdfp",
     .summary = "1-128 letters and digits, starting with a letter"},
    // Neither Azure nor the provider states a length; 260 is the ceiling of
    // ARM resource names.
    {.resource_type = "azurerm_cdn_frontdoor_security_policy",
     .noun = "Front Door security policy",
     .min_length = 1,
     .max_length = 260,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kParent,
     .summary = "letters, digits and `-`, starting and ending with a letter or digit"},
    {.resource_type = "azurerm_private_dns_zone",
     .noun = "private DNS zone",
     .min_length = 1,
     .max_length = 63,
     .punctuation = "_-.",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .summary = "1-63 letters, digits, `_` and `-` in labels separated by `.`"},
    {.resource_type = "azurerm_private_dns_zone_virtual_network_link",
     .noun = "private DNS zone link",
     .min_length = 1,
     .max_length = 80,
     .punctuation = "_.-",
     .start = Start::kAlnum,
     .end = End::kAlnumOrUnderscore,
     .scope = kParent,
     .summary = "1-80 letters, digits, `_`, `.` and `-`, starting with a letter or digit and "
                "ending with a letter, digit or `_`"},
    {.resource_type = "azurerm_private_endpoint",
     .noun = "private endpoint",
     .min_length = 2,
     .max_length = 64,
     .punctuation = "_.-",
     .start = Start::kAlnum,
     .end = End::kAlnumOrUnderscore,
     .caf_prefix = "pep",
     .summary = "2-64 letters, digits, `_`, `.` and `-`, starting with a letter or digit and "
                "ending with a letter, digit or `_`"},
    {.resource_type = "azurerm_monitor_action_group",
     .noun = "action group",
     .min_length = 1,
     .max_length = 260,
     .free_text = true,
     .forbidden = ":<>+/&%\\?|",
     .end = End::kNotPeriodOrSpace,
     .caf_prefix = "ag",
     .summary = "1-260 characters without `:`, `<`, `>`, `+`, `/`, `&`, `%`, `\\`, `?` or `|`, "
                "not ending in a space or `.`"},
    // Shown as the sender of SMS and e-mail notifications.
    {.resource_type = "azurerm_monitor_action_group.short_name",
     .noun = "action group short",
     .min_length = 1,
     .max_length = 12,
     .free_text = true,
     .summary = "1-12 characters"},
    // Microsoft.Insights/activityLogAlerts: the same characters as metric alerts.
    {.resource_type = "azurerm_monitor_activity_log_alert",
     .noun = "activity log alert",
     .min_length = 1,
     .max_length = 260,
     .free_text = true,
     .forbidden = "*#&+:<>?@%{}\\/|",
     .end = End::kNotPeriodOrSpace,
     .summary = "1-260 characters without `*`, `#`, `&`, `+`, `:`, `<`, `>`, `?`, `@`, `%`, "
                "`{`, `}`, `\\`, `/` or `|`, not ending in a space or `.`"},
    {.resource_type = "azurerm_monitor_metric_alert",
     .noun = "metric alert",
     .min_length = 1,
     .max_length = 260,
     .free_text = true,
     .forbidden = "*#&+:<>?@%{}\\/|",
     .end = End::kNotPeriodOrSpace,
     .summary = "1-260 characters without `*`, `#`, `&`, `+`, `:`, `<`, `>`, `?`, `@`, `%`, "
                "`{`, `}`, `\\`, `/` or `|`, not ending in a space or `.`"},
    // Microsoft.Insights/scheduledQueryRules (Learn, "Naming rules and
    // restrictions for Azure resources"): no `*<>%{}&:\?/#|`, nor `+` and `@`
    // that metric alerts refuse, so one alert name fits both kinds.
    {.resource_type = "azurerm_monitor_scheduled_query_rules_alert_v2",
     .noun = "log search alert",
     .min_length = 1,
     .max_length = 260,
     .free_text = true,
     .forbidden = "*#&+:<>?@%{}\\/|",
     .end = End::kNotPeriodOrSpace,
     .summary = "1-260 characters without `*`, `#`, `&`, `+`, `:`, `<`, `>`, `?`, `@`, `%`, "
                "`{`, `}`, `\\`, `/` or `|`, not ending in a space or `.`"},
    {.resource_type = "azurerm_policy_definition",
     .noun = "policy definition",
     .min_length = 1,
     .max_length = 64,
     .free_text = true,
     .forbidden = "#<>%&:\\?/",
     .end = End::kNotPeriodOrSpace,
     .scope = kSubscription,
     .summary = "1-64 characters without `#`, `<`, `>`, `%`, `&`, `:`, `\\`, `?` or `/`, not "
                "ending in a space or `.`"},
    {.resource_type = "azurerm_resource_group_policy_assignment",
     .noun = "policy assignment",
     .min_length = 1,
     .max_length = 64,
     .free_text = true,
     .forbidden = "#<>%&:\\?/",
     .end = End::kNotPeriodOrSpace,
     .summary = "1-64 characters without `#`, `<`, `>`, `%`, `&`, `:`, `\\`, `?` or `/`, not "
                "ending in a space or `.`"},
    {.resource_type = "azurerm_postgresql_flexible_server",
     .noun = "PostgreSQL flexible server",
     .min_length = 3,
     .max_length = 63,
     .letters = Letters::kLowercase,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kGlobal,
     .caf_prefix = "psql",
     .summary = "3-63 lowercase letters, digits and `-`, starting and ending with a letter or "
                "digit"},
    // azurerm 4.55 internal/services/servicebus/validate/namespace_name.go:
    // ^[a-zA-Z][-a-zA-Z0-9]{4,48}[a-zA-Z0-9]$, and not ending in `-sb` or
    // `-mgmt`. The pairing's alias is a host name beside the namespaces' and
    // follows the same rule (Microsoft Learn, namespaces/disasterRecoveryConfigs).
    {.resource_type = "azurerm_servicebus_namespace",
     .noun = "Service Bus namespace",
     .min_length = 6,
     .max_length = 50,
     .punctuation = "-",
     .start = Start::kLetter,
     .end = End::kAlnum,
     .scope = kGlobal,
     .caf_prefix = "sbns",
     .summary = "6-50 letters, digits and `-`, starting with a letter and ending with a letter or "
                "digit"},
    {.resource_type = "azurerm_servicebus_namespace_disaster_recovery_config",
     .noun = "Service Bus geo-disaster recovery alias",
     .min_length = 6,
     .max_length = 50,
     .punctuation = "-",
     .start = Start::kLetter,
     .end = End::kAlnum,
     .scope = kGlobal,
     .summary = "6-50 letters, digits and `-`, starting with a letter and ending with a letter or "
                "digit"},
    // validate/topic_name.go allows 1-260 characters; Microsoft Learn's
    // naming rules add no more. Subscriptions: validate/subscription_name.go
    // (1-50), starting and ending with a letter or digit as Learn requires.
    {.resource_type = "azurerm_servicebus_topic",
     .noun = "Service Bus topic",
     .min_length = 1,
     .max_length = 260,
     .punctuation = "-._~/",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kParent,
     .summary = "1-260 letters, digits, `-`, `.`, `_`, `~` and `/`, starting and ending with a "
                "letter or digit"},
    {.resource_type = "azurerm_servicebus_subscription",
     .noun = "Service Bus subscription",
     .min_length = 1,
     .max_length = 50,
     .punctuation = "-._",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kParent,
     .summary = "1-50 letters, digits, `-`, `.` and `_`, starting and ending with a letter or "
                "digit"},
    // azurerm v4.55.0 internal/services/eventgrid/eventgrid_system_topic_resource.go:
    // ^[-a-zA-Z0-9]{3,128}$; event_subscription_schema.go: ^[-a-zA-Z0-9]{3,64}$.
    {.resource_type = "azurerm_eventgrid_system_topic",
     .noun = "Event Grid system topic",
     .min_length = 3,
     .max_length = 128,
     .punctuation = "-",
     .caf_prefix = "egst",
     .summary = "3-128 letters, digits and `-`"},
    {.resource_type = "azurerm_eventgrid_system_topic_event_subscription",
     .noun = "Event Grid event subscription",
     .min_length = 3,
     .max_length = 64,
     .punctuation = "-",
     .scope = kParent,
     .summary = "3-64 letters, digits and `-`"},
    // azurerm 4.55 internal/services/dataprotection/
    // data_protection_backup_vault_resource.go: ^[-a-zA-Z0-9]{2,50}$.
    {.resource_type = "azurerm_data_protection_backup_vault",
     .noun = "Backup vault",
     .min_length = 2,
     .max_length = 50,
     .punctuation = "-",
     .caf_prefix = "bvault",
     .summary = "2-50 letters, digits and `-`"},
    // The vault's policies: validate/backup_policy_postgresql_flexible_server_
    // name.go, data_protection_backup_policy_{blob_storage,kubernetes_cluster}_
    // resource.go: ^[-a-zA-Z0-9]{3,150}$. Their backup instances azurerm only
    // requires to be non-empty; topoc holds them to the policies' rule.
    vault_child("azurerm_data_protection_backup_policy_postgresql_flexible_server",
                "Backup policy"),
    vault_child("azurerm_data_protection_backup_instance_postgresql_flexible_server",
                "backup instance"),
    vault_child("azurerm_data_protection_backup_policy_blob_storage", "Backup policy"),
    vault_child("azurerm_data_protection_backup_instance_blob_storage", "backup instance"),
    vault_child("azurerm_data_protection_backup_policy_kubernetes_cluster", "Backup policy"),
    vault_child("azurerm_data_protection_backup_instance_kubernetes_cluster", "backup instance"),
    // azurerm 4.55 internal/services/automation/validate/account_name.go:
    // ^[0-9a-zA-Z][-0-9a-zA-Z]{4,48}[0-9a-zA-Z]$; Azure (Microsoft Learn,
    // "Naming rules and restrictions for Azure resources") also wants a
    // letter first.
    {.resource_type = "azurerm_automation_account",
     .noun = "Automation account",
     .min_length = 6,
     .max_length = 50,
     .punctuation = "-",
     .start = Start::kLetter,
     .end = End::kAlnum,
     .caf_prefix = "aa",
     .summary = "6-50 letters, digits and `-`, starting with a letter and ending with a letter or "
                "digit"},
    // azurerm 4.55 internal/services/apimanagement/validate/api_management.go
    // (ApiManagementServiceName): ^[0-9a-zA-Z-]{1,50}$; Azure (Microsoft
    // Learn, "Naming rules and restrictions for Azure resources") also wants
    // a letter first and a letter or digit last, and the name is global
    // (<name>.azure-api.net).
    {.resource_type = "azurerm_api_management",
     .noun = "API Management instance",
     .min_length = 1,
     .max_length = 50,
     .punctuation = "-",
     .start = Start::kLetter,
     .end = End::kAlnum,
     .scope = kGlobal,
     .caf_prefix = "apim",
     .summary = "1-50 letters, digits and `-`, starting with a letter and ending with a letter or "
                "digit"},
    // azurerm 4.55 internal/services/appservice/validate/service_plan_name.go:
    // ^[0-9a-zA-Z-_]{1,60}$.
    {.resource_type = "azurerm_service_plan",
     .noun = "App Service plan",
     .min_length = 1,
     .max_length = 60,
     .punctuation = "-_",
     .caf_prefix = "asp",
     .summary = "1-60 letters, digits, `-` and `_`"},
    // A site's name is its host name under azurewebsites.net: global.
    // azurerm 4.55 validate/web_app_name.go takes ^[0-9a-zA-Z-]{1,60}$;
    // Azure (Microsoft.Web/sites) also wants 2 characters at least and no
    // `-` at either end.
    {.resource_type = "azurerm_linux_web_app",
     .noun = "web app",
     .min_length = 2,
     .max_length = 60,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kGlobal,
     .caf_prefix = "app",
     .summary = "2-60 letters, digits and `-`, starting and ending with a letter or digit"},
    {.resource_type = "azurerm_linux_function_app",
     .noun = "function app",
     .min_length = 2,
     .max_length = 60,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kGlobal,
     .caf_prefix = "func",
     .summary = "2-60 letters, digits and `-`, starting and ending with a letter or digit"},
    // azurerm 4.55 internal/services/containerapps/validate/validate.go,
    // ManagedEnvironmentName: ^([a-zA-Z])[a-zA-Z0-9-]{0,58}[a-z]?$, not
    // ending in `-`.
    {.resource_type = "azurerm_container_app_environment",
     .noun = "Container Apps environment",
     .min_length = 1,
     .max_length = 60,
     .punctuation = "-",
     .start = Start::kLetter,
     .end = End::kNotHyphen,
     .caf_prefix = "cae",
     .summary = "1-60 letters, digits and `-`, starting with a letter and not ending with `-`"},
    // ContainerAppName: 1-32 lowercase letters, digits, `-` and `.`, starting
    // with a letter or digit and ending with one, without `--`.
    {.resource_type = "azurerm_container_app",
     .noun = "Container App",
     .min_length = 1,
     .max_length = 32,
     .letters = Letters::kLowercase,
     .punctuation = "-.",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .no_double_hyphen = true,
     .caf_prefix = "ca",
     .summary = "1-32 lowercase letters, digits, `-` and `.`, starting and ending with a letter "
                "or digit, without `--`"},
    // azurerm 4.55 leaves the name unchecked; Microsoft Learn, "Naming rules
    // and restrictions for Azure resources" (Microsoft.ManagedIdentity):
    // 3-128 letters, digits, `-` and `_`, starting with a letter or digit.
    {.resource_type = "azurerm_user_assigned_identity",
     .noun = "user-assigned identity",
     .min_length = 3,
     .max_length = 128,
     .punctuation = "-_",
     .start = Start::kAlnum,
     .caf_prefix = "id",
     .summary = "3-128 letters, digits, `-` and `_`, starting with a letter or digit"},
    {.resource_type = "azurerm_postgresql_flexible_server_virtual_endpoint",
     .noun = "PostgreSQL virtual endpoint",
     .min_length = 3,
     .max_length = 63,
     .letters = Letters::kLowercase,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kGlobal,
     .summary = "3-63 lowercase letters, digits and `-`, starting and ending with a letter or "
                "digit"},
    // The login server <name>.azurecr.io; azurerm 4.55 validates
    // ^[a-zA-Z0-9]+$ and 5-50 characters (containers/validate/
    // container_registry_name.go); Azure compares names case-insensitively.
    {.resource_type = "azurerm_container_registry",
     .noun = "container registry",
     .min_length = 5,
     .max_length = 50,
     .scope = kGlobal,
     .caf_prefix = "cr",
     .summary = "5-50 letters and digits"},
    // The profile's name is also its relative DNS name under
    // trafficmanager.net, a DNS label unique across Azure.
    {.resource_type = "azurerm_traffic_manager_profile",
     .noun = "Traffic Manager profile",
     .min_length = 1,
     .max_length = 63,
     .punctuation = "-",
     .start = Start::kAlnum,
     .end = End::kAlnum,
     .scope = kGlobal,
     .caf_prefix = "traf",
     .summary = "1-63 letters, digits and `-`, starting and ending with a letter or digit"},
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_alnum(char c) {
  return is_digit(c) || is_lower(c) || is_upper(c);
}
bool is_ascii(char c) {
  return static_cast<unsigned char>(c) < 0x80;
}

// "`_`", "a space", "a non-ASCII character".
std::string describe_character(std::string_view character) {
  if (character == " ") return "a space";
  if (!is_ascii(character[0])) return fmt::format("`{}`", character);
  if (static_cast<unsigned char>(character[0]) < 0x20 || character[0] == 0x7f) {
    return "a control character";
  }
  return fmt::format("`{}`", character);
}

// The UTF-8 sequence starting at `i` (one byte for ASCII and for stray bytes).
size_t sequence_length(std::string_view s, size_t i) {
  size_t n = 1;
  while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xc0) == 0x80) ++n;
  return n;
}

bool starts_ok(const NamingRule& rule, char c) {
  switch (rule.start) {
    case Start::kAny:
      return true;
    case Start::kAlnum:
      return is_alnum(c);
    case Start::kLetter:
      return is_lower(c) || is_upper(c);
  }
  return true;
}

bool ends_ok(const NamingRule& rule, char c) {
  switch (rule.end) {
    case End::kAny:
      return true;
    case End::kAlnum:
      return is_alnum(c);
    case End::kAlnumOrUnderscore:
      return is_alnum(c) || c == '_';
    case End::kNotHyphen:
      return c != '-';
    case End::kNotPeriod:
      return c != '.';
    case End::kNotPeriodOrSpace:
      return c != '.' && c != ' ';
  }
  return true;
}

std::string describe_start(const NamingRule& rule, char c) {
  if (rule.start == Start::kLetter && is_digit(c)) return "starts with a digit";
  return fmt::format("starts with {}", describe_character(std::string(1, c)));
}

std::string join_problems(const std::vector<std::string>& problems) {
  std::string out;
  for (size_t i = 0; i < problems.size(); ++i) {
    if (i > 0) out += i + 1 == problems.size() ? " and " : ", ";
    out += problems[i];
  }
  return out;
}

}  // namespace

std::span<const NamingRule> all_naming_rules() {
  return kRules;
}

const NamingRule* find_naming_rule(std::string_view resource_type) {
  // Asked once per generated name: hashed, the first rule of a type winning.
  static const std::unordered_map<std::string_view, const NamingRule*> by_type = [] {
    std::unordered_map<std::string_view, const NamingRule*> out;
    for (const NamingRule& r : kRules) out.emplace(r.resource_type, &r);
    return out;
  }();
  auto it = by_type.find(resource_type);
  return it == by_type.end() ? nullptr : it->second;
}

bool allows_character(const NamingRule& rule, char c) {
  auto u = static_cast<unsigned char>(c);
  if (rule.free_text)
    return u >= 0x80 ||
           (u >= 0x20 && u != 0x7f && rule.forbidden.find(c) == std::string_view::npos);
  if (is_digit(c) || is_lower(c)) return true;
  if (is_upper(c)) return rule.letters == kAnyCase;
  return rule.punctuation.find(c) != std::string_view::npos;
}

std::bitset<256> accepted_byte_table(const NamingRule& rule) {
  // Set as allows_character decides, in its order: built from the rule's
  // few characters rather than asked about each of the 256 bytes.
  std::bitset<256> out;
  auto byte = [](char c) { return static_cast<unsigned char>(c); };
  if (rule.free_text) {
    for (int c = 0x20; c < 0x100; ++c) out.set(static_cast<size_t>(c));
    out.reset(0x7f);
    for (char c : rule.forbidden) {
      if (byte(c) < 0x80) out.reset(byte(c));
    }
    return out;
  }
  for (char c = '0'; c <= '9'; ++c) out.set(byte(c));
  for (char c = 'a'; c <= 'z'; ++c) out.set(byte(c));
  if (rule.letters == kAnyCase) {
    for (char c = 'A'; c <= 'Z'; ++c) out.set(byte(c));
  }
  for (char c : rule.punctuation) {
    if (!is_upper(c)) out.set(byte(c));
  }
  return out;
}

size_t name_length(std::string_view name) {
  return static_cast<size_t>(std::count_if(name.begin(), name.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

namespace {

// The bytes each rule of kRules accepts anywhere, one table per rule and
// indexed alike: conforms() asks about every byte of every generated name.
const std::bitset<256>* accepted_bytes(const NamingRule& rule) {
  static const std::vector<std::bitset<256>> tables = [] {
    std::vector<std::bitset<256>> out;
    out.reserve(std::size(kRules));
    for (const NamingRule& r : kRules) out.push_back(accepted_byte_table(r));
    return out;
  }();
  std::less<const NamingRule*> before;
  if (before(&rule, std::begin(kRules)) || !before(&rule, std::end(kRules))) return nullptr;
  return &tables[static_cast<size_t>(&rule - std::begin(kRules))];
}

// Whether `name` breaks none of `rule`'s parts: what violation() finds, told
// without building a message. Nearly every generated name passes.
bool conforms(const NamingRule& rule, std::string_view name) {
  if (name.empty()) return false;
  if (const std::bitset<256>* accepted = accepted_bytes(rule)) {
    // One pass over the bytes: the table accepts the bytes of non-ASCII
    // characters exactly when the rule is free text, and the length counts
    // every byte that does not continue a character.
    size_t length = 0;
    for (char c : name) {
      auto byte = static_cast<unsigned char>(c);
      if (!(*accepted)[byte]) return false;
      length += (byte & 0xc0) != 0x80;
    }
    if (length < rule.min_length || length > rule.max_length) return false;
  } else {
    size_t length = name_length(name);
    if (length < rule.min_length || length > rule.max_length) return false;
    for (size_t i = 0; i < name.size();) {
      size_t n = sequence_length(name, i);
      if (!(n == 1 ? allows_character(rule, name[i]) : rule.free_text)) return false;
      i += n;
    }
  }
  if (!starts_ok(rule, name.front()) || !ends_ok(rule, name.back())) return false;
  if (rule.no_hyphen_in_first_two && name.size() >= 2 && name[1] == '-') return false;
  return !rule.no_double_hyphen || name.find("--") == std::string_view::npos;
}

}  // namespace

std::optional<std::string> violation(const NamingRule& rule, std::string_view name) {
  if (conforms(rule, name)) return std::nullopt;
  std::vector<std::string> problems;
  size_t length = name_length(name);
  if (length < rule.min_length || length > rule.max_length) {
    problems.push_back(fmt::format("is {} character{}", length, length == 1 ? "" : "s"));
  }
  // Each offending character once, in order of appearance, at most three.
  std::vector<std::string> bad;
  bool uppercase = false;
  for (size_t i = 0; i < name.size();) {
    size_t n = sequence_length(name, i);
    std::string character(name.substr(i, n));
    bool ok = n == 1 ? allows_character(rule, name[i]) : rule.free_text;
    if (!ok && n == 1 && is_upper(name[i])) {
      uppercase = true;
    } else if (!ok && std::find(bad.begin(), bad.end(), character) == bad.end()) {
      bad.push_back(character);
    }
    i += n;
  }
  if (uppercase) problems.push_back("contains uppercase letters");
  std::vector<std::string> described;
  for (size_t i = 0; i < bad.size() && i < 3; ++i) described.push_back(describe_character(bad[i]));
  if (!described.empty()) problems.push_back("contains " + join_problems(described));
  if (!name.empty() && !starts_ok(rule, name.front()) && allows_character(rule, name.front())) {
    problems.push_back(describe_start(rule, name.front()));
  }
  if (!name.empty() && !ends_ok(rule, name.back()) && allows_character(rule, name.back())) {
    problems.push_back(
        fmt::format("ends with {}", describe_character(std::string(1, name.back()))));
  }
  if (rule.no_hyphen_in_first_two && name.size() >= 2 && name[1] == '-') {
    problems.push_back("has `-` as its second character");
  }
  if (rule.no_double_hyphen && name.find("--") != std::string_view::npos) {
    problems.push_back("contains `--`");
  }
  if (problems.empty()) return std::nullopt;
  return fmt::format("{}; {} names are {}", join_problems(problems), rule.noun, rule.summary);
}

}  // namespace topoc::naming
