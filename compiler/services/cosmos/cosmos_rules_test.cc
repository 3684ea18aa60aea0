// Cosmos DB rules C001-C006: each test states the whole list of diagnostics
// a topology gets, so a rule that reports too much fails like one that
// reports too little.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// One region with a failover, so its account is multi-region; line 5 is the
// cosmos block's settings, line 6 the container's.
constexpr const char* kCosmos = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  failover = northeurope  address = 10.1.0.0/16 }
  cosmos {
    consistency = session
    container "orders" { partition = "/tenantId" }
  }
}
)";

std::string with_settings(std::string_view settings) {
  return replaced(kCosmos, "consistency = session", settings);
}

std::string with_container(std::string_view attributes) {
  return replaced(kCosmos, "partition = \"/tenantId\"", attributes);
}

TEST(CosmosRules, DefaultsAreClean) {
  EXPECT_EQ(Lines{}, diagnostics_of(kCosmos));
}

// C001

TEST(CosmosStrongWithMultiWrite, StrongWithOneWriteRegionPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(with_settings("consistency = strong  multi_write = false")));
}

TEST(CosmosStrongWithMultiWrite, PointsAtMultiWrite) {
  auto result = check_text(with_settings("consistency = strong  multi_write = true"));
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(Lines{"C001 5:41 `strong` consistency cannot be combined with multi-region writes; "
                  "Azure accepts strong consistency only with a single write region"},
            diagnostics_of(with_settings("consistency = strong  multi_write = true")));
  EXPECT_EQ(Lines{"5:19 strong consistency chosen here"}, notes_of(result, d));
  EXPECT_EQ(
      "set `multi_write = false`, or use `consistency = session` to keep several write "
      "regions",
      d.help);
}

TEST(CosmosStrongWithMultiWrite, MultiWriteFromActiveActiveDefault) {
  std::string text = replaced(with_settings("consistency = strong"), "topology \"t\" {",
                              "topology \"t\" {\n  mode = active-active");
  auto result = check_text(text);
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  EXPECT_EQ(Lines{"C001 6:19 `strong` consistency cannot be combined with multi-region writes; "
                  "Azure accepts strong consistency only with a single write region"},
            diagnostics_of(text));
  EXPECT_EQ(Lines{"2:10 `active-active` turns multi-region writes on unless `multi_write = false`"},
            notes_of(result, result.sink.diagnostics()[0]));
}

// C002

TEST(CosmosBoundedStaleness, MultiRegionDefaultsPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(with_settings("consistency = bounded-staleness")));
}

TEST(CosmosBoundedStaleness, MultiRegionNeedsFiveMinutesAndAHundredThousandVersions) {
  std::string text = with_settings(
      "consistency = bounded-staleness\n    staleness { interval = 60s  prefix = 500 }");
  EXPECT_EQ((Lines{"C002 6:28 bounded staleness `interval` of 1m is below 5m, the minimum for a "
                   "multi-region account; the `eu` account replicates to `westeurope` and "
                   "`northeurope`",
                   "C002 6:42 bounded staleness `prefix` of 500 is below 100000, the minimum for a "
                   "multi-region account; the `eu` account replicates to `westeurope` and "
                   "`northeurope`"}),
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(Lines{"3:52 `northeurope` makes the account multi-region"}, notes_of(result, d));
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("5m", d.fixit->replacement);
}

TEST(CosmosBoundedStaleness, SingleRegionAcceptsShortWindows) {
  std::string text =
      replaced(with_settings(
                   "consistency = bounded-staleness\n    staleness { interval = 5s  prefix = 10 }"),
               "failover = northeurope  ", "");
  EXPECT_EQ(Lines{}, diagnostics_of(text));
}

TEST(CosmosBoundedStaleness, SingleRegionLimits) {
  std::string text = replaced(
      with_settings("consistency = bounded-staleness\n    staleness { interval = 2d  prefix = 5 }"),
      "failover = northeurope  ", "");
  EXPECT_EQ((Lines{"C002 6:28 bounded staleness `interval` of 2d is above 1d, the maximum Cosmos "
                   "DB accepts",
                   "C002 6:41 bounded staleness `prefix` of 5 is below 10, the minimum Cosmos DB "
                   "accepts"}),
            diagnostics_of(text));
}

TEST(CosmosBoundedStaleness, OnlyCheckedForBoundedStaleness) {
  EXPECT_EQ(Lines{}, diagnostics_of(with_settings(
                         "consistency = session\n    staleness { interval = 1s  prefix = 1 }")));
}

// C003

TEST(CosmosCustomConflict, CustomWithMultiWritePasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(
                         with_container("partition = \"/tenantId\"  conflict = custom\n"
                                        "      procedure \"merge\" { body = \"function m() {}\" }"),
                         "consistency = session", "multi_write = true")));
}

TEST(CosmosCustomConflict, CustomWithoutMultiWrite) {
  std::string text = with_container(
      "partition = \"/tenantId\"  conflict = custom\n"
      "      procedure \"merge\" { body = \"function m() {}\" }");
  auto result = check_text(text);
  EXPECT_EQ(Lines{"C003 6:62 container `orders` has `conflict = custom`, but without multi-region "
                  "writes no conflict ever reaches its procedure"},
            diagnostics_of(text));
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  EXPECT_EQ(Lines{"1:10 `active-passive` writes in one region unless `multi_write = true`"},
            notes_of(result, result.sink.diagnostics()[0]));
}

// C004

TEST(CosmosJsonPaths, ValidPathsPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(with_container(
                         "partition = \"/tenantId\"  conflict_path = \"/updatedAt\"\n"
                         "      index { include = [\"/tenantId/?\", \"/*\"]  exclude = "
                         "[\"/messages/*\"] }")));
}

TEST(CosmosJsonPaths, PartitionKeyWithoutLeadingSlash) {
  std::string text = with_container("partition = \"tenantId\"");
  EXPECT_EQ(Lines{"C004 6:38 partition key `tenantId` of container `orders` must start with `/`"},
            diagnostics_of(text));
  auto result = check_text(text);
  ASSERT_TRUE(result.sink.diagnostics()[0].fixit);
  EXPECT_EQ("\"/tenantId\"", result.sink.diagnostics()[0].fixit->replacement);
}

TEST(CosmosJsonPaths, PartitionKeyShapes) {
  EXPECT_EQ(Lines{"C004 6:38 partition key `/tenantId/` of container `orders` must not end with "
                  "`/`"},
            diagnostics_of(with_container("partition = \"/tenantId/\"")));
  EXPECT_EQ(Lines{"C004 6:38 partition key `/tenant/*` of container `orders` cannot contain `*` "
                  "or `?`; it names a single property"},
            diagnostics_of(with_container("partition = \"/tenant/*\"")));
}

TEST(CosmosJsonPaths, ConflictPathAndIndexPaths) {
  EXPECT_EQ((Lines{"C004 6:67 conflict path `ts` of container `orders` must start with `/`",
                   "C004 7:26 index path `/tenantId` of container `orders` must end with `/?` "
                   "(the value) or `/*` (everything below it)",
                   "C004 7:51 index path `name/?` of container `orders` must start with `/`"}),
            diagnostics_of(with_container(
                "partition = \"/tenantId\"  conflict_path = \"ts\"\n"
                "      index { include = [\"/tenantId\"]  exclude = [\"name/?\"] }")));
}

// C005

TEST(CosmosAutoscale, MultiplesOfAThousandPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(with_container("partition = \"/tenantId\"  max_ru = 1000000")));
}

TEST(CosmosAutoscale, NotAMultipleOfAThousand) {
  std::string text = with_container("partition = \"/tenantId\"  max_ru = 1500");
  EXPECT_EQ(Lines{"C005 6:60 autoscale `max_ru` 1500 of container `orders` is not a multiple of "
                  "1000; Cosmos DB accepts 1000 to 1000000 RU/s in steps of 1000"},
            diagnostics_of(text));
  auto result = check_text(text);
  ASSERT_TRUE(result.sink.diagnostics()[0].fixit);
  EXPECT_EQ("2000", result.sink.diagnostics()[0].fixit->replacement);
}

TEST(CosmosAutoscale, OutsideTheRange) {
  EXPECT_EQ((Lines{"C005 6:60 autoscale `max_ru` 400 of container `orders` is below 1000, the "
                   "smallest autoscale maximum; Cosmos DB accepts 1000 to 1000000 RU/s in steps "
                   "of 1000"}),
            diagnostics_of(with_container("partition = \"/tenantId\"  max_ru = 400")));
  EXPECT_EQ((Lines{"C005 6:60 autoscale `max_ru` 2000000 of container `orders` is above 1000000, "
                   "the most a container can scale to without a support request; Cosmos DB "
                   "accepts 1000 to 1000000 RU/s in steps of 1000"}),
            diagnostics_of(with_container("partition = \"/tenantId\"  max_ru = 2000000")));
}

// C006

TEST(CosmosTtl, OnOffAndDurationsPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(with_container("partition = \"/tenantId\"  ttl = on")));
  EXPECT_EQ(Lines{}, diagnostics_of(with_container("partition = \"/tenantId\"  ttl = off")));
  EXPECT_EQ(Lines{}, diagnostics_of(with_container("partition = \"/tenantId\"  ttl = 24855d")));
}

TEST(CosmosTtl, AWrittenZeroIsNeitherOffNorADuration) {
  EXPECT_EQ(Lines{"C006 6:57 `ttl` of 0s on container `orders` is zero; Cosmos DB accepts "
                  "1s to 2147483647 seconds (about 68 years), or `on`"},
            diagnostics_of(with_container("partition = \"/tenantId\"  ttl = 0s")));
  EXPECT_EQ(Lines{}, diagnostics_of(with_container("partition = \"/tenantId\"  ttl = 1s")));
}

TEST(CosmosTtl, LongerThanSixtyEightYears) {
  EXPECT_EQ(Lines{"C006 6:57 `ttl` of 24856d on container `orders` is too long; Cosmos DB accepts "
                  "1s to 2147483647 seconds (about 68 years), or `on`"},
            diagnostics_of(with_container("partition = \"/tenantId\"  ttl = 24856d")));
}

}  // namespace
}  // namespace topoc::testing
