// Which platform logs and metrics each watched resource type sends to Log
// Analytics: the `allLogs` category group where Azure offers it for the
// type, else the type's categories by name, and `AllMetrics`.
#pragma once

#include <span>
#include <string_view>

namespace topoc::services::diagnostics {

struct WatchedType {
  std::string_view azurerm_type;
  std::string_view module;       // the Terraform root module call that makes it
  std::string_view bicep_field;  // its list in the Bicep module's settings
  std::span<const std::string_view> category_groups;
  std::span<const std::string_view> categories;
  bool metrics = false;
  // Its name inside the call, `this` for the call's main resource.
  std::string_view resource = "this";
  // The call's output holding the ID the setting targets; for a resource
  // the call makes several of, a map of IDs keyed like its instances.
  std::string_view id_output = "id";
  // The setting's key in the region's diagnostics call; empty: `module`.
  std::string_view key = {};

  std::string_view setting_key() const { return key.empty() ? module : key; }
};

// The module of the one watched type keyed by resource name rather than by
// region: container registries, each watched from its home region.
inline constexpr std::string_view kRegistryModule = "container_registry";

// In the order the planner visits a region's resources.
std::span<const WatchedType> watched_types();
// Whether some watched type has this azurerm type.
bool is_watched_type(std::string_view azurerm_type);

}  // namespace topoc::services::diagnostics
