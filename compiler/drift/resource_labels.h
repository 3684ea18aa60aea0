// How findings name a resource type in prose: "storage account `x`" reads
// better than "azurerm_storage_account `x`".
#pragma once

#include <string>
#include <string_view>

namespace topoc::drift {

// "storage account"; the type in backticks when there is no label.
std::string resource_label(std::string_view type);

// "storage account `name`", or the address when there is no name.
std::string resource_phrase(std::string_view type, std::string_view name, std::string_view address);

}  // namespace topoc::drift
