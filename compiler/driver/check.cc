#include "compiler/driver/check.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "compiler/model/build_model.h"
#include "compiler/rules/rules.h"
#include "dsl/parser.h"

namespace topoc::driver {

std::optional<std::string> read_file(const std::string& path, std::string& contents) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec) return ec.message();
  if (std::filesystem::is_directory(status)) return std::string("is a directory, not a topology file");
  if (!std::filesystem::is_regular_file(status) && !std::filesystem::is_fifo(status) &&
      !std::filesystem::is_character_file(status)) {
    return std::string("is not a regular file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::string(std::strerror(errno));
  contents.clear();
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

void check_source(CheckResult& result, std::string path, std::string text, const Overrides& overrides) {
  uint32_t index = static_cast<uint32_t>(result.files.size());
  result.files.emplace_back(std::move(path), std::move(text));
  const dsl::SourceFile& file = result.files.back();
  dsl::ParseResult parsed = dsl::parse(file);
  if (parsed.error) {
    const dsl::SyntaxError& e = *parsed.error;
    diag::Kind kind = e.kind == dsl::SyntaxErrorKind::kInvalidUtf8      ? diag::Kind::InvalidUtf8
                      : e.kind == dsl::SyntaxErrorKind::kNestingTooDeep ? diag::Kind::NestingTooDeep
                                                                        : diag::Kind::SyntaxError;
    auto& d = result.sink.report(kind, {index, e.span}, e.message);
    for (const dsl::SyntaxNote& n : e.notes) d.notes.push_back({{index, n.span}, n.message});
    result.models.emplace_back();
    return;
  }
  auto model = model::build_model(parsed.document, index, result.sink);
  if (model && !overrides.environment.empty()) model->environment.value = overrides.environment;
  if (model) rules::run_all(*model, result.sink);
  result.models.push_back(std::move(model));
}

CheckResult check_files(const std::vector<std::string>& paths, const Overrides& overrides) {
  CheckResult result;
  for (const std::string& path : paths) {
    std::string text;
    if (auto error = read_file(path, text)) {
      result.input_errors.push_back({path, *error});
      continue;
    }
    check_source(result, path, std::move(text), overrides);
  }
  result.sink.sort();
  return result;
}

}  // namespace topoc::driver
