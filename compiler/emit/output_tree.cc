#include "compiler/emit/output_tree.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "compiler/emit/file_io.h"

namespace topoc::emit {
namespace {

namespace fs = std::filesystem;

// Paths named in one error message; the rest are counted.
constexpr size_t kMaxNamed = 3;

std::string name_paths(const std::string& dir, const std::vector<std::string>& paths) {
  std::string out;
  for (size_t i = 0; i < paths.size() && i < kMaxNamed; ++i) {
    if (i > 0) out += ", ";
    out += fmt::format("`{}`", (fs::path(dir) / paths[i]).generic_string());
  }
  if (paths.size() > kMaxNamed) out += fmt::format(" and {} more", paths.size() - kMaxNamed);
  return out;
}

// Every directory that must exist to hold `paths`: "a/b/c" needs "a" and "a/b".
std::set<std::string> directories_of(const std::set<std::string>& paths) {
  std::set<std::string> dirs;
  for (const std::string& p : paths) {
    for (size_t slash = p.find('/'); slash != std::string::npos; slash = p.find('/', slash + 1)) {
      dirs.insert(p.substr(0, slash));
    }
  }
  return dirs;
}

std::string marker_text(const FileTree& files) {
  std::string out =
      "# The files topoc generated in this directory, one per line. The next\n"
      "# `topoc build` replaces or removes them and keeps every other file.\n";
  std::vector<std::string> paths;
  for (const EmittedFile& f : files) paths.push_back(f.path);
  std::sort(paths.begin(), paths.end());
  for (const std::string& p : paths) out += p + "\n";
  return out;
}

// The paths a previous build listed in its marker; nothing if there is none.
std::optional<std::set<std::string>> read_marker(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(dir / kOutputMarker, ec))) return std::nullopt;
  auto text = io::read_file(dir / kOutputMarker);
  if (!text) return std::nullopt;
  std::set<std::string> paths;
  size_t begin = 0;
  while (begin < text->size()) {
    size_t end = text->find('\n', begin);
    if (end == std::string::npos) end = text->size();
    std::string line = text->substr(begin, end - begin);
    // A hand-edited marker cannot make topoc look outside the directory.
    if (!line.empty() && line[0] != '#' && is_safe_relative_path(line)) paths.insert(line);
    begin = end + 1;
  }
  return paths;
}

struct Target {
  fs::path path;  // absolute, symbolic links resolved
  fs::path parent;
  std::string name;
  bool exists = false;
};

std::optional<std::string> resolve_target(const std::string& dir, Target& target) {
  if (dir.empty()) return std::string("the output directory is empty");
  std::error_code ec;
  fs::path path = dir;
  if (fs::is_symlink(fs::symlink_status(path, ec))) {
    path = fs::canonical(path, ec);
    if (ec) return fmt::format("`{}` is a symbolic link to nothing usable: {}", dir, ec.message());
  }
  path = fs::absolute(path, ec).lexically_normal();
  if (ec) return fmt::format("`{}`: {}", dir, ec.message());
  if (!path.has_filename()) path = path.parent_path();
  if (path == path.root_path()) return fmt::format("cannot use `{}` as the output directory", dir);
  target.path = path;
  target.parent = path.parent_path();
  target.name = path.filename().string();
  auto status = fs::status(path, ec);
  target.exists = fs::exists(status);
  if (target.exists && !fs::is_directory(status)) {
    return fmt::format("`{}` exists and is not a directory", dir);
  }
  if (!target.exists) {
    fs::create_directories(target.parent, ec);
    if (ec) return fmt::format("cannot create `{}`: {}", target.parent.string(), ec.message());
  }
  return std::nullopt;
}

// What an existing output directory holds besides the previous build's files.
struct ExistingFiles {
  std::vector<std::string> kept;         // not topoc's; carried into the new tree
  std::vector<std::string> overwritten;  // not topoc's, but where a generated file goes
};

class ForeignScan {
 public:
  ForeignScan(const fs::path& root, const std::set<std::string>& previous,
              const std::set<std::string>& generated)
      : root_(root), previous_(previous), generated_(generated) {
    generated_dirs_ = directories_of(generated);
    std::set<std::string> all = previous;
    all.insert(generated.begin(), generated.end());
    owned_dirs_ = directories_of(all);
  }

  std::optional<std::string> run(ExistingFiles& out) { return scan("", out); }

 private:
  std::optional<std::string> scan(const std::string& rel, ExistingFiles& out) {
    std::error_code ec;
    std::vector<std::string> names;
    for (fs::directory_iterator it(root_ / rel, ec), end; !ec && it != end; it.increment(ec)) {
      names.push_back(it->path().filename().string());
    }
    if (ec) return ec.message();
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      if (rel.empty() && name == kOutputMarker) continue;
      std::string child = rel.empty() ? name : rel + "/" + name;
      bool is_dir = fs::is_directory(fs::symlink_status(root_ / child, ec));
      if (is_dir && owned_dirs_.count(child)) {
        if (auto error = scan(child, out)) return error;
      } else if (!is_dir && previous_.count(child)) {
        continue;  // generated last time: replaced or dropped
      } else if (in_the_way(child, is_dir)) {
        out.overwritten.push_back(child);
      } else {
        out.kept.push_back(child);
      }
    }
    return std::nullopt;
  }

  bool in_the_way(const std::string& path, bool is_dir) const {
    if (generated_.count(path) || (!is_dir && generated_dirs_.count(path))) return true;
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      if (generated_.count(path.substr(0, slash))) return true;
    }
    return false;
  }

  fs::path root_;
  const std::set<std::string>& previous_;
  const std::set<std::string>& generated_;
  std::set<std::string> generated_dirs_;
  std::set<std::string> owned_dirs_;
};

// Removes the temporary tree unless it was moved into place.
class StagingDirectory {
 public:
  explicit StagingDirectory(fs::path path) : path_(std::move(path)) {}
  StagingDirectory(const StagingDirectory&) = delete;
  StagingDirectory& operator=(const StagingDirectory&) = delete;
  ~StagingDirectory() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  void installed() { path_.clear(); }

 private:
  fs::path path_;
};

std::optional<std::string> write_staged_file(const fs::path& root, const std::string& dir,
                                             const std::string& rel, std::string_view contents) {
  fs::path path = root / rel;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    return fmt::format("cannot create the directory of `{}`: {}",
                       (fs::path(dir) / rel).generic_string(), ec.message());
  if (auto error = io::write_file(path, contents)) {
    return fmt::format("cannot write `{}`: {}", (fs::path(dir) / rel).generic_string(), *error);
  }
  return std::nullopt;
}

std::optional<std::string> stage(const StagingDirectory& staging, const std::string& dir,
                                 const Target& target, const FileTree& files,
                                 const std::vector<std::string>& kept) {
  const fs::path& root = staging.path();
  for (const EmittedFile& f : files) {
    if (auto error = write_staged_file(root, dir, f.path, f.contents)) return error;
  }
  EmittedFile marker = output_marker(files);
  if (auto error = write_staged_file(root, dir, marker.path, marker.contents)) return error;
  for (const std::string& rel : kept) {
    std::error_code ec;
    fs::create_directories((root / rel).parent_path(), ec);
    std::optional<std::string> error;
    if (ec) error = ec.message();
    if (!error) error = io::carry_over(target.path / rel, root / rel);
    if (error) {
      return fmt::format("cannot keep `{}` in the new output: {}",
                         (fs::path(dir) / rel).generic_string(), *error);
    }
  }
  if (target.exists) {
    // The new directory takes the permissions of the one it replaces.
    struct stat st;
    if (::stat(target.path.c_str(), &st) == 0) ::chmod(root.c_str(), st.st_mode & 07777);
  }
  // The new tree must be on disk before it replaces the old one.
  if (auto error = io::sync_file_system(root)) {
    return fmt::format("cannot flush the new output of `{}` to disk: {}", dir, *error);
  }
  return std::nullopt;
}

// Puts the staged tree where the old one was. Either the new tree ends up in
// place, or the old one is back where it was and an error is returned.
std::optional<std::string> install(StagingDirectory& staging, const std::string& dir,
                                   const Target& target, const WriteOptions& options) {
  auto failed = [&](const std::string& reason) {
    return fmt::format("cannot move the new output into `{}`: {}", dir, reason);
  };
  if (!target.exists) {
    if (options.inject_failure == "install") return failed("injected failure");
    if (auto error = io::rename_path(staging.path(), target.path)) return failed(*error);
    staging.installed();
    return std::nullopt;
  }
  std::string reason;
  bool no_exchange = options.inject_failure == "exchange" || options.inject_failure == "install";
  io::Exchange exchanged = no_exchange
                               ? io::Exchange::kUnsupported
                               : io::exchange_directories(staging.path(), target.path, reason);
  if (exchanged == io::Exchange::kFailed) return failed(reason);
  // The staging path now holds the old tree, which `staging` removes.
  if (exchanged == io::Exchange::kDone) return std::nullopt;
  // No atomic exchange here: move the old tree aside, the new one in, and
  // the old one back if that fails.
  fs::path aside;
  if (auto error =
          io::make_unique_directory(target.parent, "." + target.name + ".topoc-old", aside)) {
    return failed(*error);
  }
  // rename(2) replaces the empty directory just made.
  if (auto error = io::rename_path(target.path, aside)) return failed(*error);
  std::optional<std::string> error;
  if (options.inject_failure == "install") {
    error = "injected failure";
  } else {
    error = io::rename_path(staging.path(), target.path);
  }
  if (error) {
    if (auto restore = io::rename_path(aside, target.path)) {
      return fmt::format(
          "cannot move the new output into `{}`: {}; the previous output is in `{}` ({})", dir,
          *error, aside.string(), *restore);
    }
    return failed(*error);
  }
  staging.installed();
  std::error_code ec;
  fs::remove_all(aside, ec);
  return std::nullopt;
}

}  // namespace

EmittedFile output_marker(const FileTree& files) {
  return {kOutputMarker, marker_text(files)};
}

bool is_safe_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\\' || u < 0x20 || u == 0x7f) return false;
  }
  size_t begin = 0;
  while (true) {
    size_t end = path.find('/', begin);
    std::string_view part =
        std::string_view(path).substr(begin, end == std::string::npos ? end : end - begin);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == std::string::npos) return true;
    begin = end + 1;
  }
}

std::optional<std::string> check_tree_paths(const FileTree& files) {
  std::set<std::string> paths;
  for (const EmittedFile& f : files) {
    if (!is_safe_relative_path(f.path)) {
      return fmt::format(
          "refusing to write `{}`: not a plain relative path inside the output directory", f.path);
    }
    if (f.path == kOutputMarker)
      return fmt::format("`{}` is reserved for topoc's list of generated files", f.path);
    if (!paths.insert(f.path).second) return fmt::format("`{}` would be written twice", f.path);
  }
  for (const std::string& dir : directories_of(paths)) {
    if (paths.count(dir)) return fmt::format("`{}` would be both a file and a directory", dir);
  }
  return std::nullopt;
}

std::optional<std::string> write_tree_atomically(const std::string& dir, const FileTree& files,
                                                 const WriteOptions& options) {
  if (auto error = check_tree_paths(files)) return error;
  Target target;
  if (auto error = resolve_target(dir, target)) return error;

  std::set<std::string> generated;
  for (const EmittedFile& f : files) generated.insert(f.path);
  ExistingFiles existing;
  if (target.exists) {
    auto previous = read_marker(target.path);
    std::error_code ec;
    if (!previous && !fs::is_empty(target.path, ec) && !options.force) {
      return fmt::format(
          "`{}` is not empty and has no `{}`, so topoc did not create it; choose another "
          "directory, "
          "or use `--force` to write into it (other files are kept)",
          dir, kOutputMarker);
    }
    if (auto error = ForeignScan(target.path, previous.value_or(std::set<std::string>{}), generated)
                         .run(existing)) {
      return fmt::format("cannot read `{}`: {}", dir, *error);
    }
    if (!existing.overwritten.empty() && !options.force) {
      return fmt::format(
          "{} {} not generated by topoc and would be overwritten; move {} away or use `--force`",
          name_paths(dir, existing.overwritten), existing.overwritten.size() == 1 ? "was" : "were",
          existing.overwritten.size() == 1 ? "it" : "them");
    }
  }

  fs::path staging_path;
  if (auto error = io::make_unique_directory(target.parent, "." + target.name + ".topoc-new",
                                             staging_path)) {
    return fmt::format("cannot create a temporary directory beside `{}`: {}", dir, *error);
  }
  StagingDirectory staging(staging_path);
  if (auto error = stage(staging, dir, target, files, existing.kept)) return error;
  if (options.inject_failure == "stage") return std::string("injected failure after staging");
  if (auto error = install(staging, dir, target, options)) return error;
  // The rename itself must reach the disk for the new tree to survive a crash.
  if (auto error = io::sync_directory(target.parent)) {
    return fmt::format("cannot sync `{}`: {}", target.parent.string(), *error);
  }
  return std::nullopt;
}

TreeDifference compare_tree(const std::string& dir, const FileTree& files) {
  TreeDifference diff;
  FileTree all = files;
  all.push_back(output_marker(files));
  std::sort(all.begin(), all.end(),
            [](const EmittedFile& a, const EmittedFile& b) { return a.path < b.path; });
  std::set<std::string> generated;
  for (const EmittedFile& f : all) {
    generated.insert(f.path);
    if (!is_safe_relative_path(f.path)) {
      diff.changed.push_back(f.path);
      continue;
    }
    fs::path path = fs::path(dir) / f.path;
    std::error_code ec;
    auto status = fs::symlink_status(path, ec);
    if (!fs::exists(status)) {
      diff.added.push_back(f.path);
    } else if (!fs::is_regular_file(status)) {
      diff.changed.push_back(f.path);
    } else if (fs::file_size(path, ec) != f.contents.size() || io::read_file(path) != f.contents) {
      diff.changed.push_back(f.path);
    }
  }
  if (auto previous = read_marker(dir)) {
    for (const std::string& p : *previous) {
      std::error_code ec;
      if (!generated.count(p) && fs::exists(fs::symlink_status(fs::path(dir) / p, ec)))
        diff.removed.push_back(p);
    }
  }
  return diff;
}

}  // namespace topoc::emit
