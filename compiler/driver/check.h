// The front end as one call: read files, parse, build models, run rules.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/estate/estate.h"
#include "compiler/model/topology.h"
#include "dsl/source.h"
#include "dsl/syntax_tree.h"

namespace topoc::driver {

// Inputs larger than this are refused before parsing (topologies are small;
// this only guards memory against a wrong file).
inline constexpr size_t kMaxInputBytes = 64u << 20;

struct InputError {
  std::string path;
  std::string message;  // "No such file or directory", "is a directory", ...
};

struct CheckResult {
  std::vector<dsl::SourceFile> files;  // index = diag::Location::file
  // One per file; empty on syntax errors. A deque: an estate points into
  // its model, which must stay where it is as later files are added.
  std::deque<std::optional<model::Topology>> models;
  // One per file, built only with Overrides::keep_estate and a model.
  std::vector<std::optional<estate::Estate>> estates;
  // One per file, as parsed (empty on syntax errors).
  std::vector<dsl::Document> documents;
  diag::DiagnosticSink sink;
  std::vector<InputError> input_errors;
};

// `-` names standard input, read once to its end; diagnostics call it `<stdin>`.
inline constexpr std::string_view kStdinPath = "-";
inline constexpr std::string_view kStdinName = "<stdin>";
std::string display_path(const std::string& path);

// Reads a file (or standard input) fully; returns an error message instead on failure.
std::optional<std::string> read_file(const std::string& path, std::string& contents);

enum class KeptEstate {
  kNone,
  // The resources that declare placements, which the residency rules judge:
  // for a caller that frees its results only at exit (`topoc check`).
  kPlacements,
  // The whole estate, for a caller that renders it: `topoc build` then builds
  // it once, not twice.
  kWhole,
};

// Settings from the command line that replace the file's own before the
// rules run, so the rules judge what will be built (`topoc build --env`).
struct Overrides {
  // The environment to check: one the file declares (`environment "staging"
  // { ... }`, its values merged onto the topology), the file's own, or, when
  // the file declares none, a new name for the same values. Empty = the
  // file's `environment`.
  std::string environment;
  // Without `environment`: check each declared environment too, reporting
  // the findings the topology's own environment does not have.
  bool every_environment = true;
  // The directory that files the topology names (runbooks) are read
  // relative to. Empty = the topology file's own directory (the working
  // directory for standard input).
  std::string files_dir;
  // Whether to keep the estate the rules check in CheckResult::estates.
  KeptEstate keep_estate = KeptEstate::kNone;
};

// Checks source text as if read from `path`.
void check_source(CheckResult& result, std::string path, std::string text,
                  const Overrides& overrides = {});
CheckResult check_files(const std::vector<std::string>& paths, const Overrides& overrides = {});

}  // namespace topoc::driver
