// libFuzzer target for drift's readers: any bytes, read as a deployed state
// (every format is tried by content) and as a desired-state manifest, must
// give a result or a ReadError: never a crash, a sanitizer report, or memory
// that grows with nesting. What reads cleanly is compared and rendered too.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "compiler/drift/deployed_state.h"
#include "compiler/drift/desired_state.h"
#include "compiler/drift/findings.h"
#include "compiler/drift/render.h"

namespace {

using namespace topoc::drift;

// A small desired estate to compare fuzzed states with.
constexpr std::string_view kManifest = R"({"manifest_version": 1, "topology": "fuzz",
  "environment": "prod", "resources": [
  {"address": "azurerm_resource_group.region[\"eu\"]", "type": "azurerm_resource_group",
   "name": "rg-eu", "location": "westeurope", "boundary": "eu",
   "tags": {"topology": "fuzz", "environment": "prod"}},
  {"address": "module.storage[\"eu\"].azurerm_storage_account.this", "type": "azurerm_storage_account",
   "name": "steu", "location": "westeurope", "boundary": "eu", "resource_group": "rg-eu",
   "attributes": {"account_replication_type": "GRS"}},
  {"address": "module.residency_policy[\"eu\"].azurerm_resource_group_policy_assignment.allowed_locations[\"data\"]",
   "type": "azurerm_resource_group_policy_assignment", "name": "p", "boundary": "eu",
   "resource_group": "rg-eu", "attributes": {"allowed_locations": ["westeurope", "northeurope"]}}]})";

void render_all(const DriftReport& report) {
  (void)render_text(report);
  (void)render_json(report);
  (void)render_markdown(report);
  (void)render_sarif(report, "fuzz");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const DesiredState desired =
      std::get<DesiredState>(parse_desired_state("fuzz.manifest.json", kManifest));

  DeployedState deployed;
  if (!read_state_text("fuzz.json", text, StateFormat::kAuto, deployed)) {
    (void)check_pages_complete(deployed);
    render_all(compare(desired, deployed, {{"module.alerts.*"}}));
  }
  auto manifest = parse_desired_state("fuzz.manifest.json", text);
  if (auto* fuzzed = std::get_if<DesiredState>(&manifest))
    render_all(compare(*fuzzed, DeployedState{}));
  return 0;
}
