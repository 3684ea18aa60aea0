// libFuzzer target: any bytes, checked as a topology file; when the check
// passes, both backends render the estate in memory (no files) and every
// file they emit must be balanced (tests/fuzz/syntax_balance.h) and every
// JSON file must parse. The front end fuzzer stops at the diagnostics; this
// one reaches the emitters, where user text (names, tags, owner, procedure
// bodies) becomes HCL and Bicep strings.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "compiler/driver/check.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/terraform/emit_terraform.h"
#include "tests/fuzz/syntax_balance.h"

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.ends_with(suffix);
}

void check_tree(const topoc::emit::FileTree& files) {
  for (const topoc::emit::EmittedFile& f : files) {
    std::optional<std::string> error;
    if (ends_with(f.path, ".tf") || ends_with(f.path, ".tfvars")) {
      error = topoc::testing::hcl_balance_error(f.contents);
    } else if (ends_with(f.path, ".bicep") || ends_with(f.path, ".bicepparam")) {
      error = topoc::testing::bicep_balance_error(f.contents);
    } else if (ends_with(f.path, ".json") && !nlohmann::json::accept(f.contents)) {
      error = "not JSON";
    }
    if (error) {
      std::fprintf(stderr, "%s:%s\n", f.path.c_str(), error->c_str());
      __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  topoc::driver::CheckResult result;
  topoc::driver::check_source(result, "fuzz.topo",
                              std::string(reinterpret_cast<const char*>(data), size));
  // The emitters require a model that checked without errors, as `build` does.
  if (result.sink.error_count() > 0 || result.models.empty() || !result.models[0]) return 0;
  const topoc::model::Topology& topology = *result.models[0];
  check_tree(topoc::emit::emit_terraform(topology, {}));
  check_tree(topoc::emit::emit_bicep(topology, {}));
  return 0;
}
