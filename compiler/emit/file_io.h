// The POSIX steps of writing an output tree durably: files written, then
// flushed to disk together before the tree is renamed into place, foreign
// files carried into a new tree without copying their bytes.
// Each function returns the reason it failed (strerror text), or nothing.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace topoc::emit::io {

namespace fs = std::filesystem;

// Creates `path` (which must not exist) with `contents`. Not yet durable:
// see sync_file_system.
std::optional<std::string> write_file(const fs::path& path, std::string_view contents);

// Writes `contents` over the regular file at `path`, or creates it; never
// through a symbolic link. Not yet durable.
std::optional<std::string> overwrite_file(const fs::path& path, std::string_view contents);

// Flushes every file and directory of the file system holding `path` to
// disk (syncfs). One call instead of an fsync per file: on ext4 each fsync
// waits for a journal commit of its own (6 ms each here, so a 500-file tree
// took 3 s), while syncfs commits once (80 ms for the same tree).
std::optional<std::string> sync_file_system(const fs::path& path);

// Reads a whole file; nothing when it is absent or unreadable.
std::optional<std::string> read_file(const fs::path& path);

// Reads a whole file only if `path` itself is a regular file: nothing for a
// symbolic link, a directory, or a FIFO or socket, which it never opens for
// reading (opening a FIFO would wait for a writer).
std::optional<std::string> read_regular_file(const fs::path& path);

// fsyncs a directory, so the entries created or renamed in it are durable.
std::optional<std::string> sync_directory(const fs::path& path);

// Creates a directory `parent/stem-<unique>` honouring the umask.
std::optional<std::string> make_unique_directory(const fs::path& parent, const std::string& stem,
                                                 fs::path& created);

// Recreates `from` at `to`: regular files as hard links (copied where the
// file system has none), directories recursively with their permissions,
// symbolic links with the same target, FIFOs, sockets and device nodes as
// hard links (recreated empty where none can be made; never opened).
std::optional<std::string> carry_over(const fs::path& from, const fs::path& to);

enum class Exchange { kDone, kUnsupported, kFailed };

// Swaps two directories in one atomic step (renameat2 RENAME_EXCHANGE).
// kUnsupported when the kernel or file system cannot.
Exchange exchange_directories(const fs::path& a, const fs::path& b, std::string& error);

// Gives every entry of the tree at `root`, and `root` itself, the owner
// `uid`:`gid` (symbolic links themselves, not what they point to).
std::optional<std::string> change_owner(const fs::path& root, uid_t uid, gid_t gid);

// rename(2).
std::optional<std::string> rename_path(const fs::path& from, const fs::path& to);

}  // namespace topoc::emit::io
