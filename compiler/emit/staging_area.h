// The directories a build makes beside its output directory DIR: the new
// tree is assembled in `.DIR.topoc-new-<pid>-<n>`, and without atomic
// exchange the old tree waits in `.DIR.topoc-old-<pid>-<n>`. A killed build
// leaves them behind; the next build into DIR removes them.
//
// Builds beside one parent directory take turns: each holds an flock(2) on
// the parent while it writes, so a build that holds it knows that every
// staging directory it finds belongs to a build that is no longer running.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace topoc::emit {

// The prefix of the staging directories of output `name`, without the
// unique `-<pid>-<n>` suffix: kind is "new" or "old".
std::string staging_stem(const std::string& name, const std::string& kind);

class BuildLock {
 public:
  BuildLock() = default;
  BuildLock(const BuildLock&) = delete;
  BuildLock& operator=(const BuildLock&) = delete;
  BuildLock(BuildLock&& other) noexcept;
  BuildLock& operator=(BuildLock&& other) noexcept;
  ~BuildLock();

  // Waits for any other build writing beside `parent`, then holds the lock
  // until destroyed. Where the file system has no locks (some network file
  // systems) or the parent cannot be opened for reading, returns a lock that
  // is not held and no error: the build goes on, but leaves leftovers alone
  // since it cannot tell live builds from dead ones.
  static std::optional<std::string> acquire(const std::filesystem::path& parent, BuildLock& lock);

  bool held() const { return held_; }

 private:
  int fd_ = -1;
  bool held_ = false;
};

// Removes a staging directory (or an old tree moved out of place) with its
// `.topoc-output` last, so that a build killed while removing it leaves a
// directory the next build still recognises and finishes removing.
std::optional<std::string> remove_staging_directory(const std::filesystem::path& path);

struct Leftovers {
  std::vector<std::string> removed;  // names of the directories removed
  std::string restored;              // an old tree moved back to DIR, if any
};

// Removes the staging directories of output `name` in `parent` that killed
// builds left, and when `name` itself is missing because a build was killed
// between its two renames, moves the old tree back first. Only directories
// named as staging_stem() makes them, holding topoc's `.topoc-output` (or
// nothing at all), are touched. Call only while holding a BuildLock.
std::optional<std::string> clean_leftovers(const std::filesystem::path& parent,
                                           const std::string& name, Leftovers& done);

}  // namespace topoc::emit
