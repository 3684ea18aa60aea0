// The names main.bicep uses for a plan: where each region, Cosmos DB account
// and boundary finds its settings, and the resource or module that deploys
// them. ARM allows a template 256 parameters, so the settings are a few
// structured parameters rather than one per value: `regions` (an array, one
// element per region, that main.bicep loops over), `cosmosAccounts` and
// `residency` (objects keyed by account and boundary). Both files read the
// names from here, so what main.bicep reads is what <environment>.bicepparam
// assigns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/emit/bicep/plan.h"

namespace topoc::emit::bicep {

// Where a value's settings are (`regions[3].network`) and the resource or
// module that uses them (`regionNetworks[3]`, `euCosmos`).
struct Declaration {
  std::string param;
  std::string symbol;
};

// A per-region collection of main.bicep: the loop's symbol, the field of
// each `regions` element holding its settings, and whether the field is
// optional (the loop then deploys only the regions that set it, and a
// reference to one element asserts it exists: `regionAks[3]!`).
struct RegionCollection {
  std::string_view symbol;
  std::string_view field;
  bool optional;
};

inline constexpr RegionCollection kRegionGroups{"regionGroups", "group", false};
inline constexpr RegionCollection kRegionNetworks{"regionNetworks", "network", false};
inline constexpr RegionCollection kRegionPrivateDns{"regionPrivateDns", "privateDns", true};
inline constexpr RegionCollection kRegionMonitoring{"regionMonitoring", "monitoring", true};
inline constexpr RegionCollection kRegionAks{"regionAks", "aks", true};
inline constexpr RegionCollection kRegionSearch{"regionSearch", "search", true};
inline constexpr RegionCollection kRegionOpenAi{"regionOpenAi", "openai", true};
inline constexpr RegionCollection kRegionStorage{"regionStorage", "storage", true};
inline constexpr RegionCollection kRegionRedis{"regionRedis", "redis", true};
inline constexpr RegionCollection kRegionKeyVaults{"regionKeyVaults", "keyVault", true};
inline constexpr RegionCollection kRegionPostgres{"regionPostgres", "postgres", true};
inline constexpr RegionCollection kRegionServiceBus{"regionServiceBus", "serviceBus", true};
inline constexpr RegionCollection kRegionManagedRedis{"regionManagedRedis", "managedRedis", true};
inline constexpr RegionCollection kRegionBackup{"regionBackup", "backup", true};
inline constexpr RegionCollection kRegionAppService{"regionAppService", "appService", true};
inline constexpr RegionCollection kRegionEventGrid{"regionEventGrid", "eventGrid", true};
inline constexpr RegionCollection kRegionContainerApps{"regionContainerApps", "containerApps",
                                                       true};
inline constexpr RegionCollection kRegionDiagnostics{"regionDiagnostics", "diagnostics", true};
inline constexpr RegionCollection kRegionAutomation{"regionAutomation", "automation", true};
inline constexpr RegionCollection kRegionApiManagement{"regionApiManagement", "apiManagement",
                                                       true};

// Region i's element of each collection: {`regions[i].aks`, `regionAks[i]`}.
struct RegionDeclarations {
  Declaration group, network, private_dns, monitoring, aks, search, openai, storage, redis,
      keyvault, postgres;
  // Environment variable <environment>.bicepparam reads the region's ingress host from.
  std::string origin_host_variable;
};

struct CosmosDeclarations {
  Declaration group, account;
};

struct Declarations {
  std::vector<RegionDeclarations> regions;  // as Plan::regions
  std::vector<CosmosDeclarations> cosmos;   // as Plan::cosmos
  std::vector<Declaration> registries;      // as Plan::registries
  std::vector<Declaration> residency;       // as Plan::boundaries
};

Declarations declare(const Plan& plan);

}  // namespace topoc::emit::bicep
