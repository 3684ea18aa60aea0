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

TEST(ObjectivesReachable, ActivePassiveMeetsFiveMinutesAndOne) {
  EXPECT_EQ(Lines{}, diagnostics_of(kObjectives));
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
  EXPECT_EQ(Lines{}, diagnostics_of(with("warm-standby", "rto = 15m  rpo = 5m")));
  EXPECT_EQ(Lines{"O001 3:22 `warm-standby` cannot meet RTO 10m: the standby region must first "
                  "scale out to full capacity (typical RTO 15m-1h)"},
            diagnostics_of(with("warm-standby", "rto = 10m  rpo = 5m")));
}

TEST(ObjectivesReachable, ActivePassiveCannotFailOverInAMinute) {
  auto result = check_text(with("active-passive", "rto = 1m  rpo = 30s"));
  EXPECT_EQ((Lines{"O001 3:22 `active-passive` cannot meet RTO 1m: failing over means detecting "
                   "the outage and promoting the passive region (typical RTO 2-10m)",
                   "O001 3:32 `active-passive` cannot meet RPO 30s: the failover regions receive "
                   "data by asynchronous replication (typical RPO 1-5m)"}),
            diagnostics_of(with("active-passive", "rto = 1m  rpo = 30s")));
  EXPECT_EQ("`mode = active-active` can meet it; or relax `rto` to 2m",
            result.sink.diagnostics()[0].help);
}

TEST(ObjectivesReachable, StrongConsistencyReplicatesSynchronously) {
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(with("active-passive", "rto = 5m  rpo = 0s"),
                                             "consistency = session", "consistency = strong")));
}

TEST(ObjectivesReachable, ActiveActiveNeedsMultiRegionWritesForRpoZero) {
  EXPECT_EQ(Lines{}, diagnostics_of(with("active-active", "rto = 0s  rpo = 0s")));
  std::string text = replaced(with("active-active", "rto = 0s  rpo = 0s"), "consistency = session",
                              "multi_write = false");
  EXPECT_EQ(Lines{"O001 3:32 `active-active` without multi-region writes cannot meet RPO 0s: "
                  "writes go to one Cosmos DB region and reach the others asynchronously (typical "
                  "RPO 1-5m)"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ(Lines{"7:26 multi-region writes turned off here"},
            notes_of(result, result.sink.diagnostics()[0]));
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
  std::string text = replaced(kObjectives,
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
