// `topoc build`: check, emit, and write the output tree atomically (or
// compare it with what is on disk, or list what would be written).
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/output_tree.h"
#include "compiler/emit/sha256.h"
#include "compiler/emit/terraform/emit_terraform.h"
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
  emit::FileTree files;  // with the marker, sorted by path
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

BuildReport make_report(const BuildOptions& opt, std::string environment, emit::FileTree files) {
  BuildReport r;
  r.mode = opt.check ? "check" : opt.dry_run ? "dry-run" : "write";
  r.environment = std::move(environment);
  emit::TreeDifference diff = emit::compare_tree(opt.output, files);
  files.push_back(emit::output_marker(files));
  std::sort(files.begin(), files.end(),
            [](const emit::EmittedFile& a, const emit::EmittedFile& b) { return a.path < b.path; });
  for (const auto& f : files) {
    r.bytes += f.contents.size();
    r.status[f.path] = FileStatus::kUnchanged;
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

void print_text_report(const BuildOptions& opt, const BuildReport& r) {
  if (r.mode == "dry-run") {
    for (const auto& f : r.files) {
      std::cout << fmt::format("{:>10}  {:<9}  {}\n", f.contents.size(),
                               to_string(r.status.at(f.path)), f.path);
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
    for (const auto& f : r.files) {
      FileStatus s = r.status.at(f.path);
      if (s != FileStatus::kUnchanged) std::cout << fmt::format("{:<8} {}\n", to_string(s), f.path);
    }
    for (const auto& p : r.removed) std::cout << fmt::format("{:<8} {}\n", "removed", p);
    std::cout << fmt::format(
        "`{}` is out of date: {} added, {} changed, {} removed; run `topoc build {} -o {}{}` to "
        "update it\n",
        opt.output, r.added, r.changed, r.removed.size(), opt.file, opt.output,
        opt.environment.empty() ? "" : " --env " + opt.environment);
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
  j["command"] = "build";
  j["target"] = opt.target;
  j["output"] = opt.output;
  j["mode"] = opt.check ? "check" : opt.dry_run ? "dry-run" : "write";
  if (r) j["environment"] = r->environment;
  Json files = Json::array();
  if (r) {
    for (const auto& f : r->files) {
      files.push_back({{"path", f.path},
                       {"size", f.contents.size()},
                       {"sha256", emit::sha256_hex(f.contents)},
                       {"status", to_string(r->status.at(f.path))}});
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
  return j;
}

void print_json(const Json& j) {
  std::cout << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace

CLI::App* add_build_command(CLI::App& app, BuildOptions& opt) {
  auto* cmd =
      app.add_subcommand("build", "Check a topology, then generate its Terraform (and/or Bicep) into a directory");
  cmd->add_option("file", opt.file, "Topology file (.topo)")->required();
  cmd->add_option("-o,--output", opt.output, "Output directory (created if missing)")->required();
  cmd->add_option(
      "--env", opt.environment,
      "Environment to build, replacing the file's `environment` (lowercase letters, digits, "
      "`-`; at most 16)");
  auto* check =
      cmd->add_flag("--check", opt.check,
                    "Write nothing; exit 1 if the output directory differs from what would be "
                    "generated, listing added, changed and removed files");
  cmd->add_flag("--dry-run", opt.dry_run,
                "Write nothing; list the files that would be written, with sizes")
      ->excludes(check);
  cmd->add_flag("--force", opt.force,
                "Write into an existing directory topoc did not create, or over files it did not "
                "generate");
  cmd->add_option("--format", opt.format, "Report format: text or json (stdout)")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
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
      "output as it was. topoc lists what it generated in DIR/.topoc-output: the next build "
      "replaces\n"
      "those files and keeps everything else (.terraform/, lock files, your own notes). A "
      "non-empty\n"
      "DIR without that list is refused unless --force.\n\n"
      "Exit codes: 0 written (or up to date with --check), 1 errors in the topology, output out "
      "of\n"
      "date (--check) or a failed write, 2 usage error or a file that cannot be read.\n\n"
      "Examples:\n"
      "  topoc build platform.topo -o infra                 # write infra/\n"
      "  topoc build platform.topo -o infra --env staging   # another environment\n"
      "  topoc build platform.topo -o infra --check         # CI: is infra/ up to date?\n"
      "  topoc build platform.topo -o infra --dry-run       # what would be written\n"
      "  topoc build platform.topo -o infra --format json   # files with size and sha256");
  return cmd;
}

int run_build(const BuildOptions& opt) {
  bool json = opt.format == "json";
  if (!opt.environment.empty() && !valid_environment_name(opt.environment)) {
    std::cerr << environment_name_error(opt.environment);
    return kExitUsage;
  }
  auto result = driver::check_files({opt.file}, {opt.environment});
  print_input_errors(result);
  if (!json) print_text_diagnostics(result, use_color(opt.color));
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
  emit::FileTree files;
  if (opt.target != "bicep") files = emit::emit_terraform(topology, {opt.environment});
  if (opt.target != "terraform") {
    // The Bicep tree lives under bicep/, so the two never share a path.
    emit::FileTree bicep = emit::emit_bicep(topology, {opt.environment});
    files.insert(files.end(), bicep.begin(), bicep.end());
    std::sort(files.begin(), files.end(),
              [](const emit::EmittedFile& a, const emit::EmittedFile& b) { return a.path < b.path; });
  }
  if (auto error = emit::check_tree_paths(files)) {
    std::cerr << fmt::format("topoc: error: {}\n", *error);
    return kExitFindings;
  }
  BuildReport report = make_report(opt, environment, files);
  if (!opt.check && !opt.dry_run) {
    if (auto error = emit::write_tree_atomically(opt.output, files, {.force = opt.force})) {
      report.error = *error;
      std::cerr << fmt::format("topoc: error: {}\n", *error);
    } else {
      report.written = true;
    }
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
