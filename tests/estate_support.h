// Checks source text and plans its estate, so service tests can look at the
// resources a topology becomes.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "compiler/estate/estate.h"
#include "tests/check_support.h"

namespace topoc::testing {

// The estate of the first model `text` checks into; `result` keeps the
// diagnostics and the model the estate points into.
inline estate::Estate estate_of(const std::string& text, driver::CheckResult& result) {
  result = check_text(text);
  EXPECT_FALSE(result.models.empty());
  return estate::build_estate(*result.models.front(), {});
}

// The resource at Terraform address `key`, or null.
inline const estate::Resource* find_resource(const estate::Estate& e, std::string_view key) {
  for (const estate::Resource& r : e.resources) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

}  // namespace topoc::testing
