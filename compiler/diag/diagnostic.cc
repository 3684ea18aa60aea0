#include "compiler/diag/diagnostic.h"

#include <algorithm>
#include <tuple>

#include "compiler/diag/render.h"
#include "compiler/text/visible.h"

namespace topoc::diag {

const std::vector<KindInfo>& all_kinds() {
  static const std::vector<KindInfo> kinds = {
#define TOPOC_DIAG(name, code, severity, summary) \
  {Kind::name, #name, code, Severity::k##severity, summary},
#include "compiler/diag/diagnostic_kinds.def"
#undef TOPOC_DIAG
  };
  return kinds;
}

const KindInfo& info(Kind kind) { return all_kinds()[static_cast<size_t>(kind)]; }

std::string bounded_message(std::string_view message) {
  return quoted_message(message);
}

Diagnostic& DiagnosticSink::report(Kind kind, Location location, std::string message) {
  if (diagnostics_.size() >= kMaxKept) {
    (info(kind).severity == Severity::kError ? dropped_errors_ : dropped_warnings_)++;
    overflow_ = Diagnostic{kind, info(kind).severity, location, {}, {}, {}, {}};
    return overflow_;
  }
  diagnostics_.push_back(
      {kind, info(kind).severity, location, bounded_message(message), {}, {}, {}});
  return diagnostics_.back();
}

void DiagnosticSink::count_dropped(Kind kind, size_t n) {
  (info(kind).severity == Severity::kError ? dropped_errors_ : dropped_warnings_) += n;
}

void DiagnosticSink::append(DiagnosticSink&& other) {
  for (Diagnostic& d : other.diagnostics_) {
    if (diagnostics_.size() < kMaxKept) {
      diagnostics_.push_back(std::move(d));
    } else {
      (d.severity == Severity::kError ? dropped_errors_ : dropped_warnings_)++;
    }
  }
  dropped_errors_ += other.dropped_errors_;
  dropped_warnings_ += other.dropped_warnings_;
  other.diagnostics_.clear();
  other.dropped_errors_ = other.dropped_warnings_ = 0;
}

size_t DiagnosticSink::error_count() const {
  return dropped_errors_ + std::count_if(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

size_t DiagnosticSink::warning_count() const {
  return dropped_warnings_ + std::count_if(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kWarning; });
}

void DiagnosticSink::sort() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tuple(a.location.file, a.location.span.begin, info(a.kind).code) <
                            std::tuple(b.location.file, b.location.span.begin, info(b.kind).code);
                   });
}

}  // namespace topoc::diag
