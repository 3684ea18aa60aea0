// The stateful types the lifecycle rules know (L002-L004, `topoc diff`'s
// destructive changes) are exactly those the module templates protect with
// `prevent_destroy`: a service whose template protects a resource the rules
// do not know would lose its data without a warning, and the reverse would
// warn about a resource Terraform destroys without asking.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "compiler/emit/templates.h"
#include "compiler/lifecycle/replacements.h"

namespace topoc::lifecycle {
namespace {

// Every `resource "TYPE" "NAME"` block of the embedded Terraform modules, by
// type: whether some block of that type holds `prevent_destroy = true`.
std::map<std::string, bool> protection_by_type() {
  std::map<std::string, bool> out;
  const std::regex header(R"re(^resource "([a-z0-9_]+)" "[a-z0-9_]+" \{$)re");
  for (const emit::EmbeddedTemplate& t : emit::embedded_templates()) {
    if (!t.path.starts_with("terraform/modules/") || !t.path.ends_with(".tf")) continue;
    std::istringstream in{std::string(t.contents)};
    std::string line, type;
    while (std::getline(in, line)) {
      std::smatch m;
      if (std::regex_match(line, m, header)) {
        type = m[1];
        out.try_emplace(type, false);
      } else if (line == "}") {
        type.clear();
      } else if (!type.empty() && line == "    prevent_destroy = true") {
        out[type] = true;
      }
    }
  }
  return out;
}

TEST(StatefulTemplates, ProtectedTypesAreTheStatefulTypes) {
  auto types = protection_by_type();
  ASSERT_GT(types.size(), 40u);  // the walk found the templates
  for (const auto& [type, is_protected] : types) {
    EXPECT_EQ(is_stateful(type), is_protected)
        << type << (is_protected ? " has prevent_destroy but the lifecycle rules do not know it"
                                 : " is stateful but no template protects it");
  }
  for (const char* type : {"azurerm_servicebus_namespace", "azurerm_servicebus_topic",
                           "azurerm_servicebus_subscription", "azurerm_postgresql_flexible_server",
                           "azurerm_container_registry"}) {
    EXPECT_TRUE(types.count(type)) << type;
    EXPECT_TRUE(is_stateful(type)) << type;
  }
}

}  // namespace
}  // namespace topoc::lifecycle
