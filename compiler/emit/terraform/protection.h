// `lifecycle { prevent_destroy = ... }` of the stateful resources in the
// module templates (docs/lifecycle.md lists them). Terraform accepts only a literal there, never a
// variable, so the switch happens when the templates are copied: they hold
// `prevent_destroy = true`, and a topology with `prevent_destroy = false`
// gets copies that say `false`.
#pragma once

#include <string>
#include <string_view>

namespace topoc::emit::terraform {

// The line every stateful resource of the templates holds.
inline constexpr std::string_view kPreventDestroyLine = "    prevent_destroy = true\n";

// `contents` of a module template with every kPreventDestroyLine set to
// `protect`; unchanged when `protect` is true.
std::string with_prevent_destroy(std::string_view contents, bool protect);

}  // namespace topoc::emit::terraform
