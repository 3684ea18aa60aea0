// The model of `registry`: container registries and their replicas (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

struct Region;

enum class RegistrySku { kBasic, kStandard, kPremium };
const char* to_string(RegistrySku sku);  // Azure's spelling: Basic, Standard, Premium

// `registry "name" { ... }`: an Azure Container Registry in the location of
// its home region, geo-replicated to `replicas`.
struct Registry {
  std::string name;
  Location location;          // the label
  Sourced<std::string> home;  // region key (required)
  Sourced<RegistrySku> sku;
  // Azure location names as written, normalised; duplicates and the home
  // location are kept for rules S031 and S032 to report.
  std::vector<Sourced<std::string>> replicas;
  // Default: on where the home location has availability zones.
  Sourced<bool> zone_redundant;

  // Whether region `r` reaches the registry through a private endpoint of
  // its own: the home region, and every region whose AKS cluster or
  // Container Apps pull.
  bool reached_from(const Region& r) const;
  // The locations Azure is asked to replicate to, sorted as azurerm expects
  // its `georeplications` blocks: each once, never `home`'s location (rules
  // S031 and S032 report those).
  std::vector<std::string> replica_locations(const Region& home) const;
};

}  // namespace topoc::model
