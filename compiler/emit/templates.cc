#include "compiler/emit/templates.h"

#include <algorithm>
#include <array>

namespace topoc::emit {
namespace {

#include "embedded_templates.inc"

}  // namespace

std::span<const EmbeddedTemplate> embedded_templates() {
  return kEmbeddedTemplates;
}

const EmbeddedTemplate* find_template(std::string_view path) {
  auto it =
      std::lower_bound(kEmbeddedTemplates.begin(), kEmbeddedTemplates.end(), path,
                       [](const EmbeddedTemplate& t, std::string_view p) { return t.path < p; });
  if (it == kEmbeddedTemplates.end() || it->path != path) return nullptr;
  return &*it;
}

}  // namespace topoc::emit
