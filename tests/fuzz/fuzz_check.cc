// libFuzzer target: any bytes, checked as a topology file and rendered both
// ways. A crash, sanitizer report, leak or timeout here is a bug in the front
// end or a renderer; there is no input topoc may refuse by crashing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/diag/render.h"
#include "compiler/driver/check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  topoc::driver::CheckResult result;
  topoc::driver::check_source(result, "fuzz.topo", std::string(reinterpret_cast<const char*>(data), size));
  result.sink.sort();
  const auto& diagnostics = result.sink.diagnostics();
  std::string text = topoc::diag::render_text(result.files, diagnostics, {.color = true});
  std::string sarif = topoc::diag::render_sarif(result.files, diagnostics, "fuzz");
  // Every diagnostic renders to something: an empty rendering means one was lost.
  if (!diagnostics.empty() && (text.empty() || sarif.empty())) __builtin_trap();
  return 0;
}
