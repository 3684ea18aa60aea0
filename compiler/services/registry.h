// The service registry (services.def): what each service is made of, and
// its estate planner. build_estate runs the planners in registry order.
#pragma once

#include <span>
#include <string_view>

#include "compiler/estate/estate.h"

namespace topoc::services {

#define TOPOC_SERVICE(id, dsl, tf, bicep, arm, placements) \
  namespace id {                                           \
  void plan(estate::Estate& estate);                       \
  }
#include "compiler/services/services.def"
#undef TOPOC_SERVICE

struct ServiceInfo {
  std::string_view id;
  std::string_view dsl_block;
  // Both in compiler/services/<id>/templates/, at their paths in the output:
  std::string_view terraform_module;  // terraform/modules/<terraform_module>/
  std::string_view bicep_module;      // bicep/modules/<bicep_module>.bicep
  std::string_view arm_types;         // "|"-separated
  std::string_view placements;        // "|"-separated placement kinds
  void (*plan)(estate::Estate&);
};

std::span<const ServiceInfo> all_services();

}  // namespace topoc::services
