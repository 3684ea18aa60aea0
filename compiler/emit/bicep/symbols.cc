#include "compiler/emit/bicep/symbols.h"

#include <fmt/format.h>

namespace topoc::emit::bicep {
namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// Words of the language and of main.bicep's own declarations.
constexpr std::string_view kReserved[] = {
    "as",
    "assert",
    "false",
    "for",
    "func",
    "if",
    "import",
    "in",
    "metadata",
    "module",
    "null",
    "output",
    "param",
    "resource",
    "targetScope",
    "true",
    "type",
    "using",
    "var",
    "with",
    "existing",
    "extension",
    "sys",
    "az",
    // Parameters and types of main.bicep that no topology label produces.
    "tags",
    "globalGroupSettings",
    "globalGroup",
    "globalFrontDoorSettings",
    "frontDoor",
    "originHostNames",
    "originPrivateLinks",
    "globalAlertSettings",
    "alerts",
    "tagPolicyEffect",
    "globalPolicySettings",
    "policyDefinitions",
    "resourceGroupSettings",
    "resourceTags",
    "resourceIds",
    "hostNames",
    "frontDoorSettings",
    "alertSettings",
    "policyDefinitionSettings",
    "globalTrafficManagerSettings",
    "trafficManager",
    "ingressPublicIpIds",
    "trafficManagerSettings",
    // Types main.bicep imports from the modules.
    "networkSettings",
    "privateDnsSettings",
    "monitoringSettings",
    "aksSettings",
    "searchSettings",
    "openaiSettings",
    "storageSettings",
    "redisSettings",
    "keyVaultSettings",
    "postgresSettings",
    "registrySettings",
    "serviceBusSettings",
    "eventGridSettings",
    "managedRedisSettings",
    "backupSettings",
    "automationSettings",
    "apiManagementSettings",
    "appServiceSettings",
    "containerAppsSettings",
    "diagnosticsSettings",
    "cosmosSettings",
    "residencySettings",
    // The structured parameters, their types and the per-region collections.
    "regions",
    "regionSettings",
    "cosmosAccounts",
    "cosmosAccountSettings",
    "registries",
    "residency",
    "regionGroups",
    "regionNetworks",
    "regionPrivateDns",
    "regionMonitoring",
    "regionAks",
    "regionSearch",
    "regionOpenAi",
    "regionStorage",
    "regionRedis",
    "regionKeyVaults",
    "regionPostgres",
    "regionServiceBus",
    "regionManagedRedis",
    "regionBackup",
    "regionAutomation",
    "regionApiManagement",
    "regionAppService",
    "regionContainerApps",
    "regionDiagnostics",
    // Outputs.
    "resourceGroupNames",
    "aksClusterNames",
    "aksOidcIssuerUrls",
    "cosmosEndpoints",
    "containerRegistryLoginServers",
    "openaiEndpoints",
    "keyVaultUris",
    "frontDoorEndpointHostName",
};

}  // namespace

std::string camel_case(std::string_view label) {
  std::string out;
  bool first_word = true, word_start = true;
  for (char c : label) {
    // Bytes of non-ASCII characters are dropped inside the word.
    if ((static_cast<unsigned char>(c) & 0x80) != 0) continue;
    if (!is_alnum(c)) {
      if (!out.empty()) {
        first_word = false;
        word_start = true;
      }
      continue;
    }
    out += first_word ? lower(c) : word_start ? upper(c) : c;
    word_start = false;
  }
  return out;
}

SymbolTable::SymbolTable() {
  for (std::string_view word : kReserved) taken_.emplace(word);
}

std::string StemTable::stem(std::string_view label) {
  std::string base = camel_case(label);
  if (base.empty() || (base[0] >= '0' && base[0] <= '9')) base = fallback_ + base;
  std::string candidate = base;
  for (int n = 2; stems_.count(candidate) != 0; ++n) candidate = fmt::format("{}{}", base, n);
  stems_.insert(candidate);
  return candidate;
}

std::string SymbolTable::take(std::string_view name) {
  std::string candidate(name);
  for (int n = 2; taken_.count(candidate) != 0; ++n) candidate = fmt::format("{}{}", name, n);
  taken_.insert(candidate);
  return candidate;
}

}  // namespace topoc::emit::bicep
