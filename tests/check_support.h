// Runs the front end on source text and summarises the diagnostics, so rule
// tests can compare whole strings: "R001 12:16 message".
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/driver/check.h"

namespace topoc::testing {

inline driver::CheckResult check_text(std::string text) {
  driver::CheckResult result;
  driver::check_source(result, "test.topo", std::move(text));
  result.sink.sort();
  return result;
}

// One line per diagnostic: "CODE line:col message".
inline std::vector<std::string> diagnostics_of(std::string text) {
  auto result = check_text(std::move(text));
  std::vector<std::string> out;
  for (const diag::Diagnostic& d : result.sink.diagnostics()) {
    auto lc = result.files[d.location.file].line_col(d.location.span.begin);
    out.push_back(fmt::format("{} {}:{} {}", diag::info(d.kind).code, lc.line, lc.column, d.message));
  }
  return out;
}

// Only the codes, in order: {"R001", "R004"}.
inline std::vector<std::string> codes_of(std::string text) {
  auto result = check_text(std::move(text));
  std::vector<std::string> out;
  for (const diag::Diagnostic& d : result.sink.diagnostics()) out.emplace_back(diag::info(d.kind).code);
  return out;
}

// A small valid two-boundary topology to mutate in tests.
inline constexpr const char* kTwoBoundaries = R"(topology "t" {
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "us" { location = eastus      boundary = us  failover = westus2      address = 10.1.0.0/16 }
  region "eu" { location = westeurope  boundary = eu  failover = northeurope  address = 10.2.0.0/16 }
  tenant "acme" { residency = us }
  tenant "eureka" { residency = eu }
}
)";

}  // namespace topoc::testing
