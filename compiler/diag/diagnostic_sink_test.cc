// DiagnosticSink::append takes another sink's findings as if they had been
// reported into this one in their order: the same diagnostics kept, the
// same counted past kMaxKept, whatever the split between the two sinks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"

namespace topoc::diag {
namespace {

// `n` findings, alternately errors (M003) and warnings (X004), numbered from `first`.
void report(DiagnosticSink& sink, size_t first, size_t n) {
  for (size_t i = first; i < first + n; ++i) {
    Diagnostic& d = sink.report(i % 2 ? Kind::NameSuffixNotChosen : Kind::Duplicate,
                                {0, {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)}},
                                "finding " + std::to_string(i));
    d.help = "help " + std::to_string(i);
  }
}

std::vector<std::string> kept(const DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const Diagnostic& d : sink.diagnostics()) out.push_back(d.message + " / " + d.help);
  return out;
}

TEST(DiagnosticSinkAppend, EqualsReportingEverythingIntoOneSink) {
  const size_t total = DiagnosticSink::kMaxKept + 37;
  for (size_t split : {size_t{0}, size_t{1}, size_t{200}, DiagnosticSink::kMaxKept - 1,
                       DiagnosticSink::kMaxKept, DiagnosticSink::kMaxKept + 5, total}) {
    DiagnosticSink one;
    report(one, 0, total);
    DiagnosticSink first, second;
    report(first, 0, split);
    report(second, split, total - split);
    first.append(std::move(second));
    EXPECT_EQ(kept(one), kept(first)) << split;
    EXPECT_EQ(one.error_count(), first.error_count()) << split;
    EXPECT_EQ(one.warning_count(), first.warning_count()) << split;
    EXPECT_EQ(one.dropped_count(), first.dropped_count()) << split;
    EXPECT_EQ(37u, first.dropped_count()) << split;
    // The appended sink is left empty.
    EXPECT_TRUE(second.diagnostics().empty());
    EXPECT_EQ(0u, second.dropped_count());
  }
}

TEST(DiagnosticSinkAppend, KeepsWhatTheOtherSinkCountedWithoutKeeping) {
  DiagnosticSink first, second;
  report(first, 0, 3);
  report(second, 3, DiagnosticSink::kMaxKept);
  second.count_dropped(Kind::Duplicate, 1000);  // a rule's pairs, counted at once
  first.append(std::move(second));
  EXPECT_EQ(DiagnosticSink::kMaxKept, first.diagnostics().size());
  EXPECT_EQ("finding 499 / help 499", kept(first).back());
  EXPECT_EQ(3u + 1000u, first.dropped_count());
  EXPECT_EQ(DiagnosticSink::kMaxKept + 3 + 1000, first.error_count() + first.warning_count());
}

}  // namespace
}  // namespace topoc::diag
