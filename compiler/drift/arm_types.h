// ARM resource types (as Resource Graph reports them) and the azurerm types
// the Terraform backend creates for them.
#pragma once

#include <string_view>

namespace topoc::drift {

// The azurerm type for a lower-case ARM type; empty when topoc emits none.
std::string_view azurerm_type_of(std::string_view arm_type);

// Whether a Resource Graph export of the `Resources` table lists resources
// of this azurerm type. Resource groups and policy objects live in other
// tables, and child resources (subnets, containers, origins...) are not
// listed, so their absence from an export proves nothing.
bool listed_by_resource_graph(std::string_view azurerm_type);

}  // namespace topoc::drift
