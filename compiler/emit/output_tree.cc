#include "compiler/emit/output_tree.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string_view>

#include "compiler/emit/file_io.h"
#include "compiler/emit/flusher.h"
#include "compiler/emit/staging_area.h"

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

bool is_legacy(const Owner& owner) {
  return owner.environment.empty() && owner.target.empty();
}

// The files an existing record lists, from the point of view of one build.
struct Ownership {
  std::set<std::string> own;            // written before by this build's owners
  std::map<std::string, Owner> others;  // written by other builds: path -> one of them
};

Ownership split_record(const OutputRecord& record, const OwnedTrees& trees) {
  Ownership out;
  for (const auto& [owner, paths] : record) {
    bool mine = is_legacy(owner) || trees.count(owner);
    for (const std::string& p : paths) {
      if (mine) {
        out.own.insert(p);
      } else {
        out.others.emplace(p, owner);
      }
    }
  }
  return out;
}

OutputRecord next_record(OutputRecord record, const OwnedTrees& trees) {
  std::erase_if(record, [](const auto& entry) { return is_legacy(entry.first); });
  for (const auto& [owner, files] : trees) {
    std::set<std::string>& paths = record[owner];
    paths.clear();
    for (const EmittedFile& f : files) paths.insert(f.path);
  }
  return record;
}

std::string describe(const Owner& owner) {
  return fmt::format("environment `{}` ({})", owner.environment, owner.target);
}

}  // namespace

// Named, not anonymous: EarlyStaging::State holds one.
namespace detail {

struct Target {
  fs::path path;  // absolute, symbolic links resolved
  fs::path parent;
  std::string name;
  bool exists = false;
};

}  // namespace detail

namespace {

using detail::Target;

// Where `dir` is written; creates its parent unless told not to, and then
// fails where the parent is missing.
std::optional<std::string> resolve_target(const std::string& dir, Target& target,
                                          bool create_parent = true) {
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
  if (!target.exists && !create_parent && !fs::is_directory(fs::status(target.parent, ec))) {
    return fmt::format("`{}` does not exist", target.parent.string());
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
  ForeignScan(const fs::path& root, const Ownership& previous,
              const std::set<std::string>& generated)
      : root_(root), previous_(previous.own), others_(previous.others), generated_(generated) {
    generated_dirs_ = directories_of(generated);
    std::set<std::string> all = previous_;
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
      bool listed = previous_.count(child) || others_.count(child);
      if (is_dir && owned_dirs_.count(child)) {
        if (auto error = scan(child, out)) return error;
      } else if (!is_dir && generated_.count(child) && listed) {
        continue;  // generated before, by this build or another: replaced
      } else if (!is_dir && previous_.count(child) && !others_.count(child)) {
        continue;  // generated last time by this build only: dropped
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
  const std::map<std::string, Owner>& others_;
  const std::set<std::string>& generated_;
  std::set<std::string> generated_dirs_;
  std::set<std::string> owned_dirs_;
};

}  // namespace

// Named, not anonymous: EarlyStaging::State holds one.
namespace detail {

// Removes the temporary tree unless it was moved into place.
class StagingDirectory {
 public:
  explicit StagingDirectory(fs::path path) : path_(std::move(path)) {}
  StagingDirectory(const StagingDirectory&) = delete;
  StagingDirectory& operator=(const StagingDirectory&) = delete;
  ~StagingDirectory() {
    if (!path_.empty()) remove_staging_directory(path_);
  }
  const fs::path& path() const { return path_; }
  void installed() { path_.clear(); }

 private:
  fs::path path_;
};

}  // namespace detail

namespace {

using detail::StagingDirectory;

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

}  // namespace

// Named, not anonymous: EarlyStaging::State holds one.
namespace detail {

// A file EarlyStaging::put wrote: where, and which bytes.
struct EarlyFile {
  std::string path;
  const char* data;
  size_t size;
  bool holds(const EmittedFile& f) const {
    return f.path == path && f.contents.data() == data && f.contents.size() == size;
  }
};

}  // namespace detail

namespace {

using detail::EarlyFile;

// Removes a file written early, with the directories made for it alone, so
// that no empty one is left in the tree.
void remove_early_file(const fs::path& root, const std::string& path) {
  std::error_code ec;
  fs::remove(root / path, ec);
  for (fs::path d = (root / path).parent_path(); d != root && fs::remove(d, ec);) {
    d = d.parent_path();
  }
}

// What EarlyStaging wrote before the tree was complete, and the flush of it.
struct WrittenEarly {
  const std::vector<EarlyFile>& files;
  io::Flusher& flusher;
  bool flush_fails = false;  // WriteOptions::inject_failure "flush"
};

// `files` is sorted by path. With `early`, the staging directory holds
// already what it lists, the record among it (a placeholder, replaced here).
std::optional<std::string> stage(const StagingDirectory& staging, const std::string& dir,
                                 const Target& target, const FileRefs& files,
                                 const EmittedFile& marker, const std::vector<std::string>& kept,
                                 const std::optional<WrittenEarly>& early) {
  const fs::path& root = staging.path();
  // The record first: it marks the directory as topoc's staging tree should
  // this build be killed (staging_area.h). Written early, its placeholder
  // is replaced in place, so the directory is never without one.
  if (early) {
    if (auto error = io::overwrite_file(root / marker.path, marker.contents)) {
      return fmt::format("cannot write `{}`: {}", (fs::path(dir) / marker.path).generic_string(),
                         *error);
    }
  } else if (auto error = write_staged_file(root, dir, marker.path, marker.contents)) {
    return error;
  }
  // A file written early stays if the tree holds those very bytes there;
  // any other goes, and the tree's own file (if any) is written below.
  std::set<std::string_view> held;
  if (early) {
    for (const EarlyFile& e : early->files) {
      auto at =
          std::lower_bound(files.begin(), files.end(), e.path,
                           [](const EmittedFile* f, const std::string& p) { return f->path < p; });
      if (at != files.end() && e.holds(**at)) {
        held.insert(e.path);
      } else {
        remove_early_file(root, e.path);
      }
    }
  }
  for (const EmittedFile* f : files) {
    if (held.count(f->path)) continue;
    if (auto error = write_staged_file(root, dir, f->path, f->contents)) return error;
  }
  // Had a flush failed, the files it covered are written again, so that the
  // sync below reports what fails.
  if (early && (!early->flusher.finish() || early->flush_fails)) {
    for (const EmittedFile* f : files) {
      if (!held.count(f->path)) continue;
      remove_early_file(root, f->path);
      if (auto error = write_staged_file(root, dir, f->path, f->contents)) return error;
    }
  }
  struct stat old;
  bool has_old = target.exists && ::stat(target.path.c_str(), &old) == 0;
  // Run by root over a directory someone else owns (a CI container), the
  // generated files stay that owner's, as the directory does.
  if (has_old && ::geteuid() == 0 && (old.st_uid != 0 || old.st_gid != 0)) {
    if (auto error = io::change_owner(root, old.st_uid, old.st_gid)) {
      return fmt::format("cannot give the new output of `{}` its owner: {}", dir, *error);
    }
  }
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
  // The new directory takes the permissions of the one it replaces (after
  // the owner, which a chown may clear set-group-ID bits of).
  if (has_old && ::chmod(root.c_str(), old.st_mode & 07777) != 0) {
    return fmt::format("cannot give the new output of `{}` its mode: {}", dir,
                       std::strerror(errno));
  }
  // The new tree must be on disk before it replaces the old one.
  if (auto error = io::sync_file_system(root)) {
    return fmt::format("cannot flush the new output of `{}` to disk: {}", dir, *error);
  }
  return std::nullopt;
}

// Takes the build lock beside `target` and removes what killed builds left.
std::optional<std::string> lock_target(const std::string& dir, Target& target, BuildLock& lock,
                                       Leftovers& leftovers) {
  if (auto error = BuildLock::acquire(target.parent, lock)) {
    return fmt::format("cannot lock `{}` against other builds: {}", target.parent.string(), *error);
  }
  if (lock.held()) {
    if (auto error = clean_leftovers(target.parent, target.name, leftovers)) {
      return fmt::format("cannot clean up after an interrupted build of `{}`: {}", dir, *error);
    }
    std::error_code ec;
    target.exists = fs::is_directory(fs::status(target.path, ec));
  }
  return std::nullopt;
}

// Ends the process as a kill would, at the point a test names.
void injected_kill(const WriteOptions& options, std::string_view point) {
  if (options.inject_failure == point) ::kill(::getpid(), SIGKILL);
}

// Puts the staged tree where the old one was. Either the new tree ends up in
// place, or the old one is back where it was and an error is returned.
std::optional<std::string> install(StagingDirectory& staging, const std::string& dir,
                                   const Target& target, const WriteOptions& options,
                                   WriteNotes& notes) {
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
  bool no_exchange = options.inject_failure == "exchange" || options.inject_failure == "install" ||
                     options.inject_failure == "kill-aside";
  io::Exchange exchanged = no_exchange
                               ? io::Exchange::kUnsupported
                               : io::exchange_directories(staging.path(), target.path, reason);
  if (exchanged == io::Exchange::kFailed) return failed(reason);
  // The staging path now holds the old tree, which `staging` removes.
  if (exchanged == io::Exchange::kDone) {
    injected_kill(options, "kill-exchanged");
    return std::nullopt;
  }
  // No atomic exchange here: move the old tree aside, the new one in, and
  // the old one back if that fails. Between the two renames `dir` does not
  // exist; a build killed there leaves the old tree aside, and the next
  // build moves it back (clean_leftovers).
  fs::path aside;
  if (auto error =
          io::make_unique_directory(target.parent, staging_stem(target.name, "old"), aside)) {
    return failed(*error);
  }
  // rename(2) replaces the empty directory just made.
  if (auto error = io::rename_path(target.path, aside)) return failed(*error);
  notes.replaced_in_two_steps = true;
  injected_kill(options, "kill-aside");
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
  remove_staging_directory(aside);
  return std::nullopt;
}

// Paths of the new tree that another build wrote with other contents: writing
// them changes what that build's tree deploys.
std::vector<std::string> shared_conflicts(const fs::path& root, const FileRefs& files,
                                          const Ownership& previous, std::string& first_owner) {
  std::vector<std::string> out;
  for (const EmittedFile* f : files) {
    auto other = previous.others.find(f->path);
    if (other == previous.others.end()) continue;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(root / f->path, ec))) continue;
    if (io::read_regular_file(root / f->path) == f->contents) continue;
    if (out.empty()) first_owner = describe(other->second);
    out.push_back(f->path);
  }
  return out;
}

}  // namespace

struct EarlyStaging::State {
  std::string dir;  // as given to open()
  Target target;
  BuildLock lock;
  Leftovers leftovers;
  // What the lock or the leftovers failed with: the write reports it.
  std::optional<std::string> error;
  // Null when none could be made: the write then makes its own.
  std::unique_ptr<StagingDirectory> staging;
  std::vector<EarlyFile> files;
  // Declared last, so destroyed first: no flush outlives the directory.
  std::unique_ptr<io::Flusher> flusher;
};

EarlyStaging::EarlyStaging(std::unique_ptr<State> state) : state_(std::move(state)) {}
EarlyStaging::~EarlyStaging() = default;

std::unique_ptr<EarlyStaging> EarlyStaging::open(const std::string& dir) {
  auto state = std::make_unique<State>();
  state->dir = dir;
  if (resolve_target(dir, state->target, /*create_parent=*/false)) return nullptr;
  state->error = lock_target(dir, state->target, state->lock, state->leftovers);
  fs::path path;
  if (!state->error && !io::make_unique_directory(state->target.parent,
                                                  staging_stem(state->target.name, "new"), path)) {
    state->staging = std::make_unique<StagingDirectory>(path);
    // A record from the start marks the directory as a staging tree
    // (staging_area.h); the write replaces it with the real one.
    if (io::write_file(path / kOutputMarker, render_output_record({}))) state->staging.reset();
    if (state->staging) state->flusher = std::make_unique<io::Flusher>(path);
  }
  return std::make_unique<EarlyStaging>(std::move(state));
}

void EarlyStaging::put(std::string_view path, const std::string& contents) {
  State& s = *state_;
  if (!s.staging || path == kOutputMarker || !is_safe_relative_path(std::string(path))) return;
  for (const EarlyFile& e : s.files) {
    if (e.path == path) return;
  }
  const fs::path& root = s.staging->path();
  std::string rel(path);
  if (write_staged_file(root, s.dir, rel, contents)) {
    remove_early_file(root, rel);  // with any directory made for it
    return;
  }
  s.files.push_back({std::move(rel), contents.data(), contents.size()});
}

void EarlyStaging::flush() {
  if (state_->flusher) state_->flusher->request();
}

EmittedFile output_marker(const std::string& dir, const OwnedTrees& trees) {
  OutputRecord record = read_output_record(dir).value_or(OutputRecord{});
  return {kOutputMarker, render_output_record(next_record(std::move(record), trees))};
}

std::optional<std::string> merge_trees(const OwnedTrees& trees, FileRefs& merged) {
  std::map<std::string_view, const EmittedFile*> by_path;
  for (const auto& [owner, files] : trees) {
    for (const EmittedFile& f : files) {
      auto [it, inserted] = by_path.emplace(f.path, &f);
      if (!inserted && it->second->contents != f.contents) {
        return fmt::format("`{}` would be written twice with different contents", f.path);
      }
    }
  }
  merged.clear();
  for (const auto& [path, file] : by_path) merged.push_back(file);
  return std::nullopt;
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
  FileRefs refs;
  for (const EmittedFile& f : files) refs.push_back(&f);
  return check_tree_paths(refs);
}

std::optional<std::string> check_tree_paths(const FileRefs& files) {
  std::set<std::string> paths;
  for (const EmittedFile* f : files) {
    if (!is_safe_relative_path(f->path)) {
      return fmt::format(
          "refusing to write `{}`: not a plain relative path inside the output directory", f->path);
    }
    if (f->path == kOutputMarker)
      return fmt::format("`{}` is reserved for topoc's list of generated files", f->path);
    if (!paths.insert(f->path).second) return fmt::format("`{}` would be written twice", f->path);
  }
  for (const std::string& dir : directories_of(paths)) {
    if (paths.count(dir)) return fmt::format("`{}` would be both a file and a directory", dir);
  }
  return std::nullopt;
}

std::optional<std::string> write_tree_atomically(const std::string& dir, const OwnedTrees& trees,
                                                 const WriteOptions& options, WriteNotes* notes) {
  WriteNotes unused;
  WriteNotes& told = notes ? *notes : unused;
  FileRefs files;
  if (auto error = merge_trees(trees, files)) return error;
  if (auto error = check_tree_paths(files)) return error;
  EarlyStaging::State* early = options.early ? &options.early->state() : nullptr;
  // It holds the lock beside its own directory: taking it again would wait forever.
  if (early && early->dir != dir) {
    return fmt::format("cannot write `{}` in the staging directory opened for `{}`", dir,
                       early->dir);
  }
  Target target;
  if (auto error = resolve_target(dir, target)) return error;
  BuildLock lock;
  Leftovers leftovers;
  if (early) {
    // Locked and cleaned up when it was opened, and held locked since.
    if (early->error) return early->error;
    lock = std::move(early->lock);
    leftovers = early->leftovers;
  } else if (auto error = lock_target(dir, target, lock, leftovers)) {
    return error;
  }
  told.leftovers_removed = leftovers.removed;
  told.restored = leftovers.restored;

  std::set<std::string> generated;
  for (const EmittedFile* f : files) generated.insert(f->path);
  std::optional<OutputRecord> record;
  Ownership previous;
  ExistingFiles existing;
  if (target.exists) {
    record = read_output_record(target.path);
    std::error_code ec;
    if (!record && !fs::is_empty(target.path, ec) && !options.force) {
      return fmt::format(
          "`{}` is not empty and has no `{}`, so topoc did not create it; choose another "
          "directory, or use `--force` to write into it (other files are kept)",
          dir, kOutputMarker);
    }
    if (record) previous = split_record(*record, trees);
    if (auto error = ForeignScan(target.path, previous, generated).run(existing)) {
      return fmt::format("cannot read `{}`: {}", dir, *error);
    }
    if (!existing.overwritten.empty() && !options.force) {
      return fmt::format(
          "{} {} not generated by topoc and would be overwritten; move {} away or use `--force`",
          name_paths(dir, existing.overwritten), existing.overwritten.size() == 1 ? "was" : "were",
          existing.overwritten.size() == 1 ? "it" : "them");
    }
    std::string other;
    auto conflicts = shared_conflicts(target.path, files, previous, other);
    if (!conflicts.empty() && !options.force) {
      return fmt::format(
          "{} {} also generated for {} with other contents; build that environment with this "
          "topoc as well, or use `--force` to write {} (it then uses them too)",
          name_paths(dir, conflicts), conflicts.size() == 1 ? "is" : "are", other,
          conflicts.size() == 1 ? "it" : "them");
    }
  }
  EmittedFile marker{kOutputMarker,
                     render_output_record(next_record(record.value_or(OutputRecord{}), trees))};

  std::unique_ptr<StagingDirectory> made;
  if (early && early->staging) made = std::move(early->staging);
  std::optional<WrittenEarly> written_early;
  if (made) {
    written_early.emplace(
        WrittenEarly{early->files, *early->flusher, options.inject_failure == "flush"});
  }
  if (!made) {
    fs::path staging_path;
    if (auto error = io::make_unique_directory(target.parent, staging_stem(target.name, "new"),
                                               staging_path)) {
      return fmt::format("cannot create a temporary directory beside `{}`: {}", dir, *error);
    }
    made = std::make_unique<StagingDirectory>(staging_path);
  }
  StagingDirectory& staging = *made;
  if (auto error = stage(staging, dir, target, files, marker, existing.kept, written_early)) {
    return error;
  }
  if (options.inject_failure == "stage") return std::string("injected failure after staging");
  injected_kill(options, "kill-staged");
  if (auto error = install(staging, dir, target, options, told)) return error;
  // The rename itself must reach the disk for the new tree to survive a crash.
  if (auto error = io::sync_directory(target.parent)) {
    return fmt::format("cannot sync `{}`: {}", target.parent.string(), *error);
  }
  return std::nullopt;
}

TreeDifference compare_tree(const std::string& dir, const OwnedTrees& trees) {
  TreeDifference diff;
  FileRefs all;
  if (merge_trees(trees, all)) {
    for (const auto& [owner, files] : trees)
      for (const EmittedFile& f : files) diff.changed.push_back(f.path);
    return diff;
  }
  const EmittedFile marker = output_marker(dir, trees);
  all.push_back(&marker);
  std::sort(all.begin(), all.end(),
            [](const EmittedFile* a, const EmittedFile* b) { return a->path < b->path; });
  std::set<std::string> generated;
  for (const EmittedFile* file : all) {
    const EmittedFile& f = *file;
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
    } else if (fs::file_size(path, ec) != f.contents.size() ||
               io::read_regular_file(path) != f.contents) {
      diff.changed.push_back(f.path);
    }
  }
  if (auto record = read_output_record(dir)) {
    Ownership previous = split_record(*record, trees);
    for (const std::string& p : previous.own) {
      std::error_code ec;
      if (!generated.count(p) && !previous.others.count(p) &&
          fs::exists(fs::symlink_status(fs::path(dir) / p, ec)))
        diff.removed.push_back(p);
    }
  }
  return diff;
}

}  // namespace topoc::emit
