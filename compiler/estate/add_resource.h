// Helpers the service planners share to append resources and placements.
#pragma once

#include <string>
#include <string_view>

#include "compiler/estate/estate.h"

namespace topoc::estate {

// `["key"]` as Terraform writes instance keys in addresses.
std::string instance(std::string_view key);
// The key of the `["key"]` an address ends with, as `instance` wrote it;
// empty when it ends with none. Keys here are names the naming rules or the
// model checked, so they carry no escapes to undo.
std::string last_instance_key(std::string_view address);

// Appends a resource; its ARM type comes from the azurerm type.
Resource& add_resource(Estate& e, std::string key, std::string_view azurerm_type,
                       std::string_view name, std::string_view location, std::string_view boundary,
                       std::string_view resource_group, nlohmann::json properties, bool tagged);

// A resource of region `r`: in the region's boundary, holding its data.
Resource& add_regional(Estate& e, const model::Region& r, std::string key,
                       std::string_view azurerm_type, std::string_view name,
                       std::string_view location, nlohmann::json properties, bool tagged);

// The primary placement every regional resource has in its region's
// location. It is checked once, on the region's resource group (rule R001),
// so the ones of the resources inside it are listed, not checked again.
Placement follows_region(const model::Region& r, std::string_view what);

// The private endpoint of `service` in region `r` (module `module`), when
// the region has an endpoints subnet.
void add_private_endpoint(Estate& e, const model::Region& r, std::string_view module,
                          std::string_view service, std::string_view subresource);

}  // namespace topoc::estate
