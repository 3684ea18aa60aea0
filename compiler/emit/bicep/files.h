// The generated files of the Bicep backend, each rendered from the plan.
#pragma once

#include <string>
#include <vector>

#include "compiler/emit/bicep/declarations.h"
#include "compiler/emit/bicep/plan.h"

namespace topoc::emit::bicep {

// The resource type versions main.bicep declares itself; the modules name
// their own.
inline constexpr std::string_view kResourceGroupType = "Microsoft.Resources/resourceGroups@2025-04-01";

std::string render_main_bicep(const Plan& plan, const Declarations& names);
std::string render_main_bicepparam(const Plan& plan, const Declarations& names);

// The Bicep modules (bicep/modules/ of the library) main.bicep calls, directly
// or through another module, sorted: "aks.bicep", "network.bicep", ...
std::vector<std::string> modules_used(const Plan& plan);

}  // namespace topoc::emit::bicep
