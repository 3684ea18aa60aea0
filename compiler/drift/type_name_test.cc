// Resource types held once, and the compared attributes looked up by type.
#include "compiler/drift/type_name.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>

#include "compiler/drift/attributes.h"

namespace topoc::drift {
namespace {

TEST(DriftTypeName, EqualTextIsOneCopy) {
  std::string built = std::string("azurerm_") + "storage_account";
  TypeName a = TypeName::of("azurerm_storage_account");
  TypeName b = TypeName::of(built);
  EXPECT_EQ(&a.str(), &b.str());
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, "azurerm_storage_account");
  EXPECT_FALSE(a == "azurerm_storage");
  EXPECT_NE(TypeName::of("azurerm_key_vault"), a);
  EXPECT_EQ("azurerm_storage_account", fmt::format("{}", a));
}

TEST(DriftTypeName, EmptyTextIsTheEmptyName) {
  EXPECT_TRUE(TypeName().empty());
  EXPECT_TRUE(TypeName::of("").empty());
  EXPECT_EQ(TypeName(), TypeName::of(""));
  EXPECT_EQ("", TypeName().str());
  EXPECT_LT(TypeName(), TypeName::of("a"));
  EXPECT_LT(TypeName::of("azurerm_a"), TypeName::of("azurerm_b"));
}

TEST(DriftComparedAttributes, ByTypeIsTheFullTableFiltered) {
  size_t total = 0;
  for (const ComparedAttribute& a : compared_attributes()) {
    std::vector<std::string_view> want;
    for (const ComparedAttribute& b : compared_attributes()) {
      if (b.type == a.type) want.push_back(b.path);
    }
    std::vector<std::string_view> got;
    for (const ComparedAttribute& b : compared_attributes(a.type)) got.push_back(b.path);
    EXPECT_EQ(want, got) << a.type;
    total += got.size() == want.size();
  }
  EXPECT_EQ(total, compared_attributes().size());
  EXPECT_TRUE(compared_attributes("azurerm_no_such_type").empty());
  EXPECT_FALSE(compared_attributes("azurerm_storage_account").empty());
}

}  // namespace
}  // namespace topoc::drift
