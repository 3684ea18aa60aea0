// The names main.bicep declares for a plan: a `<stem><Thing>Settings`
// parameter (its value in <environment>.bicepparam) and a `<stem><Thing>` resource or
// module for each region, Cosmos DB account and boundary. Both files read
// them from here, so a parameter main.bicep declares is the one
// <environment>.bicepparam assigns.
#pragma once

#include <string>
#include <vector>

#include "compiler/emit/bicep/plan.h"

namespace topoc::emit::bicep {

// A parameter and the resource or module that uses it.
struct Declaration {
  std::string param;
  std::string symbol;
};

struct RegionDeclarations {
  Declaration group, network, private_dns, monitoring, aks, search, openai, storage, redis,
      keyvault;
  // Environment variable <environment>.bicepparam reads the region's ingress host from.
  std::string origin_host_variable;
};

struct CosmosDeclarations {
  Declaration group, account;
};

struct Declarations {
  std::vector<RegionDeclarations> regions;  // as Plan::regions
  std::vector<CosmosDeclarations> cosmos;   // as Plan::cosmos
  std::vector<Declaration> residency;       // as Plan::boundaries
};

Declarations declare(const Plan& plan);

}  // namespace topoc::emit::bicep
