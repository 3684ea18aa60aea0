#include "compiler/driver/check.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "compiler/driver/referenced_files.h"
#include "compiler/model/build_model.h"
#include "compiler/model/environments.h"
#include "compiler/rules/rules.h"
#include "dsl/parser.h"

namespace topoc::driver {

namespace {

// Reads to the end of `in`, refusing more than kMaxInputBytes. `expected`:
// the size the file has now, reserved so that a large file is not copied as
// the string grows (a file that grows meanwhile still reads whole).
std::optional<std::string> read_stream(std::istream& in, std::string& contents,
                                       uintmax_t expected = 0) {
  contents.clear();
  contents.reserve(static_cast<size_t>(std::min<uintmax_t>(expected, kMaxInputBytes + 1)));
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    contents.append(buffer, static_cast<size_t>(in.gcount()));
    if (contents.size() > kMaxInputBytes) {
      return fmt::format("is larger than {} MiB; a topology file is expected to be small",
                         kMaxInputBytes >> 20);
    }
  }
  if (in.bad()) return std::string("read error");
  return std::nullopt;
}

// Copies the findings of environment `name` that the base run did not
// report (same code, place and message), each marked with the environment.
void report_environment_findings(diag::DiagnosticSink& into, const diag::DiagnosticSink& env,
                                 std::string_view name) {
  auto same = [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
    return a.kind == b.kind && a.location.file == b.location.file &&
           a.location.span.begin == b.location.span.begin && a.message == b.message;
  };
  std::vector<diag::Diagnostic> base = into.diagnostics();
  for (const diag::Diagnostic& d : env.diagnostics()) {
    if (std::any_of(base.begin(), base.end(), [&](const auto& b) { return same(b, d); })) continue;
    bool named = d.message.find(fmt::format("environment `{}`", name)) != std::string::npos;
    auto& copy = into.report(
        d.kind, d.location,
        named ? d.message : fmt::format("{} (in environment `{}`)", d.message, name));
    copy.notes = d.notes;
    copy.fixit = d.fixit;
    copy.help = d.help;
  }
}

}  // namespace

std::string display_path(const std::string& path) {
  return path == kStdinPath ? std::string(kStdinName) : path;
}

std::optional<std::string> read_file(const std::string& path, std::string& contents) {
  if (path == kStdinPath) {
    // A closed or unreadable standard input reads as empty through iostreams;
    // say what it is instead.
    struct stat st;
    if (::fstat(STDIN_FILENO, &st) != 0) return std::string(std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return std::string("is a directory, not a topology file");
    auto error = read_stream(std::cin, contents);
    if (!error && std::ferror(stdin)) return std::string(std::strerror(errno));
    return error;
  }
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec) return ec.message();
  if (std::filesystem::is_directory(status))
    return std::string("is a directory, not a topology file");
  if (!std::filesystem::is_regular_file(status) && !std::filesystem::is_fifo(status) &&
      !std::filesystem::is_character_file(status)) {
    return std::string("is not a regular file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::string(std::strerror(errno));
  uintmax_t size =
      std::filesystem::is_regular_file(status) ? std::filesystem::file_size(path, ec) : 0;
  return read_stream(in, contents, ec ? 0 : size);
}

void check_source(CheckResult& result, std::string path, std::string text, const Overrides& overrides) {
  // Editors that save "UTF-8 with BOM" put U+FEFF first. It is no part of the
  // topology, and without it columns on line 1 are the ones the editor shows.
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  uint32_t index = static_cast<uint32_t>(result.files.size());
  result.files.emplace_back(std::move(path), std::move(text));
  const dsl::SourceFile& file = result.files.back();
  dsl::ParseResult parsed = dsl::parse(file);
  if (parsed.error) {
    const dsl::SyntaxError& e = *parsed.error;
    diag::Kind kind = e.kind == dsl::SyntaxErrorKind::kInvalidUtf8      ? diag::Kind::InvalidUtf8
                      : e.kind == dsl::SyntaxErrorKind::kNestingTooDeep ? diag::Kind::NestingTooDeep
                      : e.kind == dsl::SyntaxErrorKind::kUtf16          ? diag::Kind::Utf16Encoding
                      : e.kind == dsl::SyntaxErrorKind::kCarriageReturn
                          ? diag::Kind::CarriageReturnLineEndings
                          : diag::Kind::SyntaxError;
    auto& d = result.sink.report(kind, {index, e.span}, e.message);
    for (const dsl::SyntaxNote& n : e.notes) d.notes.push_back({{index, n.span}, n.message});
    d.help = e.help;
    result.models.emplace_back();
    result.estates.emplace_back();
    result.documents.emplace_back();
    return;
  }
  // Kept in the result, where a caller may free it at exit; moving the
  // document leaves its nodes where they are.
  const dsl::Document& document = result.documents.emplace_back(std::move(parsed.document));
  model::Environments envs = model::declared_environments(document, index, result.sink);
  const model::Environment* chosen = nullptr;
  if (!overrides.environment.empty() && overrides.environment != envs.base) {
    for (const model::Environment& e : envs.declared) {
      if (e.name == overrides.environment) chosen = &e;
    }
    if (!chosen && !envs.declared.empty()) {
      std::string names = fmt::format("`{}` (the topology's own)", envs.base);
      for (const model::Environment& e : envs.declared) names += fmt::format(", `{}`", e.name);
      result.sink
          .report(diag::Kind::UnknownEnvironment, envs.topology,
                  fmt::format("`--env {}`: the topology declares no environment `{}`; it has {}",
                              overrides.environment, overrides.environment, names))
          .help = fmt::format("add `environment \"{}\" {{ ... }}` to the topology, or build one of "
                              "those",
                              overrides.environment);
      result.models.emplace_back();
      result.estates.emplace_back();
      return;
    }
  }
  // A topology without environment blocks is built from as parsed: copying
  // its syntax tree is a tenth of a large check.
  std::optional<dsl::Document> merged;
  if (chosen || model::has_environment_blocks(document)) {
    merged = model::effective_document(document, chosen, index, result.sink);
  }
  auto model = model::build_model(merged ? *merged : document, index, result.sink);
  if (model && !overrides.environment.empty()) model->environment.value = overrides.environment;
  if (model) {
    std::string dir = overrides.files_dir;
    if (dir.empty() && file.path() != kStdinName) {
      dir = std::filesystem::path(file.path()).parent_path().string();
    }
    read_referenced_files(*model, dir, result.sink);
  }
  // The model is checked where it stays, since a kept estate points into it.
  const std::optional<model::Topology>& checked = result.models.emplace_back(std::move(model));
  std::optional<estate::Estate>& estate = result.estates.emplace_back();
  if (checked && overrides.keep_estate != KeptEstate::kNone) {
    estate = rules::run_all_keeping_estate(
        *checked,
        {.environment = overrides.environment,
         .placements_only = overrides.keep_estate == KeptEstate::kPlacements},
        result.sink);
  } else if (checked) {
    rules::run_all(*checked, result.sink);
  }
  if (!overrides.environment.empty() || !overrides.every_environment) return;
  // Each declared environment is checked as built; what it adds to the
  // findings above is reported with its name.
  for (const model::Environment& env : envs.declared) {
    diag::DiagnosticSink sink;
    dsl::Document merged_env = model::effective_document(document, &env, index, sink);
    if (auto m = model::build_model(merged_env, index, sink)) {
      m->environment.value = env.name;
      rules::run_all(*m, sink);
    }
    report_environment_findings(result.sink, sink, env.name);
  }
}

CheckResult check_files(const std::vector<std::string>& paths, const Overrides& overrides) {
  CheckResult result;
  for (const std::string& path : paths) {
    std::string text;
    if (auto error = read_file(path, text)) {
      result.input_errors.push_back({display_path(path), *error});
      continue;
    }
    check_source(result, display_path(path), std::move(text), overrides);
  }
  result.sink.sort();
  return result;
}

}  // namespace topoc::driver
