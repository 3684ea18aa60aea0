// Every service of the registry has all its parts: DSL docs, a Terraform
// module and a Bicep module in its folder, ARM types drift knows, declared placements, and a
// golden tree that uses it.
#include "compiler/services/registry.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "compiler/drift/arm_types.h"
#include "compiler/driver/check.h"

namespace topoc {
namespace {

namespace fs = std::filesystem;

fs::path source(std::string_view relative) {
  return fs::path(TOPOC_SOURCE_DIR) / relative;
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    size_t bar = list.find('|');
    out.emplace_back(list.substr(0, bar));
    list.remove_prefix(bar == std::string_view::npos ? list.size() : bar + 1);
  }
  return out;
}

bool known_placement(std::string_view kind) {
  for (int k = 0; k <= static_cast<int>(estate::PlacementKind::kLogSink); ++k) {
    if (estate::to_string(static_cast<estate::PlacementKind>(k)) == kind) return true;
  }
  return false;
}

// The placement kinds each planner declares on the estates of the examples
// and of the golden trees' topologies: every planner runs again on a built
// estate and its new resources are read.
std::map<std::string, std::set<std::string>> planned_kinds() {
  std::map<std::string, std::set<std::string>> out;
  std::vector<fs::directory_entry> files;
  for (const char* dir : {"examples", "tests/terraform"}) {
    for (const auto& entry : fs::directory_iterator(source(dir))) files.push_back(entry);
  }
  for (const auto& entry : files) {
    if (entry.path().extension() != ".topo") continue;
    driver::CheckResult result;
    driver::Overrides overrides;
    overrides.files_dir = entry.path().parent_path().string();
    driver::check_source(result, entry.path().filename().string(), read(entry.path()), overrides);
    if (result.sink.error_count() > 0 || result.models.empty()) continue;
    estate::Estate e = estate::build_estate(*result.models.front(), {});
    for (const services::ServiceInfo& s : services::all_services()) {
      size_t before = e.resources.size();
      s.plan(e);
      for (size_t i = before; i < e.resources.size(); ++i) {
        for (const estate::Placement& p : e.resources[i].placements) {
          out[std::string(s.id)].insert(std::string(estate::to_string(p.kind)));
        }
      }
    }
  }
  return out;
}

TEST(ServiceRegistry, EveryServiceHasEveryPart) {
  const std::map<std::string, std::set<std::string>> planned = planned_kinds();
  const std::string dsl_docs = read(source("dsl/README.md"));
  ASSERT_FALSE(services::all_services().empty());
  for (const services::ServiceInfo& s : services::all_services()) {
    SCOPED_TRACE(std::string(s.id));
    const std::string block(s.dsl_block);
    EXPECT_TRUE(dsl_docs.find("\n## " + block + "\n") != std::string::npos ||
                dsl_docs.find("\n### " + block + "\n") != std::string::npos)
        << "dsl/README.md has no section `" << block << "`";
    // Its modules live in its own folder, each at its path in the output tree.
    const std::string folder = "compiler/services/" + std::string(s.id) + "/templates/";
    const std::string tf =
        folder + "terraform/modules/" + std::string(s.terraform_module) + "/main.tf";
    EXPECT_TRUE(fs::exists(source(tf))) << tf;
    const std::string bicep = folder + "bicep/modules/" + std::string(s.bicep_module) + ".bicep";
    EXPECT_TRUE(fs::exists(source(bicep))) << bicep;
    for (const std::string& arm : split(s.arm_types)) {
      EXPECT_FALSE(drift::azurerm_type_of(arm).empty()) << arm << " is unknown to drift";
    }
    // The planner declares exactly the kinds the registry lists.
    std::vector<std::string> placements = split(s.placements);
    ASSERT_FALSE(placements.empty());
    std::set<std::string> listed;
    if (placements != std::vector<std::string>{"none"}) {
      for (const std::string& p : placements) {
        EXPECT_TRUE(known_placement(p)) << p;
        listed.insert(p);
      }
    }
    auto it = planned.find(std::string(s.id));
    EXPECT_EQ(listed, it == planned.end() ? std::set<std::string>{} : it->second)
        << "placements planned on examples/ and tests/terraform/";
    bool used = false;
    for (const auto& golden : fs::directory_iterator(source("tests/golden/terraform"))) {
      used = used || fs::exists(golden.path() / "modules" / std::string(s.terraform_module));
    }
    EXPECT_TRUE(used) << "no golden tree under tests/golden/terraform uses " << s.terraform_module;
  }
}

}  // namespace
}  // namespace topoc
