// Per-environment values: `environment "name" { ... }` overrides merged onto
// the topology before the model is read, checked per environment.
#include <gtest/gtest.h>

#include "tests/check_support.h"

namespace topoc::testing {
namespace {

std::string with_staging(std::string_view staging) {
  return fmt::format(
      "topology \"t\" {{\n"
      "  naming {{ suffix = none }}\n"
      "  boundary \"eu\" {{ geography = eu-data-boundary }}\n"
      "  region \"weu\" {{\n"
      "    location = westeurope\n"
      "    address  = 10.1.0.0/16\n"
      "    aks {{ system {{ min = 3  max = 10 }} }}\n"
      "  }}\n"
      "  region \"neu\" {{ location = northeurope  address = 10.2.0.0/16 }}\n"
      "  tenant \"x\" {{ residency = eu }}\n"
      "  environment \"staging\" {{\n"
      "{}"
      "  }}\n"
      "}}\n",
      staging);
}

driver::CheckResult check_env(std::string text, std::string env) {
  driver::CheckResult result;
  driver::check_source(result, "test.topo", std::move(text), {std::move(env)});
  result.sink.sort();
  return result;
}

TEST(Environments, OverridesReplaceAndAddValues) {
  std::string text = with_staging(
      "    region \"weu\" {\n"
      "      address = 10.9.0.0/16\n"
      "      aks { system { min = 1  max = 3 } }\n"
      "      redis { sku = basic  capacity = 0 }\n"
      "    }\n");
  auto staging = check_env(text, "staging");
  ASSERT_EQ(0u, staging.sink.diagnostics().size());
  const model::Topology& s = *staging.models[0];
  EXPECT_EQ("staging", s.environment.value);
  EXPECT_EQ("10.9.0.0/16", s.regions[0].address_space.value.to_string());
  EXPECT_EQ(1, s.regions[0].aks->system_pool.min_count.value);
  EXPECT_EQ(3, s.regions[0].aks->system_pool.max_count.value);
  EXPECT_EQ(0, s.regions[0].redis->capacity.value);
  EXPECT_EQ("10.2.0.0/16", s.regions[1].address_space.value.to_string());  // not overridden

  auto prod = check_env(text, "");
  ASSERT_EQ(0u, prod.sink.diagnostics().size());
  const model::Topology& p = *prod.models[0];
  EXPECT_EQ("prod", p.environment.value);
  EXPECT_EQ("10.1.0.0/16", p.regions[0].address_space.value.to_string());
  EXPECT_EQ(3, p.regions[0].aks->system_pool.min_count.value);
  // Without a tier the block runs Azure Managed Redis; staging's `basic`
  // turns it into an Azure Cache for Redis.
  EXPECT_FALSE(p.regions[0].redis);
  ASSERT_TRUE(p.regions[0].managed_redis);
  EXPECT_EQ("Balanced_B3", p.regions[0].managed_redis->sku.value);
}

// Without --env every environment is checked, and a finding only staging
// has names it; with --env staging it is staging's own finding.
TEST(Environments, CheckReportsWhichEnvironmentAFindingIsIn) {
  std::string text = with_staging("    region \"neu\" { address = 10.1.128.0/17 }\n");
  EXPECT_EQ(
      std::vector<std::string>{"N002 12:30 address space `10.1.128.0/17` of region `neu` overlaps "
                               "`10.1.0.0/16` of region `weu`; peered VNets need disjoint ranges "
                               "(in environment `staging`)"},
      diagnostics_of(text));
  EXPECT_EQ(
      std::vector<std::string>{"N002 12:30 address space `10.1.128.0/17` of region `neu` overlaps "
                               "`10.1.0.0/16` of region `weu`; peered VNets need disjoint ranges"},
      [&] {
        auto r = check_env(text, "staging");
        std::vector<std::string> out;
        for (const auto& d : r.sink.diagnostics()) {
          auto lc = r.files[0].line_col(d.location.span.begin);
          out.push_back(
              fmt::format("{} {}:{} {}", diag::info(d.kind).code, lc.line, lc.column, d.message));
        }
        return out;
      }());
  EXPECT_EQ(std::vector<std::string>{}, codes_of(with_staging("")));
}

TEST(Environments, UnknownEnvironmentListsTheDeclaredOnes) {
  auto r = check_env(with_staging(""), "qa");
  ASSERT_EQ(1u, r.sink.diagnostics().size());
  EXPECT_EQ(
      "`--env qa`: the topology declares no environment `qa`; it has `prod` (the topology's own), "
      "`staging`",
      r.sink.diagnostics()[0].message);
  EXPECT_FALSE(r.models[0]);
  // The topology's own environment is one of them.
  EXPECT_EQ(0u, check_env(with_staging(""), "prod").sink.diagnostics().size());
}

TEST(Environments, WithoutEnvironmentBlocksAnyNameRenames) {
  auto r = check_env(kTwoBoundaries, "qa");
  EXPECT_EQ(0u, r.sink.diagnostics().size());
  EXPECT_EQ("qa", r.models[0]->environment.value);
}

TEST(Environments, WhatMayNotVaryAndWhatIsNotDeclared) {
  EXPECT_EQ(std::vector<std::string>{"M020 12:5 environment `staging` overrides `boundary \"eu\"`, "
                                     "which may not vary: a boundary is the residency of the data, "
                                     "the same in every environment"},
            diagnostics_of(with_staging("    boundary \"eu\" { geography = europe }\n")));
  EXPECT_EQ(std::vector<std::string>{"M020 12:20 environment `staging` overrides `boundary`, which "
                                     "may not vary: the boundary that holds a region's data is the "
                                     "same in every environment"},
            diagnostics_of(with_staging("    region \"weu\" { boundary = eu }\n")));
  EXPECT_EQ(
      std::vector<std::string>{"M019 12:31 environment `staging` overrides `pool \"api\"`, "
                               "which `aks` does not declare"},
      diagnostics_of(with_staging("    region \"weu\" { aks { pool \"api\" { min = 1 } } }\n")));
  EXPECT_EQ(
      std::vector<std::string>{"M021 11:15 environment `prod` is the topology's own "
                               "environment; its values are the topology's"},
      diagnostics_of(
          std::string(with_staging("")).replace(with_staging("").find("staging"), 7, "prod")));
}

// An unknown attribute in an environment is the reader's M001, at the override.
TEST(Environments, UnknownKeyInAnOverrideIsM001) {
  EXPECT_EQ(std::vector<std::string>{"M001 12:20 `region` has no attribute `adress`; did you mean "
                                     "`address`? (in environment `staging`)"},
            diagnostics_of(with_staging("    region \"weu\" { adress = 10.9.0.0/16 }\n")));
}

}  // namespace
}  // namespace topoc::testing
