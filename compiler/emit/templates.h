// The module library (Terraform, Policy JSON, Bicep): templates/ and each
// service's compiler/services/<id>/templates/, embedded into the binary at
// build time so an installed topoc is one self-contained executable.
#pragma once

#include <span>
#include <string_view>

namespace topoc::emit {

struct EmbeddedTemplate {
  std::string_view path;      // in the output tree: "terraform/modules/regional/network/main.tf"
  std::string_view contents;
};

// Every embedded file, sorted by path.
std::span<const EmbeddedTemplate> embedded_templates();
const EmbeddedTemplate* find_template(std::string_view path);

}  // namespace topoc::emit
