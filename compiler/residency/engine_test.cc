// The residency engine checks placements it knows nothing about: a service
// that declares a placement gets it checked with no rule code of its own.
#include "compiler/residency/engine.h"

#include <gtest/gtest.h>

#include <optional>

#include "compiler/driver/check.h"

namespace topoc {
namespace {

constexpr const char* kTopology = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  address = 10.2.0.0/16 }
}
)";

struct Fixture {
  driver::CheckResult result;
  std::optional<estate::Estate> estate;
};

std::unique_ptr<Fixture> fixture() {
  auto f = std::make_unique<Fixture>();
  driver::check_source(f->result, "test.topo", kTopology);
  EXPECT_EQ(0u, f->result.sink.error_count());
  f->estate.emplace(estate::build_estate(*f->result.models.front(), {}));
  return f;
}

// A backup vault of a service topoc does not have yet, keeping its copies
// in the US: declared, not worded.
estate::Resource& add_vault(estate::Estate& e, std::vector<std::string> locations) {
  estate::Resource& r = e.resources.emplace_back();
  r.key = "module.backup[\"weu\"].azurerm_data_protection_backup_vault.this";
  r.azurerm_type = "azurerm_data_protection_backup_vault";
  r.name = "bvault-weu";
  r.holders = {0};
  estate::Placement p{estate::PlacementKind::kBackupCopy, std::move(locations)};
  p.reasons.push_back(
      {e.topology->regions[0].location.location, "the vault of region `weu` copies backups"});
  r.placements.push_back(std::move(p));
  return r;
}

TEST(ResidencyEngine, ChecksAPlacementOfAnUnknownServiceWithTheGenericWording) {
  auto f = fixture();
  add_vault(*f->estate, {"westeurope", "eastus", "westus2"});
  diag::DiagnosticSink sink;
  residency::check_placements(*f->estate, sink);
  ASSERT_EQ(1u, sink.diagnostics().size());
  const diag::Diagnostic& d = sink.diagnostics()[0];
  EXPECT_EQ("R011", diag::info(d.kind).code);
  EXPECT_EQ(
      "the backup copy of azurerm_data_protection_backup_vault `bvault-weu` is in `eastus` and "
      "`westus2`, outside boundary `eu`",
      d.message);
  ASSERT_EQ(2u, d.notes.size());
  EXPECT_EQ("the vault of region `weu` copies backups", d.notes[0].message);
  EXPECT_EQ("boundary `eu` declared here", d.notes[1].message);
}

TEST(ResidencyEngine, TheGenericWordingReportsEachKindUnderItsOwnCode) {
  const std::pair<estate::PlacementKind, const char*> expected[] = {
      {estate::PlacementKind::kPrimary, "R001"},    {estate::PlacementKind::kFailover, "R002"},
      {estate::PlacementKind::kReplica, "R010"},    {estate::PlacementKind::kGeoPairCopy, "R011"},
      {estate::PlacementKind::kBackupCopy, "R011"}, {estate::PlacementKind::kCacheEdge, "R012"},
      {estate::PlacementKind::kLogSink, "R013"},    {estate::PlacementKind::kProcessing, "R014"},
  };
  for (const auto& [kind, code] : expected) {
    auto f = fixture();
    estate::Resource& r = add_vault(*f->estate, {"eastus"});
    r.placements[0].kind = kind;
    diag::DiagnosticSink sink;
    residency::check_placements(*f->estate, sink);
    ASSERT_EQ(1u, sink.diagnostics().size()) << code;
    EXPECT_EQ(code, std::string(diag::info(sink.diagnostics()[0].kind).code));
  }
}

TEST(ResidencyEngine, PlacementsInsideTheBoundaryPass) {
  auto f = fixture();
  add_vault(*f->estate, {"westeurope", "northeurope"});
  diag::DiagnosticSink sink;
  residency::check_placements(*f->estate, sink);
  EXPECT_TRUE(sink.diagnostics().empty());
}

TEST(ResidencyEngine, UncheckedPlacementsAreListedNotReported) {
  auto f = fixture();
  add_vault(*f->estate, {"eastus"}).placements[0].checked = false;
  diag::DiagnosticSink sink;
  residency::check_placements(*f->estate, sink);
  EXPECT_TRUE(sink.diagnostics().empty());
}

TEST(ResidencyEngine, AResourceWithoutHoldersIsNotChecked) {
  auto f = fixture();
  add_vault(*f->estate, {"eastus"}).holders.clear();
  diag::DiagnosticSink sink;
  residency::check_placements(*f->estate, sink);
  EXPECT_TRUE(sink.diagnostics().empty());
}

}  // namespace
}  // namespace topoc
