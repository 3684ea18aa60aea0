// `topoc diff --base REF`: the old topology read from git. git is spawned
// with an argument vector (posix_spawnp), never through a shell, so no part
// of a revision or a path is ever interpreted as shell text.
#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "compiler/driver/check.h"
#include "compiler/text/visible.h"
#include "tools/cli_diff.h"

extern char** environ;

namespace topoc::cli {
namespace {

struct GitRun {
  bool started = false;
  int status = -1;  // exit status when started
  std::string out;
  bool too_large = false;
};

// Runs `git -C DIR ARGS...` and collects its standard output; its standard
// error is discarded (the caller words the failure).
GitRun run_git(const std::string& dir, std::vector<std::string> args) {
  GitRun run;
  args.insert(args.begin(), {"git", "-C", dir});
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return run;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    return run;
  }
  run.started = true;
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    // Keep reading to the end so git is not stopped by a full pipe, but
    // keep no more than a topology may hold.
    if (run.out.size() + static_cast<size_t>(n) > driver::kMaxInputBytes) {
      run.too_large = true;
    } else {
      run.out.append(buffer, static_cast<size_t>(n));
    }
  }
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // posix_spawnp reports a missing program as exit status 127 of the child.
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    run.started = false;
    return run;
  }
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string trim_newline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

}  // namespace

GitFile read_at_revision(const std::string& ref, const std::string& path) {
  GitFile file;
  const std::string shown = visible(truncated(path));
  // A revision starting with `-` would be read by git as an option.
  if (ref.empty() || ref.front() == '-') {
    file.error = fmt::format("`--base {}` is not a git revision; write a branch, tag or commit",
                             visible(truncated(ref)));
    return file;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) {
    file.error = fmt::format("`{}`: {}", shown, ec.message());
    return file;
  }
  const std::string dir = absolute.parent_path().string();
  if (!fs::is_directory(dir, ec)) {
    file.error = fmt::format("`{}`: its directory does not exist", shown);
    return file;
  }
  GitRun prefix = run_git(dir, {"rev-parse", "--show-prefix"});
  if (!prefix.started) {
    file.error = "`--base` needs git, which was not found on PATH";
    return file;
  }
  if (prefix.status != 0) {
    file.error = fmt::format(
        "`{}` is not in a git repository; `--base` reads the old topology from git, or give "
        "both files: `topoc diff OLD NEW`",
        shown);
    return file;
  }
  const std::string relative = trim_newline(prefix.out) + absolute.filename().string();
  GitRun commit = run_git(dir, {"rev-parse", "--verify", "--quiet", ref + "^{commit}"});
  if (commit.status != 0) {
    file.error = fmt::format("`{}` names no commit of the repository around `{}`",
                             visible(truncated(ref)), shown);
    return file;
  }
  file.label = ref + ":" + relative;
  GitRun show = run_git(dir, {"show", file.label});
  if (show.status != 0) {
    file.error = fmt::format("`{}` does not exist at `{}` (no `{}` in that revision)", shown,
                             visible(truncated(ref)), visible(truncated(relative)));
    return file;
  }
  if (show.too_large) {
    file.error = fmt::format("`{}` is larger than {} MiB; a topology file is expected to be small",
                             visible(truncated(file.label)), driver::kMaxInputBytes >> 20);
    return file;
  }
  file.text = std::move(show.out);
  return file;
}

}  // namespace topoc::cli
