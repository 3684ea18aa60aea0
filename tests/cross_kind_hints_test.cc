// Hints across kinds: a name of one kind written where another belongs (a
// region key for a location, a location for a region key or a boundary, a
// short form of a service or geography) gets the name meant, as a fix-it.
#include <gtest/gtest.h>

#include "compiler/diag/suggest.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

// Two Swiss regions: `chw` is the key of the region in switzerlandwest.
std::string swiss(std::string_view chn_extra, std::string_view tenant = "residency = ch") {
  return fmt::format(
      "topology \"alps\" {{\n"
      "  boundary \"ch\" {{ geography = switzerland }}\n"
      "  region \"chn\" {{ location = switzerlandnorth  address = 10.1.0.0/16  {} }}\n"
      "  region \"chw\" {{ location = switzerlandwest   address = 10.2.0.0/16 }}\n"
      "  tenant \"migros\" {{ {} }}\n"
      "}}\n",
      chn_extra, tenant);
}

// The diagnostics other than A008 (switzerlandwest needs an access request).
std::vector<const diag::Diagnostic*> errors_of(const driver::CheckResult& r) {
  std::vector<const diag::Diagnostic*> out;
  for (const diag::Diagnostic& d : r.sink.diagnostics()) {
    if (diag::info(d.kind).code != "A008") out.push_back(&d);
  }
  return out;
}

TEST(CrossKindHints, RegionKeyWhereALocationBelongs) {
  auto r = check_text(swiss("failover = chw"));
  auto d = errors_of(r);
  ASSERT_EQ(1u, d.size());
  EXPECT_EQ("M006", diag::info(d[0]->kind).code);
  EXPECT_EQ(
      "unknown Azure location `chw`; did you mean `switzerlandwest`, the location of region `chw`?",
      d[0]->message);
  EXPECT_EQ(3u, r.files[0].line_col(d[0]->location.span.begin).line);
  EXPECT_EQ(81u, r.files[0].line_col(d[0]->location.span.begin).column);
  ASSERT_TRUE(d[0]->fixit);
  EXPECT_EQ("switzerlandwest", d[0]->fixit->replacement);
}

TEST(CrossKindHints, RegionKeyInALocationList) {
  auto r = check_text(swiss("redis { sku = premium  capacity = 1  geo_replica = chw }"));
  auto d = errors_of(r);
  ASSERT_EQ(1u, d.size());
  EXPECT_EQ(
      "unknown Azure location `chw`; did you mean `switzerlandwest`, the location of region `chw`?",
      d[0]->message);
}

TEST(CrossKindHints, LocationWhereARegionKeyBelongs) {
  auto r = check_text(swiss("", "residency = ch  home = switzerlandwest"));
  auto d = errors_of(r);
  ASSERT_EQ(1u, d.size());
  EXPECT_EQ("M004", diag::info(d[0]->kind).code);
  EXPECT_EQ(
      "tenant `migros` has home region `switzerlandwest`, which is not declared; did you mean "
      "`chw`, the region in `switzerlandwest`?",
      d[0]->message);
  ASSERT_TRUE(d[0]->fixit);
  EXPECT_EQ("chw", d[0]->fixit->replacement);
}

TEST(CrossKindHints, LocationWithoutARegionThereSaysWhatHomeTakes) {
  auto r = check_text(swiss("", "residency = ch  home = westeurope"));
  auto d = errors_of(r);
  ASSERT_EQ(1u, d.size());
  EXPECT_EQ("tenant `migros` has home region `westeurope`, which is not declared", d[0]->message);
  EXPECT_EQ("`home` takes the key of a region (`region \"key\" { ... }`), not a location",
            d[0]->help);
}

TEST(CrossKindHints, RegionKeyOrLocationWhereABoundaryBelongs) {
  auto swiss_result = check_text(swiss("", "residency = switzerlandnorth"));
  auto swiss_errors = errors_of(swiss_result);
  ASSERT_EQ(1u, swiss_errors.size());
  EXPECT_EQ(
      "tenant `migros` refers to boundary `switzerlandnorth`, which is not declared; did you mean "
      "`ch`, the boundary that allows `switzerlandnorth`?",
      swiss_errors[0]->message);
  EXPECT_EQ(5u, swiss_result.files[0].line_col(swiss_errors[0]->location.span.begin).line);
  EXPECT_EQ(33u, swiss_result.files[0].line_col(swiss_errors[0]->location.span.begin).column);
  auto r = check_text(
      "topology \"t\" {\n"
      "  boundary \"us\" { geography = united-states }\n"
      "  boundary \"eu\" { geography = eu-data-boundary }\n"
      "  region \"weu\" { location = westeurope  boundary = eu  address = 10.2.0.0/16 }\n"
      "  tenant \"x\" { residency = weu }\n"
      "}\n");
  ASSERT_EQ(1u, r.sink.diagnostics().size());
  EXPECT_EQ(
      "tenant `x` refers to boundary `weu`, which is not declared; did you mean `eu`, the boundary "
      "of region `weu`?",
      r.sink.diagnostics()[0].message);
  EXPECT_EQ("eu", r.sink.diagnostics()[0].fixit->replacement);
}

TEST(CrossKindHints, SearchMeansAiSearch) {
  auto r = check_text(swiss("services = [aks, search]"));
  auto d = errors_of(r);
  ASSERT_EQ(1u, d.size());
  EXPECT_EQ("M008", diag::info(d[0]->kind).code);
  EXPECT_EQ("unknown service `search`; did you mean `ai_search`?", d[0]->message);
  EXPECT_EQ(3u, r.files[0].line_col(d[0]->location.span.begin).line);
  EXPECT_EQ(87u, r.files[0].line_col(d[0]->location.span.begin).column);
  ASSERT_TRUE(d[0]->fixit);
  EXPECT_EQ("ai_search", d[0]->fixit->replacement);
}

TEST(CrossKindHints, EuMeansEuDataBoundary) {
  auto r = check_text(
      "topology \"t\" {\n"
      "  boundary \"eu\" { geography = eu }\n"
      "  region \"weu\" { location = westeurope  address = 10.2.0.0/16 }\n"
      "}\n");
  ASSERT_EQ(1u, r.sink.diagnostics().size());
  const diag::Diagnostic& d = r.sink.diagnostics()[0];
  EXPECT_EQ("M007", diag::info(d.kind).code);
  EXPECT_EQ("`eu` is not a valid `geography`; did you mean `eu-data-boundary`?", d.message);
  EXPECT_EQ(31u, r.files[0].line_col(d.location.span.begin).column);
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("eu-data-boundary", d.fixit->replacement);
}

// A short form shared by two candidates suggests neither.
TEST(CrossKindHints, AmbiguousPartSuggestsNothing) {
  std::vector<std::string_view> candidates{"west-europe", "north-europe"};
  EXPECT_FALSE(diag::closest("europe", candidates));
  std::vector<std::string_view> one{"ai_search", "aks"};
  EXPECT_EQ("ai_search", diag::closest("search", one).value_or(""));
}

}  // namespace
}  // namespace topoc::testing
