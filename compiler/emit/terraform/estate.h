// The Terraform backend renders the target-neutral estate
// (compiler/estate/estate.h); these names keep its files short.
#pragma once

#include "compiler/emit/terraform/emit_terraform.h"
#include "compiler/estate/estate.h"

namespace topoc::emit::terraform {

using estate::AlertInstance;
using estate::BoundaryPlan;
using estate::CosmosAccount;
using estate::Estate;
using estate::GeoLocation;
using estate::GeoRule;
using estate::iso_duration;
using estate::Origin;
using estate::OriginGroup;
using estate::periodic_backup_redundancy;
using estate::PolicyScope;
using estate::RegionDns;
using estate::RoutePlan;
using estate::ResourceNames;
using estate::SharedPolicy;
using estate::VnetPeering;

inline Estate plan_estate(const model::Topology& topology, const TerraformOptions& options) {
  return estate::build_estate(topology, {options.environment});
}

}  // namespace topoc::emit::terraform
