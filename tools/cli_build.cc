// `topoc build`: check, emit, and write the output tree atomically (or
// compare it with what is on disk, or list what would be written).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "compiler/diag/render.h"
#include "compiler/emit/bicep/arm_limits.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/file_io.h"
#include "compiler/emit/output_tree.h"
#include "compiler/emit/sha256.h"
#include "compiler/emit/terraform/emit_terraform.h"
#include "compiler/estate/estate.h"
#include "compiler/format/unified_diff.h"
#include "compiler/lifecycle/replacements.h"
#include "compiler/model/path_names.h"
#include "tools/cli.h"

namespace topoc::cli {
namespace {

using Json = nlohmann::ordered_json;

enum class FileStatus { kAdded, kChanged, kUnchanged };

const char* to_string(FileStatus s) {
  switch (s) {
    case FileStatus::kAdded:
      return "added";
    case FileStatus::kChanged:
      return "changed";
    case FileStatus::kUnchanged:
      return "unchanged";
  }
  return "";
}

// What a build produced, whatever the mode: the basis of both reports.
struct BuildReport {
  std::string mode;  // write, check, dry-run
  std::string environment;
  // With the record, sorted by path: the emitted trees' files and `marker`.
  emit::FileRefs files;
  std::unique_ptr<const emit::EmittedFile> marker;  // its own place: a report moves
  std::map<std::string, FileStatus> status;
  std::vector<std::string> removed;
  size_t bytes = 0;
  size_t added = 0, changed = 0, unchanged = 0;
  bool written = false;
  std::string error;  // a failed write
};

std::string human_size(size_t bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{:.1f} KiB", bytes / 1024.0);
  return fmt::format("{:.1f} MiB", bytes / (1024.0 * 1024.0));
}

BuildReport make_report(const BuildOptions& opt, std::string environment,
                        const emit::OwnedTrees& trees, emit::FileRefs files) {
  BuildReport r;
  r.mode = opt.check ? "check" : opt.dry_run ? "dry-run" : "write";
  r.environment = std::move(environment);
  emit::TreeDifference diff = emit::compare_tree(opt.output, trees);
  r.marker = std::make_unique<const emit::EmittedFile>(emit::output_marker(opt.output, trees));
  files.push_back(r.marker.get());
  std::sort(files.begin(), files.end(), [](const emit::EmittedFile* a, const emit::EmittedFile* b) {
    return a->path < b->path;
  });
  for (const emit::EmittedFile* f : files) {
    r.bytes += f->contents.size();
    r.status[f->path] = FileStatus::kUnchanged;
  }
  for (const auto& p : diff.added) r.status[p] = FileStatus::kAdded;
  for (const auto& p : diff.changed) r.status[p] = FileStatus::kChanged;
  for (const auto& [path, s] : r.status) {
    r.added += s == FileStatus::kAdded;
    r.changed += s == FileStatus::kChanged;
    r.unchanged += s == FileStatus::kUnchanged;
  }
  r.removed = diff.removed;
  r.files = std::move(files);
  return r;
}

bool up_to_date(const BuildReport& r) {
  return r.added + r.changed + r.removed.size() == 0;
}

// What is on disk at `path` under the output directory; "" if unreadable.
std::string on_disk(const BuildOptions& opt, const std::string& path) {
  return emit::io::read_regular_file(std::filesystem::path(opt.output) / path).value_or("");
}

// `build --check --diff`: the changes a build would make, as one unified diff
// with paths relative to the output directory (`patch -p1 -d DIR` applies it).
std::string tree_diff(const BuildOptions& opt, const BuildReport& r) {
  std::string out;
  for (const emit::EmittedFile* file : r.files) {
    const emit::EmittedFile& f = *file;
    FileStatus s = r.status.at(f.path);
    if (s == FileStatus::kAdded) {
      out += format::unified_diff("", f.contents, "/dev/null", "b/" + f.path);
    } else if (s == FileStatus::kChanged) {
      out += format::unified_diff(on_disk(opt, f.path), f.contents, "a/" + f.path, "b/" + f.path);
    }
  }
  for (const auto& p : r.removed)
    out += format::unified_diff(on_disk(opt, p), "", "a/" + p, "/dev/null");
  return out;
}

void print_text_report(const BuildOptions& opt, const BuildReport& r) {
  if (r.mode == "dry-run") {
    for (const emit::EmittedFile* f : r.files) {
      std::cout << fmt::format("{:>10}  {:<9}  {}\n", f->contents.size(),
                               to_string(r.status.at(f->path)), f->path);
    }
    for (const auto& p : r.removed)
      std::cout << fmt::format("{:>10}  {:<9}  {}\n", "-", "removed", p);
    std::cout << fmt::format(
        "would write {} files ({}) to `{}`: {} added, {} changed, {} removed, {} unchanged\n",
        r.files.size(), human_size(r.bytes), opt.output, r.added, r.changed, r.removed.size(),
        r.unchanged);
    return;
  }
  if (r.mode == "check") {
    if (up_to_date(r)) {
      std::cout << fmt::format("`{}` is up to date ({} files)\n", opt.output, r.files.size());
      return;
    }
    if (opt.diff) {
      // The diff alone on stdout, so that it can be piped to patch.
      std::cout << tree_diff(opt, r);
      std::cerr << fmt::format("`{}` is out of date: {} added, {} changed, {} removed\n",
                               opt.output, r.added, r.changed, r.removed.size());
      return;
    }
    for (const emit::EmittedFile* f : r.files) {
      FileStatus s = r.status.at(f->path);
      if (s != FileStatus::kUnchanged)
        std::cout << fmt::format("{:<8} {}\n", to_string(s), f->path);
    }
    for (const auto& p : r.removed) std::cout << fmt::format("{:<8} {}\n", "removed", p);
    std::cout << fmt::format(
        "`{}` is out of date: {} added, {} changed, {} removed; run `topoc build {} -o {}{}{}` to "
        "update it\n",
        opt.output, r.added, r.changed, r.removed.size(), opt.file, opt.output,
        opt.environment.empty() ? "" : " --env " + opt.environment,
        opt.target == "terraform" ? "" : " --target " + opt.target);
    return;
  }
  if (r.written) {
    std::cout << fmt::format(
        "wrote {} files ({}) to `{}`: {} added, {} changed, {} removed, {} unchanged\n",
        r.files.size(), human_size(r.bytes), opt.output, r.added, r.changed, r.removed.size(),
        r.unchanged);
  }
}

Json diagnostics_json(const driver::CheckResult& result) {
  return Json::parse(diag::render_json(result.files, result.sink.diagnostics()))["diagnostics"];
}

Json json_report(const BuildOptions& opt, const driver::CheckResult& result, const BuildReport* r) {
  Json j;
  j["schema_version"] = diag::kJsonSchemaVersion;
  j["command"] = "build";
  j["target"] = opt.target;
  j["output"] = opt.output;
  j["mode"] = opt.check ? "check" : opt.dry_run ? "dry-run" : "write";
  if (r) j["environment"] = r->environment;
  Json files = Json::array();
  if (r) {
    for (const emit::EmittedFile* f : r->files) {
      files.push_back({{"path", f->path},
                       {"size", f->contents.size()},
                       {"sha256", emit::sha256_hex(f->contents)},
                       {"status", to_string(r->status.at(f->path))}});
    }
  }
  j["files"] = files;
  j["removed"] = r ? Json(r->removed) : Json::array();
  Json input_errors = Json::array();
  for (const auto& e : result.input_errors)
    input_errors.push_back({{"path", e.path}, {"message", e.message}});
  j["input_errors"] = input_errors;
  j["diagnostics"] = diagnostics_json(result);
  Json summary;
  summary["files"] = r ? r->files.size() : 0;
  summary["bytes"] = r ? r->bytes : 0;
  summary["added"] = r ? r->added : 0;
  summary["changed"] = r ? r->changed : 0;
  summary["removed"] = r ? r->removed.size() : 0;
  summary["unchanged"] = r ? r->unchanged : 0;
  summary["errors"] = result.sink.error_count();
  summary["warnings"] = result.sink.warning_count();
  summary["written"] = r && r->written;
  // After a write, whether it succeeded; otherwise, whether a write would change nothing.
  summary["up_to_date"] = r && (opt.check || opt.dry_run ? up_to_date(*r) : r->written);
  if (r && !r->error.empty()) summary["error"] = r->error;
  j["summary"] = summary;
  if (r && opt.diff) j["diff"] = tree_diff(opt, *r);
  return j;
}

// What the write did that the user should know of, on stderr in any format.
void print_write_notes(const BuildOptions& opt, const emit::WriteNotes& notes) {
  if (!notes.restored.empty()) {
    std::cerr << fmt::format(
        "topoc: note: moved `{}` back to `{}`: an interrupted build had left the previous output "
        "aside\n",
        notes.restored, opt.output);
  }
  for (const std::string& name : notes.leftovers_removed) {
    std::cerr << fmt::format("topoc: note: removed `{}`, left by an interrupted build\n", name);
  }
  if (notes.replaced_in_two_steps) {
    std::cerr << fmt::format(
        "topoc: warning: `{}` was replaced in two renames, not atomically: this file system "
        "cannot swap directories, so for a moment `{}` did not exist\n",
        opt.output, opt.output);
  }
}

// The manifest the previous build left in `dir`, if it is a regular file
// (never a FIFO or a link a read could hang on or escape through) of a
// sensible size; anything else is simply not compared.
std::optional<std::string> previous_manifest(const std::string& dir, const std::string& manifest) {
  constexpr std::uintmax_t kMaxManifestBytes = 512u << 20;
  std::error_code ec;
  std::filesystem::path path = std::filesystem::path(dir) / manifest;
  std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec || size > kMaxManifestBytes) return {};
  return emit::io::read_regular_file(path);
}

// The warnings only a build can give: X004 (no `naming` choice) and, against
// the manifest the previous build left in the output directory, L002-L004
// (a stateful resource that would be destroyed).
void report_build_warnings(const BuildOptions& opt, const std::string& environment,
                           const estate::Estate& estate, const emit::FileRefs& files,
                           diag::DiagnosticSink& sink) {
  const model::Topology& topology = *estate.topology;
  lifecycle::report_suffix_not_chosen(topology, sink);
  // The manifest of this environment, where the previous build left it.
  const std::string manifest_path = emit::terraform_manifest_path(environment);
  std::optional<std::string> previous = previous_manifest(opt.output, manifest_path);
  if (!previous) return;
  auto current = std::find_if(files.begin(), files.end(),
                              [&](const emit::EmittedFile* f) { return f->path == manifest_path; });
  std::string manifest =
      current != files.end() ? (*current)->contents : emit::emit_terraform_manifest(estate);
  lifecycle::report_replacements(topology, *previous, manifest, sink);
}

// Text on stderr, or CI annotations on stdout (failures included).
void print_diagnostics(const BuildOptions& opt, const driver::CheckResult& result) {
  if (opt.format == "github" || opt.format == "azure-devops") {
    print_annotations(opt.format, result, sarif_root(opt.root));
  } else {
    print_text_diagnostics(result, use_color(opt.color));
  }
}

}  // namespace

CLI::App* add_build_command(CLI::App& app, BuildOptions& opt) {
  auto* cmd = app.add_subcommand(
      "build", "Check a topology, then generate its Terraform (and/or Bicep) into a directory");
  cmd->add_option("file", opt.file, "Topology file (.topo)")->required();
  cmd->add_option("-o,--output", opt.output, "Output directory (created if missing)")->required();
  cmd->add_option(
      "--env", opt.environment,
      "Environment to build, replacing the file's `environment` (lowercase letters, digits, "
      "`-`; at most 16)");
  auto* check =
      cmd->add_flag("--check", opt.check,
                    "Write nothing; exit 1 if this environment's and target's files in the output "
                    "directory differ from what would be generated, listing added, changed and "
                    "removed files");
  cmd->add_flag("--diff", opt.diff,
                "With --check: print a unified diff of the files that would be added, changed or "
                "removed (stdout; `patch -p1 -d DIR` applies it)")
      ->needs(check);
  cmd->add_flag("--dry-run", opt.dry_run,
                "Write nothing; list the files that would be written, with sizes")
      ->excludes(check);
  cmd->add_flag("--force", opt.force,
                "Write into an existing directory topoc did not create, or over files it did not "
                "generate");
  cmd->add_option("--format", opt.format,
                  "Report format: text or json (stdout); github or azure-devops print the "
                  "diagnostics as CI annotations on stdout, the report as text")
      ->check(CLI::IsMember({"text", "json", "github", "azure-devops"}))
      ->default_str("text");
  cmd->add_option("--root", opt.root,
                  "With --format github: directory file paths are relative to (default: the "
                  "repository around the current directory)");
  cmd->add_option("--target", opt.target,
                  "What to generate: terraform (azurerm 4.x), bicep (DIR/bicep/) or all")
      ->check(CLI::IsMember({"terraform", "bicep", "all"}))
      ->default_str("terraform");
  cmd->add_option("--color", opt.color, "Colour diagnostics: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->footer(
      "The topology is checked first; with any error nothing is written. The output is assembled "
      "in a\n"
      "temporary directory beside DIR and swapped in whole, so a failed build leaves the previous\n"
      "output as it was. One DIR holds several environments and both targets: topoc lists what "
      "each\n"
      "environment and target generated in DIR/.topoc-output, and a build replaces or removes "
      "only\n"
      "its own files (a module another environment still lists stays) and keeps everything else\n"
      "(.terraform/, lock files, your own notes). A non-empty DIR without that list is refused\n"
      "unless --force. Each environment's manifest is "
      "DIR/environments/<env>/topoc.manifest.json;\n"
      "its Bicep values are DIR/bicep/<env>.bicepparam.\n\n"
      "Exit codes: 0 written (or up to date with --check), 1 errors in the topology, output out "
      "of\n"
      "date (--check) or a failed write, 2 usage error or a file that cannot be read.\n\n"
      "Examples:\n"
      "  topoc build platform.topo -o infra                 # write infra/\n"
      "  topoc build platform.topo -o infra --env staging   # another environment, beside prod\n"
      "  topoc build platform.topo -o infra --target bicep  # the Bicep tree, beside Terraform\n"
      "  topoc build platform.topo -o infra --check         # CI: is infra/ up to date?\n"
      "  topoc build platform.topo -o infra --check --diff  # and what would change\n"
      "  topoc build platform.topo -o infra --dry-run       # what would be written\n"
      "  topoc build platform.topo -o infra --format json   # files with size and sha256");
  return cmd;
}

int run_build(const BuildOptions& opt) {
  bool json = opt.format == "json";
  if (!opt.environment.empty() && !model::valid_environment_name(opt.environment)) {
    std::cerr << environment_name_error(opt.environment);
    return kExitUsage;
  }
  // Only the environment being built decides whether it may be built.
  driver::CheckResult& result =
      kept_until_exit(driver::check_files({opt.file}, {.environment = opt.environment,
                                                       .every_environment = false,
                                                       .keep_estate = driver::KeptEstate::kWhole}));
  print_input_errors(result);
  bool clean = result.input_errors.empty() && result.sink.error_count() == 0 &&
               !result.models.empty() && result.models[0];
  // A clean topology's diagnostics wait for the build's own warnings.
  if (!json && !clean) print_diagnostics(opt, result);
  if (!result.input_errors.empty()) {
    if (json) print_json(json_report(opt, result, nullptr));
    return kExitUsage;
  }
  if (result.sink.error_count() > 0 || result.models.empty() || !result.models[0]) {
    if (json) {
      print_json(json_report(opt, result, nullptr));
    } else {
      std::cerr << "topoc: nothing written: fix the errors first\n";
    }
    return kExitFindings;
  }
  const model::Topology& topology = *result.models[0];
  std::string environment = opt.environment.empty() ? topology.environment.value : opt.environment;
  // Each target's files are recorded as written by this environment and
  // target, so other environments and targets in the directory are kept.
  emit::OwnedTrees trees;
  // Both targets render the one estate, the one the rules checked.
  const estate::Estate& estate = *result.estates[0];
  // A build that writes starts writing files as they are final; whatever
  // then stops it, the staging directory goes when `early` does.
  std::unique_ptr<emit::EarlyStaging> early;
  if (!opt.check && !opt.dry_run) early = emit::EarlyStaging::open(opt.output);
  if (opt.target != "bicep") {
    trees[{environment, "terraform"}] = emit::emit_terraform(estate, early.get());
  }
  if (opt.target != "terraform") {
    // The Bicep tree lives under bicep/, so the two never share a path.
    const emit::FileTree& bicep = trees[{environment, "bicep"}] = emit::emit_bicep(estate);
    // A tree past ARM's limits cannot deploy: X006/X007, and nothing written.
    emit::bicep::report_arm_limits(estate, bicep, result.sink);
  }
  emit::FileRefs files;  // into `trees`
  std::optional<std::string> invalid = emit::merge_trees(trees, files);
  if (!invalid) invalid = emit::check_tree_paths(files);
  report_build_warnings(opt, environment, estate, files, result.sink);
  result.sink.sort();
  if (!json) print_diagnostics(opt, result);
  if (result.sink.error_count() > 0) {
    if (json) {
      print_json(json_report(opt, result, nullptr));
    } else {
      std::cerr << "topoc: nothing written: fix the errors first\n";
    }
    return kExitFindings;
  }
  if (invalid) {
    std::cerr << fmt::format("topoc: error: {}\n", *invalid);
    return kExitFindings;
  }
  BuildReport report = make_report(opt, environment, trees, std::move(files));
  if (!opt.check && !opt.dry_run) {
    emit::WriteNotes notes;
    if (auto error = emit::write_tree_atomically(
            opt.output, trees, {.early = early.get(), .force = opt.force}, &notes)) {
      report.error = *error;
      std::cerr << fmt::format("topoc: error: {}\n", *error);
    } else {
      report.written = true;
    }
    print_write_notes(opt, notes);
  }
  if (json) {
    print_json(json_report(opt, result, &report));
  } else {
    print_text_report(opt, report);
  }
  if (!report.error.empty()) return kExitFindings;
  if (opt.check && !up_to_date(report)) return kExitFindings;
  return kExitClean;
}

}  // namespace topoc::cli
