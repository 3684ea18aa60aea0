// The in-place writes of `topoc fmt`, with compiler/emit/file_io's steps.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "compiler/emit/file_io.h"
#include "tools/cli_fmt.h"

namespace topoc::cli {
namespace {

namespace fs = std::filesystem;
namespace io = emit::io;

struct Staged {
  fs::path target;     // the file itself, symbolic links resolved
  fs::path temporary;  // beside it
};

std::optional<std::string> stage(const Replacement& r, int serial, Staged& staged) {
  std::error_code ec;
  staged.target = fs::canonical(r.path, ec);
  if (ec) return ec.message();
  struct stat st;
  if (::stat(staged.target.c_str(), &st) != 0) return std::string(std::strerror(errno));
  // A pipe or device read as a topology has no place beside it to write to.
  if (!S_ISREG(st.st_mode)) return std::string("not a regular file; format a stream with `-`");
  staged.temporary =
      staged.target.parent_path() /
      fmt::format(".{}.topoc-fmt-{}-{}", staged.target.filename().string(), ::getpid(), serial);
  std::optional<std::string> error = io::write_file(staged.temporary, r.contents);
  // Only root can give a file another owner; anyone else makes it their own.
  if (!error &&
      (::chmod(staged.temporary.c_str(), st.st_mode & 07777) != 0 ||
       (::geteuid() == 0 && ::chown(staged.temporary.c_str(), st.st_uid, st.st_gid) != 0))) {
    error = std::strerror(errno);
  }
  // A temporary file that exists is ours (write_file creates it exclusively).
  if (error && errno != EEXIST) fs::remove(staged.temporary, ec);
  return error;
}

}  // namespace

std::vector<WriteFailure> replace_files(const std::vector<Replacement>& replacements,
                                        std::vector<bool>& written) {
  std::vector<WriteFailure> failures;
  written.assign(replacements.size(), false);
  std::vector<Staged> staged(replacements.size());
  std::set<fs::path> directories;
  for (size_t i = 0; i < replacements.size(); ++i) {
    if (auto error = stage(replacements[i], static_cast<int>(i), staged[i])) {
      failures.push_back({replacements[i].path, *error});
      staged[i].temporary.clear();
    } else {
      directories.insert(staged[i].target.parent_path());
    }
  }
  if (failures.empty()) {
    for (const fs::path& directory : directories) {
      if (auto error = io::sync_file_system(directory)) {
        failures.push_back({directory.string(), *error});
        break;
      }
    }
  }
  // A file that cannot be staged (or flushed) leaves every file as it was;
  // once renaming starts, each rename stands on its own.
  const bool rename = failures.empty();
  for (size_t i = 0; i < staged.size(); ++i) {
    if (staged[i].temporary.empty()) continue;
    std::error_code ec;
    if (!rename) {
      fs::remove(staged[i].temporary, ec);
    } else if (auto error = io::rename_path(staged[i].temporary, staged[i].target)) {
      failures.push_back({replacements[i].path, *error});
      fs::remove(staged[i].temporary, ec);
    } else {
      written[i] = true;
    }
  }
  for (const fs::path& directory : rename ? directories : std::set<fs::path>{}) {
    if (auto error = io::sync_directory(directory)) {
      failures.push_back({directory.string(), *error});
    }
  }
  return failures;
}

}  // namespace topoc::cli
