// The runtimes a Linux web app or function app takes, as azurerm v4.55.0
// checks them in `site_config.application_stack`
// (internal/services/appservice/helpers/app_stack.go for web apps,
// function_app_schema.go for function apps).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/topology.h"

namespace topoc::services::app_service {

// The `application_stack` argument and value for `runtime version` on a
// site of `kind`: {"node_version", "20-lts"} for a web app's `node 20`,
// {"node_version", "20"} for a function app's. Empty when azurerm does not
// accept the pair.
struct ApplicationStack {
  std::string argument;
  std::string value;
};
ApplicationStack application_stack(model::SiteKind kind, std::string_view runtime,
                                   std::string_view version);

// The runtimes a kind of site takes ("dotnet", "node", ...), and the
// versions of one as the DSL spells them.
std::vector<std::string_view> runtimes(model::SiteKind kind);
std::vector<std::string_view> versions(model::SiteKind kind, std::string_view runtime);

// The ARM `linuxFxVersion` of a runtime: "PYTHON|3.11", "NODE|20-lts",
// "DOTNET-ISOLATED|8.0" for a function app's .NET.
std::string linux_fx_version(model::SiteKind kind, std::string_view runtime,
                             std::string_view version);

}  // namespace topoc::services::app_service
