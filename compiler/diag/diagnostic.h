// Diagnostics are values: each carries its kind (code and severity come from
// diagnostic_kinds.def), a primary location, related notes and an optional
// fix-it. They are collected in a list; nothing stops at the first one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/source.h"

namespace topoc::diag {

enum class Severity { kError, kWarning, kNote };

enum class Kind {
#define TOPOC_DIAG(name, code, severity, summary) name,
#include "compiler/diag/diagnostic_kinds.def"
#undef TOPOC_DIAG
};

struct KindInfo {
  Kind kind;
  std::string_view name;
  std::string_view code;
  Severity severity;
  std::string_view summary;
};

const std::vector<KindInfo>& all_kinds();
const KindInfo& info(Kind kind);

// A place in a source file. `file` indexes the SourceSet of the run.
struct Location {
  uint32_t file = 0;
  dsl::Span span;
};

struct Note {
  Location location;
  std::string message;
};

// Replace the text at `location` with `replacement` (empty = delete).
struct FixIt {
  Location location;
  std::string replacement;
};

struct Diagnostic {
  Kind kind;
  Severity severity;
  Location location;
  std::string message;
  std::vector<Note> notes;
  std::optional<FixIt> fixit;
  std::string help;  // shown after the source excerpt as "help: ..."
};

// Collects diagnostics for one run over one or more files. Past `kMaxKept`
// diagnostics are counted but not kept: a pathological file (a million
// unknown keys) must not turn into a million rendered excerpts.
class DiagnosticSink {
 public:
  static constexpr size_t kMaxKept = 500;

  Diagnostic& report(Kind kind, Location location, std::string message);

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  size_t error_count() const;
  size_t warning_count() const;
  size_t dropped_count() const { return dropped_errors_ + dropped_warnings_; }
  // True once further diagnostics are only counted; callers may skip building messages.
  bool full() const { return diagnostics_.size() >= kMaxKept; }
  // Once full(): counts `n` more of `kind` at once, for a rule that knows how
  // many it would report without enumerating them (pairs of duplicates).
  void count_dropped(Kind kind, size_t n);
  // Takes `other`'s diagnostics after this sink's, as if they had been
  // reported here in their order: past kMaxKept they are counted, as are the
  // ones `other` dropped.
  void append(DiagnosticSink&& other);
  // Sorts by file, then position, then code, so output order never depends on rule order.
  void sort();

 private:
  std::vector<Diagnostic> diagnostics_;
  Diagnostic overflow_{};  // receives notes and fix-its of dropped diagnostics
  size_t dropped_errors_ = 0;
  size_t dropped_warnings_ = 0;
};

}  // namespace topoc::diag
