// Objectives rule O001: RTO and RPO against what the deployment mode achieves
// and against the regions each boundary has to fail over to.
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

constexpr const char* kObjectives = R"(topology "t" {
  mode = active-passive
  objectives { rto = 5m  rpo = 1m }
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  failover = northeurope  address = 10.1.0.0/16 }
  region "neu" { location = northeurope  failover = westeurope  address = 10.2.0.0/16 }
  cosmos { consistency = session }
}
)";

std::string with(std::string_view mode, std::string_view objectives) {
  return replaced(replaced(kObjectives, "active-passive", mode), "rto = 5m  rpo = 1m", objectives);
}

TEST(ObjectivesReachable, ActivePassiveMeetsFiveMinutesAndFifteen) {
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(kObjectives, "rpo = 1m", "rpo = 15m")));
}

TEST(ObjectivesReachable, NoObjectivesNoFinding) {
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(with("cold-standby", ""), "objectives {  }", "")));
}

TEST(ObjectivesReachable, ColdStandbyCannotRecoverInMinutes) {
  std::string text = with("cold-standby", "rto = 5m  rpo = 1h");
  EXPECT_EQ(
      Lines{"O001 3:22 `cold-standby` cannot meet RTO 5m: rebuilding a region from cold takes "
            "hours (typical RTO 1-4h)"},
      diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(diag::Severity::kWarning, d.severity);
  EXPECT_EQ(Lines{"2:10 deployment mode chosen here"}, notes_of(result, d));
  EXPECT_EQ("`mode = active-passive` can meet it; or relax `rto` to 1h", d.help);
}

TEST(ObjectivesReachable, WarmStandbyNeedsFifteenMinutes) {
  EXPECT_EQ(Lines{}, diagnostics_of(with("warm-standby", "rto = 15m  rpo = 15m")));
  EXPECT_EQ(Lines{"O001 3:22 `warm-standby` cannot meet RTO 10m: the standby region must first "
                  "scale out to full capacity (typical RTO 15m-1h)"},
            diagnostics_of(with("warm-standby", "rto = 10m  rpo = 15m")));
}

TEST(ObjectivesReachable, ActivePassiveCannotFailOverInAMinute) {
  auto result = check_text(with("active-passive", "rto = 1m  rpo = 30s"));
  EXPECT_EQ((Lines{"O001 3:22 `active-passive` cannot meet RTO 1m: failing over means detecting "
                   "the outage and promoting the passive region (typical RTO 2-10m)",
                   "O001 3:32 Cosmos DB at `session` consistency replicates to the other regions "
                   "asynchronously: Azure states an RPO under 15 minutes for a region outage, "
                   "not 30s"}),
            diagnostics_of(with("active-passive", "rto = 1m  rpo = 30s")));
  EXPECT_EQ("`mode = active-active` can meet it; or relax `rto` to 2m",
            result.sink.diagnostics()[0].help);
  EXPECT_EQ(Lines{"7:26 consistency chosen here"}, notes_of(result, result.sink.diagnostics()[1]));
  // Bounded staleness cannot go below 5m in a multi-region account (C002).
  EXPECT_EQ("`consistency = strong` commits every write in every region; or relax `rpo` to 15m",
            result.sink.diagnostics()[1].help);
}

TEST(ObjectivesReachable, BoundedStalenessLosesAtMostItsWindow) {
  std::string text = replaced(with("active-passive", "rto = 5m  rpo = 6m"), "consistency = session",
                              "consistency = bounded-staleness\n    staleness { interval = 10m }");
  EXPECT_EQ(Lines{"O001 3:32 Cosmos DB at `bounded-staleness` lets the other regions lag up to "
                  "10m, which a region outage can lose: more than RPO 6m"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"8:28 staleness window set here"},
            notes_of(result, result.sink.diagnostics()[0]));
  EXPECT_EQ("set `staleness { interval = 6m }` or less, or relax `rpo` to 10m",
            result.sink.diagnostics()[0].help);
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(text, "interval = 10m", "interval = 6m")));
}

TEST(ObjectivesReachable, StrongConsistencyReplicatesSynchronously) {
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(with("active-passive", "rto = 5m  rpo = 0s"),
                                             "consistency = session", "consistency = strong")));
}

// A write accepted in a region that fails before replicating it is lost,
// multi-region writes or not (Learn's RPO table: under 15 minutes).
TEST(ObjectivesReachable, MultiRegionWritesDoNotMakeRpoZero) {
  std::string text = replaced(with("active-active", "rto = 0s  rpo = 0s"), "consistency = session",
                              "multi_write = true");
  EXPECT_EQ(Lines{"O001 3:32 Cosmos DB at `session` consistency replicates to the other regions "
                  "asynchronously, multi-region writes included: Azure states an RPO under 15 "
                  "minutes for a region outage, not 0s"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"7:3 `consistency` defaults to `session`"},
            notes_of(result, result.sink.diagnostics()[0]));
  EXPECT_EQ("`consistency = strong` with `multi_write = false` commits every write in every "
            "region; or relax `rpo` to 15m",
            result.sink.diagnostics()[0].help);
}

// The boundary has one region running AKS: when it fails nothing inside the
// boundary can serve, whatever the mode promises.
constexpr const char* kOneServingRegionEach = R"(topology "t" {
  mode = active-active
  objectives { rto = 5m  rpo = 1m }
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "us" { location = eastus  boundary = us  failover = westus2  address = 10.1.0.0/16 }
  region "eu" { location = westeurope  boundary = eu  failover = northeurope  address = 10.2.0.0/16 }
}
)";

TEST(ObjectivesReachable, ActiveActiveCountsServingRegionsPerBoundary) {
  auto result = check_text(kOneServingRegionEach);
  EXPECT_EQ(Lines{"O001 3:22 `active-active` cannot meet RTO 5m: boundaries `us` and `eu` each "
                  "have one serving region (`us` and `eu`, the only regions running AKS); when it "
                  "fails no region inside the boundary can take its traffic, and compute must be "
                  "rebuilt in the failover location (typical RTO 1-4h)"},
            diagnostics_of(kOneServingRegionEach));
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ(diag::Severity::kWarning, d.severity);
  EXPECT_EQ((Lines{"6:10 the only region of boundary `us` running AKS",
                   "7:10 the only region of boundary `eu` running AKS"}),
            notes_of(result, d));
  EXPECT_EQ(
      "add a second region running AKS to each of boundaries `us` and `eu`; or relax `rto` "
      "to 1h",
      d.help);
}

TEST(ObjectivesReachable, OneServingRegionSuggestsItsFailoverLocation) {
  std::string text = replaced(
      replaced(kOneServingRegionEach, "boundary = eu ", "boundary = eu  services = [storage] "),
      "rto = 5m", "rto = 30m");
  auto result = check_text(text);
  EXPECT_EQ(Lines{"O001 3:22 `active-active` cannot meet RTO 30m: boundary `us` has one serving "
                  "region (`us`, the only region running AKS); when it fails no region inside "
                  "the boundary can take its traffic, and compute must be rebuilt in the failover "
                  "location (typical RTO 1-4h)"},
            diagnostics_of(text));
  EXPECT_EQ(
      "add a second region running AKS to boundary `us`, for example in `westus2`, its "
      "failover location; or relax `rto` to 1h",
      result.sink.diagnostics()[0].help);
}

TEST(ObjectivesReachable, AnHourAllowsRebuildingTheOnlyRegion) {
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(kOneServingRegionEach, "rto = 5m", "rto = 1h")));
}

TEST(ObjectivesReachable, ActivePassiveNeedsAPassiveRegionInTheBoundary) {
  std::string text = replaced(replaced(kObjectives, "rpo = 1m", "rpo = 15m"),
                              "  region \"neu\" { location = northeurope  failover = westeurope  "
                              "address = 10.2.0.0/16 }\n",
                              "");
  EXPECT_EQ(Lines{"O001 3:22 `active-passive` cannot meet RTO 5m: boundary `eu` has one serving "
                  "region (`weu`, the only region running AKS); when it fails no region inside "
                  "the boundary can take its traffic, and compute must be rebuilt in the failover "
                  "location (typical RTO 1-4h)"},
            diagnostics_of(text));
}

TEST(ObjectivesReachable, ColdStandbyKeepsItsOwnReason) {
  // Rebuilding from cold is already the mode's limit: the finding names the mode.
  std::string text = replaced(with("cold-standby", "rto = 5m  rpo = 1h"),
                              "  region \"neu\" { location = northeurope  failover = westeurope  "
                              "address = 10.2.0.0/16 }\n",
                              "");
  EXPECT_EQ(Lines{"O001 3:22 `cold-standby` cannot meet RTO 5m: rebuilding a region from cold "
                  "takes hours (typical RTO 1-4h)"},
            diagnostics_of(text));
}

}  // namespace
}  // namespace topoc::testing
