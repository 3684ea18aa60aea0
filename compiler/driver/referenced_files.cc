#include "compiler/driver/referenced_files.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "dsl/parser.h"

namespace topoc::driver {
namespace {

namespace fs = std::filesystem;

// The file's bytes, or why they cannot be used.
std::optional<std::string> read_runbook(const fs::path& path, std::string& contents) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return std::string("no such file");
  if (fs::is_directory(status)) return std::string("it is a directory");
  if (!fs::is_regular_file(status)) return std::string("it is not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::string(std::strerror(errno));
  char buffer[1 << 14];
  contents.clear();
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    contents.append(buffer, static_cast<size_t>(in.gcount()));
    if (contents.size() > kMaxRunbookBytes) {
      return fmt::format("it is larger than {} bytes, the most Bicep's loadTextContent reads",
                         kMaxRunbookBytes);
    }
  }
  if (in.bad()) return std::string("read error");
  if (contents.empty()) return std::string("it is empty, and azurerm refuses an empty runbook");
  if (auto at = dsl::find_invalid_utf8(contents)) {
    return fmt::format("it is not UTF-8 text (byte {} is not)", *at + 1);
  }
  return std::nullopt;
}

}  // namespace

void read_referenced_files(model::Topology& t, const std::string& dir, diag::DiagnosticSink& sink) {
  for (model::Region& region : t.regions) {
    if (!region.automation) continue;
    for (model::Runbook& rb : region.automation->runbooks) {
      if (rb.file.value.empty()) continue;
      fs::path path = fs::path(rb.file.value);
      if (path.is_relative() && !dir.empty()) path = fs::path(dir) / path;
      std::string contents;
      if (auto error = read_runbook(path, contents)) {
        sink.report(diag::Kind::RunbookFileUnusable, rb.file.location,
                    fmt::format("runbook `{}` cannot use `{}`: {}", rb.name, rb.file.value, *error))
            .help =
            "`file` is read relative to the topology file; point it at the runbook's "
            "script";
        continue;
      }
      rb.content = std::move(contents);
      rb.content_read = true;
    }
  }
}

}  // namespace topoc::driver
