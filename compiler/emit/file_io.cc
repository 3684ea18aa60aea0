#include "compiler/emit/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>
#include <vector>

namespace topoc::emit::io {
namespace {

std::string errno_text() {
  return std::strerror(errno);
}

// Closes on scope exit; close errors are checked where they matter.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

std::optional<std::string> write_all(int fd, std::string_view contents) {
  while (!contents.empty()) {
    ssize_t n = ::write(fd, contents.data(), contents.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_text();
    }
    contents.remove_prefix(static_cast<size_t>(n));
  }
  return std::nullopt;
}

std::optional<std::string> copy_file(const fs::path& from, const fs::path& to, mode_t mode) {
  auto contents = read_file(from);
  if (!contents) return std::string("cannot be read");
  if (auto error = write_file(to, *contents)) return error;
  if (::chmod(to.c_str(), mode & 07777) != 0) return errno_text();
  return std::nullopt;
}

// carry_over's work for one entry, whose lstat is `st`.
std::optional<std::string> recreate(const fs::path& from, const fs::path& to,
                                    const struct stat& st);

// Opens `path` for writing with `flags` added, writes `contents`, closes.
std::optional<std::string> write_opened(const fs::path& path, int flags,
                                        std::string_view contents) {
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0666));
  if (fd.get() < 0) return errno_text();
  if (auto error = write_all(fd.get(), contents)) return error;
  if (::close(fd.release()) != 0) return errno_text();
  return std::nullopt;
}

}  // namespace

std::optional<std::string> write_file(const fs::path& path, std::string_view contents) {
  return write_opened(path, O_EXCL, contents);
}

std::optional<std::string> overwrite_file(const fs::path& path, std::string_view contents) {
  return write_opened(path, O_TRUNC | O_NOFOLLOW, contents);
}

std::optional<std::string> sync_file_system(const fs::path& path) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return errno_text();
  if (::syncfs(fd.get()) != 0) return errno_text();
  return std::nullopt;
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return contents;
}

std::optional<std::string> read_regular_file(const fs::path& path) {
  // O_NONBLOCK: a FIFO swapped in after a check would otherwise block open().
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) return std::nullopt;
  struct stat st;
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  std::string contents;
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;
    }
    if (n == 0) return contents;
    contents.append(buffer, static_cast<size_t>(n));
  }
}

std::optional<std::string> sync_directory(const fs::path& path) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return errno_text();
  if (::fsync(fd.get()) != 0) return errno_text();
  return std::nullopt;
}

std::optional<std::string> make_unique_directory(const fs::path& parent, const std::string& stem,
                                                 fs::path& created) {
  for (int attempt = 0; attempt < 1000; ++attempt) {
    fs::path candidate =
        parent / (stem + "-" + std::to_string(::getpid()) + "-" + std::to_string(attempt));
    if (::mkdir(candidate.c_str(), 0777) == 0) {
      created = candidate;
      return std::nullopt;
    }
    if (errno != EEXIST) return errno_text();
  }
  return std::string("no free temporary name");
}

std::optional<std::string> carry_over(const fs::path& from, const fs::path& to) {
  struct stat st;
  if (::lstat(from.c_str(), &st) != 0) return errno_text();
  if (auto error = recreate(from, to, st)) return error;
  // A copy (or new directory) made by root keeps the owner of the original;
  // anyone else can only make it their own.
  if (::geteuid() == 0 && ::lchown(to.c_str(), st.st_uid, st.st_gid) != 0) return errno_text();
  return std::nullopt;
}

namespace {

std::optional<std::string> recreate(const fs::path& from, const fs::path& to,
                                    const struct stat& st) {
  if (S_ISREG(st.st_mode)) {
    if (::link(from.c_str(), to.c_str()) == 0) return std::nullopt;
    // No hard links across this file system (or too many): copy instead.
    if (errno == EXDEV || errno == EPERM || errno == EMLINK || errno == ENOTSUP ||
        errno == EOPNOTSUPP) {
      return copy_file(from, to, st.st_mode);
    }
    return errno_text();
  }
  if (S_ISLNK(st.st_mode)) {
    std::vector<char> target(static_cast<size_t>(st.st_size) + 1);
    ssize_t n = ::readlink(from.c_str(), target.data(), target.size());
    if (n < 0) return errno_text();
    if (static_cast<size_t>(n) >= target.size())
      return std::string("symbolic link changed while read");
    if (::symlink(std::string(target.data(), static_cast<size_t>(n)).c_str(), to.c_str()) != 0) {
      return errno_text();
    }
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    if (::mkdir(to.c_str(), 0700) != 0) return errno_text();
    std::error_code ec;
    for (fs::directory_iterator it(from, ec), end; !ec && it != end; it.increment(ec)) {
      if (auto error = carry_over(it->path(), to / it->path().filename())) return error;
    }
    if (ec) return ec.message();
    if (::chmod(to.c_str(), st.st_mode & 07777) != 0) return errno_text();
    return std::nullopt;
  }
  // A FIFO, socket or device node: the same inode, or a new one of the same
  // kind where no hard link can be made. Its data (if any) is not ours to read.
  if (::link(from.c_str(), to.c_str()) == 0) return std::nullopt;
  if (::mknod(to.c_str(), st.st_mode, st.st_rdev) != 0) return errno_text();
  return std::nullopt;
}

}  // namespace

std::optional<std::string> change_owner(const fs::path& root, uid_t uid, gid_t gid) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (::lchown(it->path().c_str(), uid, gid) != 0) return errno_text();
  }
  if (ec) return ec.message();
  if (::lchown(root.c_str(), uid, gid) != 0) return errno_text();
  return std::nullopt;
}

Exchange exchange_directories(const fs::path& a, const fs::path& b, std::string& error) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0)
    return Exchange::kDone;
  if (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP || errno == EOPNOTSUPP) {
    return Exchange::kUnsupported;
  }
  error = errno_text();
  return Exchange::kFailed;
}

std::optional<std::string> rename_path(const fs::path& from, const fs::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) return errno_text();
  return std::nullopt;
}

}  // namespace topoc::emit::io
