// Renders collected diagnostics for people (text), tools (JSON) and code
// scanning (SARIF 2.1.0). Line and column are computed here, when printed.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "compiler/diag/diagnostic.h"
#include "dsl/source.h"

namespace topoc::diag {

struct TextStyle {
  bool color = false;
};

std::string render_text(std::span<const dsl::SourceFile> files,
                        std::span<const Diagnostic> diagnostics, TextStyle style = {});
// A file the run could not read (missing, a directory, unreadable, too
// large). Not a finding about the topology: the analysis itself failed, and
// JSON and SARIF output say so, so that no consumer mistakes the run for a
// clean one. A file that was read but is not a valid topology (P001-P005) is a
// finding instead.
struct ToolFailure {
  std::string path;
  std::string message;
};

// The version of the JSON documents `topoc check` (and the other commands)
// print; raised when a field changes meaning or goes away (docs/json.md).
inline constexpr int kJsonSchemaVersion = 1;

std::string render_json(std::span<const dsl::SourceFile> files,
                        std::span<const Diagnostic> diagnostics,
                        std::span<const ToolFailure> failures = {});

inline constexpr std::string_view kInformationUri = "https://github.com/topoc/topoc";
// docs/rules.md as the web shows it; each rule's helpUri is this plus `#anchor`.
inline constexpr std::string_view kDefaultHelpBaseUrl =
    "https://github.com/topoc/topoc/blob/main/docs/rules.md";

struct SarifOptions {
  std::string tool_version;
  std::string help_base_url = std::string(kDefaultHelpBaseUrl);
  // Absolute directory that artifact URIs are relative to, as `%SRCROOT%`
  // (declared in originalUriBaseIds). Empty: paths are written as given.
  std::string root;
  // Where relative paths of the inputs are resolved; empty: the current directory.
  std::string base_dir;
  std::string automation_id;  // runAutomationDetails.id; empty: none
  std::span<const ToolFailure> failures;
};

std::string render_sarif(std::span<const dsl::SourceFile> files,
                         std::span<const Diagnostic> diagnostics, const SarifOptions& options);
// Paths as given, no failures: for tests and tools that only show results.
std::string render_sarif(std::span<const dsl::SourceFile> files,
                         std::span<const Diagnostic> diagnostics, std::string_view tool_version);

const char* severity_name(Severity s);

// A message as every renderer shows it (quoted_message in
// compiler/text/visible.h): control characters and backticks in quoted user
// text escaped, each quoted piece cut to a few hundred bytes, so a 10 MB name
// makes a one-line message. Diagnostic messages pass through it when
// reported; renderers pass notes and help.
std::string bounded_message(std::string_view message);

// A file path as a SARIF artifact URI: relative, `/`-separated, with every
// byte a URI reference may not hold percent-encoded.
std::string sarif_uri(std::string_view path);

// Annotations for CI logs without code scanning, one line per diagnostic and
// per failure, on stdout: GitHub Actions workflow commands (`::error
// file=...::message`) and Azure Pipelines logging commands (`##vso[task.
// logissue ...]message`). User text is escaped as each runner requires, so a
// quoted name can neither end the command nor start another.
struct AnnotationOptions {
  std::string root;      // GitHub: `file=` is relative to it (the checkout)
  std::string base_dir;  // where relative input paths are resolved; empty: current directory
};
std::string render_github(std::span<const dsl::SourceFile> files,
                          std::span<const Diagnostic> diagnostics,
                          std::span<const ToolFailure> failures, const AnnotationOptions& options);
std::string render_azure_devops(std::span<const dsl::SourceFile> files,
                                std::span<const Diagnostic> diagnostics,
                                std::span<const ToolFailure> failures,
                                const AnnotationOptions& options);
// The escapes themselves, exposed for tests: workflow-command data (the
// message) and properties; logging-command data and properties.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);
std::string azure_escape_data(std::string_view text);
std::string azure_escape_property(std::string_view text);

// A path relative to `root` when inside it, else absolute; `/`-separated.
std::string root_relative_path(std::string_view path, std::string_view root,
                               std::string_view base_dir);
// A path made absolute against `base_dir` (empty: the current directory).
std::string absolute_path(std::string_view path, std::string_view base_dir);

// The base id of URIs relative to SarifOptions::root.
inline constexpr std::string_view kSrcRoot = "%SRCROOT%";

// Where a file is, for SARIF: relative to `root` under kSrcRoot when inside
// it; otherwise an absolute `file://` URI (or, for standard input and paths
// with no root, the path as given) without a base id.
struct ArtifactUri {
  std::string uri;
  std::string base_id;  // kSrcRoot or empty
};
ArtifactUri artifact_uri(std::string_view path, std::string_view root, std::string_view base_dir);

// `file:///abs/dir/`: a directory as an absolute URI, with its trailing `/`.
std::string directory_file_uri(std::string_view absolute_dir);

// The default `--root`: the nearest ancestor of `start` (itself included)
// holding `.git` (a directory, or the file of a worktree), else `start`.
std::string repository_root(std::string_view start);

// A stable identity of a result across edits that only move it: a hash of the
// code, the file, the text at the primary location and the message with its
// numbers blanked (offsets and line numbers move; names do not), then `:N`, the
// occurrence of that hash among the run's results (docs/json.md).
inline constexpr std::string_view kFingerprintKey = "topocResultHash/v1";

}  // namespace topoc::diag
