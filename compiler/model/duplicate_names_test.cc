// Names declared more than once (M003) in the scopes that can hold many:
// containers, subnets, alerts and geo routes. Each later declaration is
// reported against every earlier one of its name, in declaration order, and
// past what the sink keeps the rest are still counted.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <tuple>

#include "tests/check_support.h"

namespace topoc::testing {
namespace {

// The repeated line goes into one scope, one copy a line; the others stay empty.
std::string topology(std::string_view scope, std::string_view line, size_t copies) {
  std::string repeated;
  for (size_t i = 0; i < copies; ++i) repeated += fmt::format("    {}\n", line);
  std::string region_body = scope == "region" ? repeated : "";
  std::string cosmos_body = scope == "cosmos" ? repeated : "";
  std::string alerts_body = scope == "alerts" ? repeated : "";
  std::string geo_body = scope == "frontdoor" ? repeated : "";
  return fmt::format(R"(topology "t" {{
  boundary "eu" {{ geography = eu-data-boundary }}
  region "weu" {{ location = westeurope  address = 10.1.0.0/16
{}  }}
  cosmos {{
{}  }}
  frontdoor {{ endpoint = "t"
{}  }}
  alerts {{ email = "ops@example.com"
{}  }}
}}
)",
                     region_body, cosmos_body, geo_body, alerts_body);
}

// "line message | note line" of each M003, in the order they are printed.
std::vector<std::string> duplicates(const driver::CheckResult& result) {
  std::vector<std::string> out;
  for (const diag::Diagnostic& d : result.sink.diagnostics()) {
    if (d.kind != diag::Kind::Duplicate) continue;
    auto at = result.files[0].line_col(d.location.span.begin);
    auto note = result.files[0].line_col(d.notes.at(0).location.span.begin);
    out.push_back(fmt::format("{} {} | {}", at.line, d.message, note.line));
  }
  return out;
}

// What comparing every pair reports: copy k against copies 0..k-1, the
// first kMaxKept kept, printed by line (stable, so in report order).
std::vector<std::string> every_pair(size_t copies, size_t first_line, const std::string& message) {
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t k = 1; k < copies; ++k) {
    for (size_t i = 0; i < k; ++i) pairs.push_back({first_line + k, first_line + i});
  }
  if (pairs.size() > diag::DiagnosticSink::kMaxKept) pairs.resize(diag::DiagnosticSink::kMaxKept);
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [at, note] : pairs) out.push_back(fmt::format("{} {} | {}", at, message, note));
  return out;
}

struct Scope {
  const char* scope;
  const char* line;
  size_t first_line;
  const char* message;
};

const Scope kScopes[] = {
    {"region", R"(subnet "data" { address = 10.1.200.0/24 })", 4,
     "subnet `data` is declared twice"},
    {"cosmos", R"(container "orders" { partition = "/tenantId" })", 6,
     "container `orders` is declared twice"},
    {"frontdoor", R"(geo "eu" = [DE])", 8,
     "boundary `eu` has two geo routes; list all its countries in one"},
    {"alerts", R"(alert "lag" { metric = cosmos.availability  below = 99%  window = 1h })", 10,
     "alert `lag` is declared twice"},
};

TEST(DuplicateNames, ThreeCopiesReportEveryEarlierOne) {
  for (const Scope& s : kScopes) {
    std::string text = topology(s.scope, s.line, 3);
    auto result = check_text(text);
    size_t a = s.first_line, b = a + 1, c = a + 2;
    EXPECT_EQ((std::vector<std::string>{fmt::format("{} {} | {}", b, s.message, a),
                                        fmt::format("{} {} | {}", c, s.message, a),
                                        fmt::format("{} {} | {}", c, s.message, b)}),
              duplicates(result))
        << s.scope << "\n"
        << text;
  }
}

// 60 copies are 1,770 pairs: the first 500 kept in report order, every one
// counted.
TEST(DuplicateNames, ManyCopiesAreAllReportedInOrder) {
  constexpr size_t kCopies = 60;
  for (const Scope& s : kScopes) {
    auto result = check_text(topology(s.scope, s.line, kCopies));
    EXPECT_EQ(every_pair(kCopies, s.first_line, s.message), duplicates(result)) << s.scope;
    EXPECT_EQ(kCopies * (kCopies - 1) / 2, result.sink.error_count()) << s.scope;
  }
}

}  // namespace
}  // namespace topoc::testing
