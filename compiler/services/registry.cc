#include "compiler/services/registry.h"

namespace topoc::services {
namespace {

constexpr ServiceInfo kServices[] = {
#define TOPOC_SERVICE(id, dsl, tf, bicep, arm, placements) \
  {#id, dsl, tf, bicep, arm, placements, &id::plan},
#include "compiler/services/services.def"
#undef TOPOC_SERVICE
};

}  // namespace

std::span<const ServiceInfo> all_services() {
  return kServices;
}

}  // namespace topoc::services
