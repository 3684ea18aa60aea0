#include "compiler/emit/staging_area.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "compiler/emit/output_record.h"

namespace topoc::emit {
namespace {

namespace fs = std::filesystem;

// `rest` is `<digits>-<digits>`, the suffix make_unique_directory adds.
bool is_unique_suffix(std::string_view rest) {
  size_t dash = rest.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == rest.size()) return false;
  auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  return digits(rest.substr(0, dash)) && digits(rest.substr(dash + 1));
}

// A directory (not a link to one) holding topoc's record, or nothing.
bool looks_like_staging(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(path, ec))) return false;
  if (fs::is_empty(path, ec) && !ec) return true;
  return fs::is_regular_file(fs::symlink_status(path / kOutputMarker, ec));
}

}  // namespace

std::optional<std::string> remove_staging_directory(const fs::path& path) {
  std::error_code ec;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() != kOutputMarker) entries.push_back(it->path());
  }
  if (ec) return ec.message();
  for (const fs::path& entry : entries) {
    fs::remove_all(entry, ec);
    if (ec) return ec.message();
  }
  fs::remove_all(path, ec);
  if (ec) return ec.message();
  return std::nullopt;
}

std::string staging_stem(const std::string& name, const std::string& kind) {
  return "." + name + ".topoc-" + kind;
}

BuildLock::BuildLock(BuildLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), held_(std::exchange(other.held_, false)) {}

BuildLock& BuildLock::operator=(BuildLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    held_ = std::exchange(other.held_, false);
  }
  return *this;
}

BuildLock::~BuildLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

std::optional<std::string> BuildLock::acquire(const fs::path& parent, BuildLock& lock) {
  lock = BuildLock();
  int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  // A parent one may write to but not list (mode -wx) cannot be locked.
  if (fd < 0 && errno == EACCES) return std::nullopt;
  if (fd < 0) return std::string(std::strerror(errno));
  lock.fd_ = fd;
  while (::flock(fd, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    // No locks on this file system (NFS without lockd, or flock emulated
    // with locks that need a file open for writing).
    if (errno == ENOLCK || errno == EBADF || errno == EOPNOTSUPP || errno == EINVAL) {
      return std::nullopt;
    }
    return std::string(std::strerror(errno));
  }
  lock.held_ = true;
  return std::nullopt;
}

std::optional<std::string> clean_leftovers(const fs::path& parent, const std::string& name,
                                           Leftovers& done) {
  std::vector<std::string> fresh, old;
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    std::string entry = it->path().filename().string();
    for (const char* kind : {"new", "old"}) {
      std::string stem = staging_stem(name, kind) + "-";
      if (entry.size() <= stem.size() || entry.compare(0, stem.size(), stem) != 0) continue;
      if (!is_unique_suffix(std::string_view(entry).substr(stem.size()))) continue;
      if (!looks_like_staging(parent / entry)) continue;
      (std::string_view(kind) == "new" ? fresh : old).push_back(entry);
    }
  }
  if (ec) return ec.message();
  std::sort(old.begin(), old.end());
  // Killed between moving the old tree aside and the new one in: DIR is
  // missing and its previous contents, the user's own files among them, wait
  // in the old tree. Put them back before anything else happens.
  if (!old.empty() && !fs::exists(fs::symlink_status(parent / name, ec))) {
    if (::rename((parent / old.front()).c_str(), (parent / name).c_str()) != 0) {
      return "cannot move `" + (parent / old.front()).string() + "` back to `" +
             (parent / name).string() + "`: " + std::strerror(errno);
    }
    done.restored = old.front();
    old.erase(old.begin());
  }
  fresh.insert(fresh.end(), old.begin(), old.end());
  std::sort(fresh.begin(), fresh.end());
  for (const std::string& entry : fresh) {
    if (auto error = remove_staging_directory(parent / entry)) {
      return "cannot remove `" + (parent / entry).string() + "`: " + *error;
    }
    done.removed.push_back(entry);
  }
  return std::nullopt;
}

}  // namespace topoc::emit
