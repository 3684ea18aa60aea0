// ARM's template limits checked before a Bicep tree is written (X006-X008;
// compiler/emit/bicep/arm_limits.h): the exact diagnostics, and `topoc build`
// writing nothing for a tree that could not deploy.
#include "compiler/emit/bicep/arm_limits.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "compiler/diag/diagnostic.h"
#include "compiler/driver/check.h"
#include "compiler/emit/bicep/emit_bicep.h"

namespace topoc {
namespace {

namespace fs = std::filesystem;

// `n` regions with every default service, all in eastus, one boundary whose
// VNets are not peered, so the count grows by the regions' own resources.
std::string regions(size_t n) {
  std::string text =
      "topology \"many\" {\n  naming { suffix = auto }\n"
      "  boundary \"us\" { geography = united-states  peering = none }\n";
  for (size_t i = 0; i < n; ++i) {
    text +=
        fmt::format("  region \"r{:02}\" {{ location = eastus  address = 10.{}.0.0/16 }}\n", i, i);
  }
  return text + "}\n";
}

// One region and `n` Cosmos DB containers.
std::string containers(size_t n) {
  std::string text =
      "topology \"wide\" {\n  naming { suffix = auto }\n"
      "  boundary \"us\" { geography = united-states }\n"
      "  region \"east\" { location = eastus  address = 10.1.0.0/16  services = [storage] }\n"
      "  cosmos {\n";
  for (size_t i = 0; i < n; ++i) {
    text += fmt::format("    container \"container-{:05}\" {{ partition = \"/tenantId\" }}\n", i);
  }
  return text + "  }\n}\n";
}

struct Built {
  std::string text;
  driver::CheckResult check;
  emit::FileTree tree;
  diag::DiagnosticSink sink;
};

void build(Built& b, const std::string& text) {
  b.text = text;
  driver::check_source(b.check, "big.topo", text);
  ASSERT_EQ(0u, b.check.sink.error_count());
  ASSERT_TRUE(!b.check.models.empty() && b.check.models[0]);
  b.tree = emit::emit_bicep(*b.check.models[0], {});
  emit::bicep::report_arm_limits(*b.check.models[0], {}, b.tree, b.sink);
}

// The 1-based line of a diagnostic in the topology text.
size_t line_of(const Built& b, const diag::Diagnostic& d) {
  size_t end = std::min<size_t>(d.location.span.begin, b.text.size());
  return 1 + static_cast<size_t>(
                 std::count(b.text.begin(), b.text.begin() + static_cast<long>(end), '\n'));
}

TEST(ArmLimits, EightHundredResourcesPassX006AtTheRegionThatCrossesTheLimit) {
  // The global group, policy definitions, one residency module and the
  // default alerts (4), then eleven per region: group, network, DNS zones,
  // seven services and the diagnostic settings.
  Built fits;
  build(fits, regions(72));  // 4 + 792 = 796
  EXPECT_EQ(0u, fits.sink.diagnostics().size());

  Built over;
  build(over, regions(73));  // 4 + 803 = 807, past 800 at the 73rd region (line 76)
  ASSERT_EQ(1u, over.sink.diagnostics().size());
  const diag::Diagnostic& d = over.sink.diagnostics()[0];
  EXPECT_EQ(diag::Kind::ArmTooManyResources, d.kind);
  EXPECT_EQ(76u, line_of(over, d));
  EXPECT_EQ(
      "the Bicep tree would deploy 807 resources and module deployments in one ARM template, over "
      "ARM's limit of 800; the count passes it at this region",
      d.message);
}

// The services that run only where asked for count too: a PostgreSQL
// server, a Service Bus namespace and a Backup vault add a module each.
TEST(ArmLimits, OnRequestServicesCountTowardsTheLimit) {
  auto with_data_services = [](size_t n) {
    std::string text = regions(n);
    for (size_t at = text.find("address = "); at != std::string::npos;
         at = text.find("address = ", at + 1)) {
      size_t end = text.find(" }\n", at);
      text.insert(end, "  postgres {}  servicebus {}  backup {}");
    }
    return text;
  };
  Built fits;
  build(fits, with_data_services(56));  // 4 + 14 * 56 = 788
  EXPECT_EQ(0u, fits.sink.diagnostics().size());
  Built over;
  build(over, with_data_services(57));  // 4 + 14 * 57 = 802, past 800 at the 57th region
  ASSERT_EQ(1u, over.sink.diagnostics().size());
  EXPECT_EQ(60u, line_of(over, over.sink.diagnostics()[0]));
  EXPECT_EQ(
      "the Bicep tree would deploy 802 resources and module deployments in one ARM template, over "
      "ARM's limit of 800; the count passes it at this region",
      over.sink.diagnostics()[0].message);
}

TEST(ArmLimits, ParameterFileOverFourMegabytesIsX007AtTheCosmosBlock) {
  Built b;
  build(b, containers(14000));
  size_t size = 0;
  for (const emit::EmittedFile& f : b.tree) {
    if (f.path == "bicep/prod.bicepparam") size = f.contents.size();
  }
  ASSERT_GT(size, 4u << 20);
  ASSERT_EQ(1u, b.sink.diagnostics().size());
  const diag::Diagnostic& d = b.sink.diagnostics()[0];
  EXPECT_EQ(diag::Kind::ArmParameterFileTooLarge, d.kind);
  EXPECT_EQ(5u, line_of(b, d));  // `cosmos {`
  EXPECT_EQ(fmt::format("the Bicep parameter file `prod.bicepparam` would be {} bytes, over ARM's "
                        "limit of 4194304 bytes (4 MB) for a deployment's parameters",
                        size),
            d.message);

  Built small;
  build(small, containers(200));
  EXPECT_EQ(0u, small.sink.diagnostics().size());
}

// A locked retention policy cannot be expressed in an ARM template (X008, at
// `locked`); an unlocked one can.
TEST(ArmLimits, LockedContainerRetentionIsX008AtLocked) {
  auto topology = [](std::string_view container) {
    return fmt::format(
        "topology \"worm\" {{\n  naming {{ suffix = auto }}\n"
        "  boundary \"eu\" {{ geography = eu-data-boundary }}\n"
        "  region \"weu\" {{ location = westeurope  address = 10.1.0.0/16  services = [storage]\n"
        "    storage {{ {} }}\n  }}\n}}\n",
        container);
  };
  Built b;
  build(b, topology("container \"audit\" { immutable = 365d  locked = true }"));
  ASSERT_EQ(1u, b.sink.diagnostics().size());
  const diag::Diagnostic& d = b.sink.diagnostics()[0];
  EXPECT_EQ(diag::Kind::BicepCannotLockRetention, d.kind);
  EXPECT_EQ(5u, line_of(b, d));
  EXPECT_EQ(
      "the retention policy of container `audit` (region `weu`) is locked, which an ARM "
      "template cannot do: the Bicep tree would leave it unlocked",
      d.message);

  Built unlocked;
  build(unlocked, topology("container \"audit\" { immutable = 365d }"));
  EXPECT_EQ(0u, unlocked.sink.diagnostics().size());
}

// `topoc build` reports X006 and writes nothing, for `bicep` and for `all`;
// the Terraform tree alone, which has no such limit, is written.
TEST(ArmLimits, BuildWritesNothingPastTheLimit) {
  char pattern[] = "/tmp/topoc-arm-XXXXXX";
  ASSERT_NE(nullptr, ::mkdtemp(pattern));
  const fs::path dir = pattern;
  std::ofstream(dir / "big.topo") << regions(80);
  auto run = [&](const std::string& target) {
    std::string command = fmt::format("'{}' build '{}' -o '{}' --target {} 2>'{}'", TOPOC_BINARY,
                                      (dir / "big.topo").string(), (dir / target).string(), target,
                                      (dir / (target + ".err")).string());
    int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  for (const std::string target : {"bicep", "all"}) {
    EXPECT_EQ(1, run(target)) << target;
    EXPECT_FALSE(fs::exists(dir / target)) << target;
    std::ifstream in(dir / (target + ".err"));
    std::string first;
    std::getline(in, first);
    EXPECT_EQ(
        "big.topo:76:10: error[X006]: the Bicep tree would deploy 884 resources and module "
        "deployments in one ARM template, over ARM's limit of 800; the count passes it at this "
        "region",
        first.substr(first.find("big.topo")))
        << target;
  }
  EXPECT_EQ(0, run("terraform"));
  EXPECT_TRUE(fs::exists(dir / "terraform"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace topoc
